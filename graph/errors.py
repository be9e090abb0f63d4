"""Library exceptions.  The CLI turns each into one plain ``Error: ...`` line."""

from __future__ import annotations

__all__ = ["PolicyKGError", "LoadError", "AmbiguousReference", "NotFound", "StoreError"]


class PolicyKGError(Exception):
    """Base of every error policykg raises on purpose."""


class LoadError(PolicyKGError):
    """A file cannot be read or decoded.  The message names the file and the reason."""

    def __init__(self, path: str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class NotFound(PolicyKGError):
    """A reference, task or agency is not in the graph."""


class AmbiguousReference(PolicyKGError):
    """A reference matches several nodes; ``candidates`` lists their ids."""

    def __init__(self, ref: str, candidates: list[str]):
        self.ref = ref
        self.candidates = list(candidates)
        listing = ", ".join(self.candidates)
        super().__init__(f"{ref!r} is ambiguous; candidates: {listing}")


class StoreError(PolicyKGError):
    """The store file cannot be opened or written."""
