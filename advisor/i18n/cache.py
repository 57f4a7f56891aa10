"""What Babel made of a catalog, kept between runs: parsing a .po file is most of what the
advisor's own words cost a start (about a tenth of a second per language), and its bytes rarely
change.

An entry is one JSON file in the user's cache folder (the knowledge cache's folder, see
advisor/knowledge/cache.py), named by the language and a digest of the catalog's bytes and the
advisor's version, so an edited catalog or another version never reads an old entry. A damaged
or foreign entry is ignored and written anew; JSON holds nothing that runs; ``ADVISOR_NO_CACHE=1``
turns the cache off. This module stands at the bottom of the layers, so it writes its entry
itself (a temporary file renamed into place), without the files layer.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from .._version import __version__

FORMAT = "advisor-catalog-cache"
VERSION = 1
MAX_BYTES = 5_000_000  # an entry is the size of its catalog; anything larger is not ours
DISABLE = "ADVISOR_NO_CACHE"

Messages = dict[str, "str | tuple[str, ...]"]


def _folder() -> Path | None:
    if os.environ.get(DISABLE, "").strip() not in ("", "0"):
        return None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("advisor", appauthor=False))


def _key(lang: str, content: bytes) -> str:
    digest = hashlib.sha256(f"{FORMAT}/{VERSION}/{__version__}/{lang}/".encode())
    digest.update(content)
    return digest.hexdigest()[:32]


def kept_catalog(lang: str, content: bytes) -> tuple[Messages, str] | None:
    """The messages and plural rule kept for these bytes, or None if there is no usable entry."""
    folder = _folder()
    if folder is None:
        return None
    key = _key(lang, content)
    try:
        with open(folder / f"catalog-{lang}-{key}.json", "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return None
        entry = json.loads(raw)
        if entry.get("format") != FORMAT or entry.get("version") != VERSION or entry.get("key") != key:
            return None
        messages: Messages = {}
        for name, text in entry["messages"].items():
            if isinstance(text, str):
                messages[name] = text
            elif isinstance(text, list) and text and all(isinstance(form, str) for form in text):
                messages[name] = tuple(text)
            else:
                return None
        plural = entry["plural"]
        if not isinstance(plural, str):
            return None
        return messages, plural
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # no entry, or not one of ours: parse the catalog


def keep_catalog(lang: str, content: bytes, messages: Messages, plural: str) -> None:
    """Write an entry; a cache that cannot be written is no error (the next start parses again)."""
    folder = _folder()
    if folder is None:
        return
    key = _key(lang, content)
    try:
        text = json.dumps({"format": FORMAT, "version": VERSION, "key": key, "plural": plural, "messages": messages}, ensure_ascii=False)
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".catalog-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, folder / f"catalog-{lang}-{key}.json")
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, TypeError, ValueError):
        pass  # e.g. a read-only home
