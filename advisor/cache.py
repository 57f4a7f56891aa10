"""Entries kept between runs in the user's cache folder: what the advisor made of files whose
bytes rarely change (the knowledge files: advisor/knowledge/cache.py; the message catalogs:
advisor/i18n/cache.py), so a start does not parse them again.

The folder is each platform's own (``platformdirs.user_cache_dir``: ``~/.cache/advisor`` on
Linux, ``~/Library/Caches/advisor`` on macOS, ``%LOCALAPPDATA%\\advisor\\Cache`` on Windows).
An entry is one JSON file, named by a digest of what it was made from and the advisor's version;
JSON holds nothing that runs. An entry that is damaged, too large, of another format or of other
bytes reads as none, and a cache that cannot be written is no error: the files are parsed again.
Clearing the folder is always safe; ``ADVISOR_NO_CACHE=1`` turns the cache off. This module
stands below the catalogs in the layers, so it renames its own temporary file into place.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable

from ._version import __version__

DISABLE = "ADVISOR_NO_CACHE"


def cache_folder() -> Path | None:
    """The folder of the cache, or None when it is turned off."""
    if os.environ.get(DISABLE, "").strip() not in ("", "0"):
        return None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("advisor", appauthor=False))


def entry_key(kind: str, version: int, parts: Iterable[bytes]) -> str:
    """The name of an entry made from these parts (bytes), by this version of the advisor."""
    digest = hashlib.sha256(f"{kind}/{version}/{__version__}".encode())
    for part in parts:
        digest.update(b"\0" + hashlib.sha256(part).digest())
    return digest.hexdigest()[:32]


def read_entry(name: str, kind: str, version: int, key: str, max_bytes: int) -> dict[str, Any] | None:
    """The entry ``name`` if it is one of this kind, version and key; else None."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        with open(folder / name, "rb") as handle:
            raw = handle.read(max_bytes + 1)
        if len(raw) > max_bytes:
            return None
        entry = json.loads(raw)
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or entry.get("format") != kind or entry.get("version") != version or entry.get("key") != key:
        return None
    return entry


def write_entry(name: str, kind: str, version: int, key: str, content: dict[str, Any]) -> None:
    """Keep an entry (the content's fields beside format, version and key); never an error."""
    folder = cache_folder()
    if folder is None:
        return
    try:
        text = json.dumps({"format": kind, "version": version, "key": key, **content}, ensure_ascii=False, allow_nan=False)
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, folder / name)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, TypeError, ValueError):
        pass  # e.g. a read-only home, or a value JSON cannot hold: parsed again next time
