"""Extractors: small callables over a :class:`~kg.model.Statement` that yield findings.

``PIPELINE`` lists them in the order they run; later ones may read what earlier ones found
on the same statement (mentions before metadata, metadata before relations).
"""
