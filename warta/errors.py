"""Errors warta reports to users: each carries a one-line message, never a traceback."""

from __future__ import annotations


class WartaError(Exception):
    """Base class. ``str(err)`` is the one-line message shown to the user."""

    kind = "error"

    def __init__(self, message: str, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class InputError(WartaError):
    """The input could not be read as an article (empty, binary, not Indonesian...)."""

    kind = "input"


class ResourceError(WartaError):
    """A language resource (lexicon, model) is missing or invalid."""

    kind = "resource"


class PipelineError(WartaError):
    """The pipeline was assembled wrongly (a stage's requirement is not provided)."""

    kind = "pipeline"


class StoreError(WartaError):
    """The database could not be opened or written (locked, full, wrong schema)."""

    kind = "store"
