"""The README's Quick start: the main command's kg steps produce out/graph.ttl and out/graph.html,
and .ci/run runs exactly the README's test command."""
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _command(marker: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(re.escape(marker) + r"\s*```sh\n(.+?)\n```", text)
    assert m, marker
    return m.group(1)


def test_readme_commands_main_job_writes_turtle_and_html(tmp_path):
    (tmp_path / "data").symlink_to(ROOT / "data")
    steps = [s.strip() for s in _command("<!-- main-command -->").split("&&")]
    kg_steps = [s for s in steps if s.startswith(".venv/bin/kg ")]
    assert [s.split()[1] for s in kg_steps] == ["ingest", "export", "render"]
    for step in kg_steps:
        args = shlex.split(step)[1:]
        proc = subprocess.run([sys.executable, "-m", "kg", *args], cwd=tmp_path, capture_output=True, text=True,
                              env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
        assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 10_000
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert "vis.Network" in page or "vis-network" in page
    assert not re.search(r"<(?:script|link)[^>]+(?:src|href)=\"https?://", page)  # nothing loaded from the network


def test_readme_commands_ci_runs_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in script
    cmd = subprocess.run(["awk", '/<!-- test-command -->/{found=1; next} found && /^```sh/{getline; print; exit}',
                          str(ROOT / "README.md")], capture_output=True, text=True).stdout.strip()
    assert cmd == _command("<!-- test-command -->")
    assert "pytest" in cmd and "[test]" in cmd
