"""Settings: defaults ship in ``settings.toml``; a user file overrides only the keys it sets.

The user file is the first that exists of: ``$SITREP_SETTINGS``, ``./sitrep.toml``,
``~/.config/sitrep/settings.toml``.
"""
from __future__ import annotations

import functools
import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError


#: the ``--db`` option's help, one text for every command that opens the database
DB_HELP = ("database: an SQLite file, or a postgresql://user@host/dbname URL (default: $SITREP_DB, else the "
           "setting store.db, ./sitrep.db)")

def _merge(base: dict[str, Any], over: dict[str, Any], where: str) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if key not in base:
            raise ConfigError(f"{where}: unknown setting {key!r}")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: {key!r} must be a table")
            out[key] = _merge(base[key], value, where)
        else:
            out[key] = value
    return out


def user_file() -> Path | None:
    candidates = [os.environ.get("SITREP_SETTINGS"), "sitrep.toml", "~/.config/sitrep/settings.toml"]
    for c in candidates:
        if c and Path(c).expanduser().is_file():
            return Path(c).expanduser()
    return None


def defaults() -> dict[str, Any]:
    return tomllib.loads(resources.files("sitrep").joinpath("settings.toml").read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def load() -> dict[str, Any]:
    merged = defaults()
    path = user_file()
    if path is not None:
        try:
            over = tomllib.loads(path.read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise ConfigError(f"{path}: cannot read settings: {e}") from e
        merged = _merge(merged, over, str(path))
    return merged


def get(section: str, key: str) -> Any:
    return load()[section][key]


def data_dir() -> Path:
    """Folder for built data (gazetteer index). Created on demand."""
    configured = get("data", "dir") or os.environ.get("SITREP_DATA_DIR") or ""
    path = Path(configured).expanduser() if configured else Path.home() / ".local" / "share" / "sitrep"
    path.mkdir(parents=True, exist_ok=True)
    return path
