"""Storage: SQLite by default, PostgreSQL when shared; ingest, dedup and export on top."""

from __future__ import annotations

from .store import DEFAULT_DB, Store, open_store

__all__ = ["DEFAULT_DB", "Store", "open_store"]
