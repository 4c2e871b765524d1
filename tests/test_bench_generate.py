"""The benchmark's corpus generator: repeatable for a seed, and its documents read as statements with
speakers and mentions (a handful of documents; the benchmark itself runs on demand, not here)."""
from __future__ import annotations

from pathlib import Path

from conftest import bench_generate

from kg.ingest import ingest
from kg.store import Store


def _write(folder: Path, docs: int, seed: int) -> dict[str, bytes]:
    gen = bench_generate()
    list(gen.generate(folder, docs, seed))
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.txt"))}


def test_bench_generate_same_seed_same_corpus(tmp_path: Path) -> None:
    a = _write(tmp_path / "a", 12, seed=7)
    b = _write(tmp_path / "b", 12, seed=7)
    c = _write(tmp_path / "c", 12, seed=8)
    assert a == b
    assert len(a) == 12 and all(name.startswith("000/") for name in a)
    assert a != c
    # document i does not depend on how many are written: a corpus grows by appending
    assert _write(tmp_path / "d", 5, seed=7) == {k: v for k, v in a.items() if k <= "000/000004.txt"}


def test_bench_generate_documents_average_about_2_kb() -> None:
    gen = bench_generate()
    sizes = [len(gen.document(i, 3).encode("utf-8")) for i in range(200)]
    assert 1500 <= sum(sizes) / len(sizes) <= 2600


def test_bench_generate_documents_ingest_with_speakers_and_mentions(tmp_path: Path) -> None:
    _write(tmp_path / "corpus", 10, seed=1)
    with Store(tmp_path / "store") as store:
        report = ingest([tmp_path / "corpus"], store)
        assert report.documents == 10 and not report.failed
        assert report.statements >= 10
        counts = store.select("""
            SELECT (COUNT(DISTINCT ?sp) AS ?speakers) (COUNT(DISTINCT ?st) AS ?states)
                   (COUNT(DISTINCT ?res) AS ?resolutions) WHERE {
              { ?s dkg:speaker ?sp } UNION { ?m dkg:mentionOf ?st . ?st a dkg:State }
              UNION { ?m dkg:mentionOf ?res . ?res a dkg:Resolution }
            }""").rows[0]
    speakers, states, resolutions = (int(t.value) for t in counts)
    assert speakers >= 5
    assert states >= 10
    assert resolutions >= 5
