"""The incident database: SQLite (WAL, FTS5, R*Tree), one writer, migrations. See docs/store.md."""
from __future__ import annotations

from .sqlite import Store, content_hash, database_path
from .writer import writer_lock

__all__ = ["Store", "content_hash", "database_path", "writer_lock"]
