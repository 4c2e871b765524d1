"""docs/vocabulary.md is what `kg vocab --examples` gives on the bundled corpus, and names every term."""
from __future__ import annotations

import re

from rdflib import Graph
from rdflib.namespace import OWL, RDF

from conftest import PROJECT_ROOT, run_kg_in
from kg.paths import ONTOLOGY_FILE
from kg.store import Store
from kg.terms import DKG
from kg.vocab import EXAMPLES, vocabulary_markdown

DOC = PROJECT_ROOT / "docs" / "vocabulary.md"


def test_vocab_docs_file_is_the_generated_one_with_real_answers(corpus_store):
    store, _ = corpus_store
    with Store(store, read_only=True) as s:
        generated = vocabulary_markdown(s)
    assert DOC.read_text(encoding="utf-8") == generated, \
        "docs/vocabulary.md is stale: run `kg vocab --examples --store STORE -o docs/vocabulary.md` on data/statements/"
    answers = re.findall(r"```text\n(.*?)\n```", generated, re.DOTALL)
    assert len(answers) == len(EXAMPLES) == 5
    for table in answers:  # every example answers something on the bundled corpus
        n = int(re.search(r"\((\d+) rows?\)$", table).group(1))
        assert n > 0, table


def test_vocab_lists_every_class_and_property_with_its_comment():
    onto = Graph().parse(ONTOLOGY_FILE, format="turtle")
    text = vocabulary_markdown()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in onto.subjects(RDF.type, kind):
            if str(term).startswith(str(DKG)):
                name = "dkg:" + str(term)[len(str(DKG)):]
                row = next((line for line in text.splitlines() if line.startswith(f"| `{name}` |")), None)
                assert row is not None, name
                assert len(row.split(" | ")[-1]) > 10, row  # its comment


def test_vocab_cli_writes_markdown_without_a_store(tmp_path):
    proc = run_kg_in(tmp_path, "vocab", "--store", tmp_path / "none")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("# The diplokg vocabulary") and "## Five questions" not in proc.stdout
    proc = run_kg_in(tmp_path, "vocab", "--examples", "--store", tmp_path / "none")
    assert proc.returncode == 1 and proc.stderr.startswith("Error: ") and "kg ingest" in proc.stderr
