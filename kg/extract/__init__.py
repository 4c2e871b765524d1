"""Extractors: small callables over a :class:`~kg.model.Statement` that yield findings.

:mod:`kg.pipeline` runs them in order (``ENTITY_EXTRACTORS``, then ``STATEMENT_EXTRACTORS``); later ones
may read what earlier ones found on the same statement (mentions before metadata, metadata before
relations). The statement readers share :mod:`kg.extract.header` (where a heading's title starts, the
body's first sentence, a dateline) and :mod:`kg.extract.lead` (a news lead).
"""
