"""A document's text is stored once; the words of every mention and piece of evidence, and the sentence
around them, are cut from it (in SPARQL with SUBSTR, in Python when drawing)."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from conftest import TINY_STATEMENT

from kg.ingest import ingest
from kg.spans import SENTENCE_MAX, sentence_around
from kg.store import Store
from kg.terms import DKG
from kg.views.data import load_view_data


def test_spans_sentence_around_a_span_is_its_sentence() -> None:
    text = "Mr President,\n\nWe support resolution 75/240. We call on\nSwitzerland to join!\n\nThank you."
    at = text.index("75/240")
    assert sentence_around(text, at, at + 6) == "We support resolution 75/240."
    at = text.index("Switzerland")
    assert sentence_around(text, at, at + 11) == "We call on Switzerland to join!"
    assert sentence_around(text, 0, 2) == "Mr President,"


def test_spans_sentence_around_a_span_in_a_run_on_text_is_cut() -> None:
    text = "word " * 1000 + "Russia " + "word " * 1000
    at = text.index("Russia")
    got = sentence_around(text, at, at + 6)
    assert got.startswith("…") and got.endswith("…") and "Russia" in got
    assert len(got) <= 2 * SENTENCE_MAX + 10


def test_spans_store_keeps_the_text_once_and_no_quote(tmp_path: Path, write_texts) -> None:
    folder = write_texts({"a.txt": TINY_STATEMENT})
    with Store(tmp_path / "st") as store:
        ingest([folder], store)
        texts = list(store.db.quads_for_pattern(None, ox.NamedNode(str(DKG.text)), None, None))
        assert [q.object.value for q in texts] == [TINY_STATEMENT]
        assert not any(q.predicate.value.endswith("#quote") for q in store.quads())
        rows = store.select("SELECT ?q WHERE { GRAPH ?g { ?m dkg:mentionOf ?e ; dkg:span ?span . ?g dkg:text ?t } "
                            "BIND(xsd:integer(STRBEFORE(?span, '-')) AS ?s) "
                            "BIND(SUBSTR(?t, ?s + 1, xsd:integer(STRAFTER(?span, '-')) - ?s) AS ?q) }").rows
        assert {"Switzerland", "75/240"} <= {r[0].value for r in rows}


def test_spans_views_show_a_quote_in_its_sentence(tmp_path: Path, write_texts) -> None:
    folder = write_texts({"a.txt": TINY_STATEMENT})
    with Store(tmp_path / "st") as store:
        ingest([folder], store)
        data = load_view_data(store)
    quotes = [q for qs in data.quotes.values() for q in qs]
    swiss = next(q for q in quotes if q.text == "Switzerland")
    assert swiss.sentence.startswith("The Russian Federation supports") and swiss.sentence.endswith("consensus.")
    st = next(st for (st, _e), qs in data.quotes.items() if swiss in qs)
    ev = data.evidence(st, swiss)
    assert ev["quote"] == "Switzerland" and ev["sentence"] == swiss.sentence
