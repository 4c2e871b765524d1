"""The assembler writes N-Quads text itself: every literal must read back as the string it was given,
and the text must hold each quad once, as many as it says."""
import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.assemble import _str, assemble, assemble_nquads
from kg.pipeline import extract_document
from kg.read import read_document

from conftest import STATEMENTS_DIR

# text as documents bring it: quotes, backslashes, both line ends, tabs, controls, accents, emoji
_TEXT = st.lists(st.sampled_from(list('ab "\\\n\r\t\x00\x07\x7fé€“”’\u2028\ufeff') + ["\U0001F600", "\\n", '\\"']),
                 max_size=40).map("".join)


@given(_TEXT)
@settings(max_examples=300, deadline=None)
def test_assemble_nquads_literal_reads_back_as_its_string(value: str):
    line = f"<http://x/s> <http://x/p> {_str(value)} <http://x/g> .\n".encode("utf-8")
    (quad,) = ox.parse(line, format=ox.RdfFormat.N_QUADS)
    assert quad.object == ox.Literal(value)


def test_assemble_nquads_counts_each_quad_once_and_parses_as_assemble_gives():
    for path in sorted(STATEMENTS_DIR.glob("*.txt")):
        doc = read_document(path)
        nquads, count = assemble_nquads(doc, extract_document(doc))
        quads = list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
        assert count == len(quads) == len(set(quads)) > 0
        assert quads == assemble(doc, extract_document(doc))
        assert {q.graph_name for q in quads} == {ox.NamedNode(quads[0].graph_name.value)}
