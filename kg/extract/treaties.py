"""Treaties by name and short form (UN Charter, CWC, NPT, New START / START-3, INF, ABM, ...)."""
from __future__ import annotations

import re
from typing import Iterator

from kg.extract.common import hits
from kg.model import Mention, Statement

__all__ = ["treaties"]


def treaties(stmt: Statement) -> Iterator[Mention]:
    text = stmt.context.text
    for hit in hits(stmt):
        if hit.outer is not None and (
                any(f.entity is not None and f.entity.kind in ("Person", "Treaty") for f in hit.outer.forms)
                or not re.search(r"\b(?:of|to)\s+(?:the\s+)?#?$", text[hit.outer.start:hit.start], re.I)):
            continue  # "Collective Security Treaty Organisation" names a body; "Parties to the Treaty ..." a treaty
        for f in hit.forms:
            if f.entity is not None and f.entity.kind == "Treaty":
                yield Mention(hit.start, hit.end, text[hit.start:hit.end], f.entity, f.form,
                              {"nested": True} if hit.outer is not None else {})
                break
