"""The one exception hierarchy of diplokg.

Every error the library raises on purpose is a :class:`KgError`; its message names the
input that was wrong and what to do about it. Only the CLI turns these into
``Error: ...`` lines and exit codes.
"""
from __future__ import annotations

__all__ = [
    "KgError",
    "InputError",
    "DecodeError",
    "GazetteerError",
    "StoreError",
    "StoreBusyError",
    "QueryError",
    "ParameterError",
    "ExportError",
    "RemoteError",
]


class KgError(Exception):
    """Base class of every error diplokg raises deliberately."""


class InputError(KgError):
    """A file or folder given to ingest cannot be read as a document."""


class DecodeError(InputError):
    """A file's bytes are not text in the expected encoding."""


class GazetteerError(KgError):
    """A gazetteer YAML file is missing or malformed."""


class StoreError(KgError):
    """The store cannot be opened, read or written."""


class StoreBusyError(StoreError):
    """Another process holds the store's write lock."""


class QueryError(KgError):
    """A SPARQL query is unknown, unreadable or failed."""


class ParameterError(QueryError):
    """A query parameter is missing, unknown or of the wrong form."""


class ExportError(KgError):
    """An export cannot be written."""


class RemoteError(KgError):
    """An external SPARQL server cannot be reached or refused a request."""
