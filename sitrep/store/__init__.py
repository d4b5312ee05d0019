"""The incident database: SQLite (WAL, FTS5, R*Tree) by default, PostgreSQL for a shared server;
versioned migrations. See docs/store.md."""
from __future__ import annotations

from .sqlite import Store, content_hash, database_exists, database_path, is_url, redacted
from .writer import writer_lock

__all__ = ["Store", "content_hash", "database_exists", "database_path", "is_url", "redacted", "writer_lock"]
