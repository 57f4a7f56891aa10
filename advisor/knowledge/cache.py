"""A cache of the parsed knowledge files, so that a start of the advisor does not parse the same
YAML again (reading it is most of the time loading the knowledge base takes).

Each entry is one JSON file in the user's cache folder (``platformdirs.user_cache_dir``:
``~/.cache/advisor`` on Linux, ``~/Library/Caches/advisor`` on macOS, ``%LOCALAPPDATA%\\advisor
\\Cache`` on Windows), named by a digest of the files' paths and bytes and the advisor's version:
an edited file, another checkout or another version of the advisor never reads an old entry.
It holds what the YAML reader made of each file (the data and the position of each value, for
messages); the data is validated and cross-checked after it is read, as if just parsed. A file
that is damaged, is not an entry of this format, or is for other bytes is ignored (and written
anew); JSON holds nothing that runs. Clearing the folder is always safe. ``ADVISOR_NO_CACHE=1``
turns the cache off.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Sequence

from .._version import __version__
from ..files.read import Document

FORMAT = "advisor-knowledge-cache"
VERSION = 1
MAX_BYTES = 20_000_000  # an entry is a few hundred kilobytes; anything larger is not ours
DISABLE = "ADVISOR_NO_CACHE"


def cache_folder() -> Path | None:
    """The folder of the cache, or None when it is turned off."""
    if os.environ.get(DISABLE, "").strip() not in ("", "0"):
        return None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("advisor", appauthor=False))


def entry_key(paths: Sequence[Path], contents: Sequence[bytes]) -> str:
    digest = hashlib.sha256(f"{FORMAT}/{VERSION}/{__version__}".encode())
    for path, content in zip(paths, contents):
        digest.update(b"\0" + str(path).encode("utf-8", "surrogatepass") + b"\0")
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()[:32]


def cached_documents(key: str, paths: Sequence[Path]) -> dict[str, Document] | None:
    """The documents of an entry, by path, or None if there is no usable entry."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        path = folder / f"knowledge-{key}.json"
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return None
        entry = json.loads(raw)
        if entry.get("format") != FORMAT or entry.get("version") != VERSION or entry.get("key") != key:
            return None
        documents = {}
        for item, expected in zip(entry["documents"], paths, strict=True):
            if item["source"] != str(expected):
                return None
            positions = {tuple(_loc(loc)): (int(line), int(column)) for loc, line, column in item["positions"]}
            documents[str(expected)] = Document(source=item["source"], data=item["data"], positions=positions)
        return documents
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # no entry, or not one of ours: read the files


def keep_documents(key: str, documents: Sequence[Document]) -> None:
    """Write an entry; a cache that cannot be written is no error (the next start reads the files)."""
    folder = cache_folder()
    if folder is None:
        return
    try:
        entry: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "key": key,
            "documents": [
                {
                    "source": document.source,
                    "data": document.data,
                    "positions": [[list(loc), line, column] for loc, (line, column) in _positions(document).items()],
                }
                for document in documents
            ],
        }
        text = json.dumps(entry, ensure_ascii=False, allow_nan=False)
        folder.mkdir(parents=True, exist_ok=True)
        from ..files.write import write_atomic

        write_atomic(folder / f"knowledge-{key}.json", text, durable=False)
    except (OSError, TypeError, ValueError):
        pass  # e.g. a read-only home, or a value JSON cannot hold (then the files are read each time)


def _positions(document: Document) -> dict:
    document.position(())  # JSON documents find their positions on first use
    return document.positions


def _loc(loc: Any) -> list:
    if not isinstance(loc, list) or not all(isinstance(part, (str, int)) and not isinstance(part, bool) for part in loc):
        raise TypeError("not a location")
    return loc
