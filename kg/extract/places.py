"""Places: cities and venues named as locations (a capital used as an actor is a state, not a place)."""
from __future__ import annotations

from typing import Iterator

from kg.dates import date_follows
from kg.extract.common import hits
from kg.extract.states import capital_is_actor
from kg.model import Mention, Statement

__all__ = ["places"]


def places(stmt: Statement) -> Iterator[Mention]:
    text = stmt.context.text
    for hit in hits(stmt):
        if hit.outer is not None:
            continue
        forms = [f for f in hit.forms if f.entity is not None and f.entity.kind == "Place"]
        if not forms:
            continue
        if any(f.form in ("capital", "metonym") for f in hit.forms) and capital_is_actor(text, hit.start, hit.end):
            continue
        if any(f.entity is not None and f.entity.kind == "State" and f.form in ("name", "abbreviation", "adjective")
               for f in hit.forms) and not date_follows(text, hit.end):
            continue  # "Burhan Gafoor of Singapore": the state; "Singapore, 4 May 2022": the city
        yield Mention(hit.start, hit.end, text[hit.start:hit.end], forms[0].entity, "place")
