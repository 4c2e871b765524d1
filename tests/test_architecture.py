"""The shape of the code, read from its source: no import cycle in kg/ and viz/, no function longer than
80 lines, and the kinds of entity and the relations listed once (in kg/kinds.py)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import networkx as nx
import pytest

from conftest import PROJECT_ROOT
from kg.kinds import KINDS, RELATIONS
from kg.views import VIEWS

PACKAGES = ("kg", "viz")
MAX_LINES = 80
SOURCES = sorted(p for pkg in PACKAGES for p in (PROJECT_ROOT / pkg).rglob("*.py"))
QUERIES = sorted((PROJECT_ROOT / "data" / "queries").glob("*.rq"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PROJECT_ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in SOURCES}


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Whether ``node`` stands in an ``if TYPE_CHECKING:`` block (never run)."""
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def imports_of(path: Path) -> set[str]:
    """The project modules ``path`` imports, at its top or inside a function (a lazy import is still an
    import); ``from pkg import name`` is the module ``pkg.name`` when there is one."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if _type_checking_only(node, parents):
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                found.add(sub if sub in MODULES else node.module)
    return {m for m in found if m in MODULES}


def import_graph() -> nx.DiGraph:
    g = nx.DiGraph()
    for name, path in MODULES.items():
        g.add_node(name)
        g.add_edges_from((name, other) for other in imports_of(path) if other != name)
    # kg.views loads the module of each registered view by name (importlib)
    g.add_edges_from(("kg.views", f"kg.views.{view}") for view in VIEWS)
    return g


def test_architecture_imports_have_no_cycle():
    g = import_graph()
    assert g.number_of_edges() > len(MODULES) / 2  # the graph was read (the imports were found)
    cycles = [sorted(c) for c in nx.strongly_connected_components(g) if len(c) > 1]
    assert not cycles, f"modules importing each other: {cycles}"


def test_architecture_import_graph_sees_a_lazy_import(tmp_path):
    path = tmp_path / "lazy.py"
    path.write_text("def f():\n    from kg.views import top\n    import kg.iris\n", encoding="utf-8")
    assert imports_of(path) == {"kg.views.top", "kg.iris"}


def long_functions(paths: list[Path]) -> list[str]:
    out = []
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_LINES:
                    out.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno} {node.name} ({lines} lines)")
    return out


def test_architecture_functions_are_at_most_80_lines():
    assert not long_functions(SOURCES), "cut these into named steps"


# ---------------------------------------------------------------- kinds and relations listed once
def _name_in(item: ast.AST) -> object:
    """The name an item of a literal gives: ``"State"``, ``DKG.State``, or ``Kind("State", ...)``."""
    if isinstance(item, ast.Call) and item.args:
        item = item.args[0]
    if isinstance(item, ast.Attribute):
        return item.attr
    return item.value if isinstance(item, ast.Constant) else None


def _listings(source: str, names: set[str], least: int = 3) -> list[int]:
    """Lines of ``source`` where one literal (a tuple, list, set or dict, or one string such as a SPARQL
    VALUES block, docstrings aside) names ``least`` or more of ``names``."""
    found = []
    tree = ast.parse(source)
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef)) and ast.get_docstring(n) is not None}
    for node in ast.walk(tree):
        if id(node) in docstrings:  # prose about kinds is not a list of them
            continue
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            items = node.elts
        elif isinstance(node, ast.Dict):
            items = [k for k in node.keys if k is not None]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            words = set(re.findall(r"\w+", node.value))
            if len(words & names) >= least:
                found.append(node.lineno)
            continue
        else:
            continue
        named = {_name_in(i) for i in items}
        if len(named & names) >= least:
            found.append(node.lineno)
    return found


def _listed_outside_the_registry(names: set[str]) -> list[str]:
    out = [f"{p.relative_to(PROJECT_ROOT)}:{line}" for p in SOURCES if p.name != "kinds.py" or p.parent.name != "kg"
           for line in _listings(p.read_text(encoding="utf-8"), names)]
    for q in QUERIES:
        if len(set(re.findall(r"dkg:(\w+)", q.read_text(encoding="utf-8"))) & names) >= 3:
            out.append(str(q.relative_to(PROJECT_ROOT)))
    return out


def test_architecture_the_kinds_are_listed_once():
    assert len(_listings((PROJECT_ROOT / "kg" / "kinds.py").read_text(encoding="utf-8"), set(KINDS))) == 1
    assert not _listed_outside_the_registry(set(KINDS))


def test_architecture_the_relations_are_listed_once():
    assert len(_listings((PROJECT_ROOT / "kg" / "kinds.py").read_text(encoding="utf-8"), set(RELATIONS))) == 1
    assert not _listed_outside_the_registry(set(RELATIONS))


@pytest.mark.parametrize("source", [
    'TYPES = ("State", "Person", "Treaty")',
    'COLOURS = {"State": 1, "Organization": 2, "Place": 3}',
    'Q = "VALUES ?c { dkg:State dkg:Person dkg:Resolution }"',
    'KINDS = [Kind("State", 1), Kind("Place", 2), Kind("Event", 3)]',
])
def test_architecture_a_second_listing_is_found(source):
    assert _listings(source, set(KINDS)) == [1]
