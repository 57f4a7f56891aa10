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

from pathlib import Path
from typing import Any, Sequence

from ..cache import cache_folder, entry_key as _entry_key, read_entry, write_entry
from ..files.read import Document

__all__ = ["cache_folder", "cached_documents", "entry_key", "keep_documents"]

FORMAT = "advisor-knowledge-cache"
VERSION = 1
MAX_BYTES = 20_000_000  # an entry is a few hundred kilobytes; anything larger is not ours


def entry_key(paths: Sequence[Path], contents: Sequence[bytes]) -> str:
    """The name of the entry for these files: their paths and their bytes."""
    parts: list[bytes] = []
    for path, content in zip(paths, contents):
        parts += [str(path).encode("utf-8", "surrogatepass"), content]
    return _entry_key(FORMAT, VERSION, parts)


def cached_documents(key: str, paths: Sequence[Path]) -> dict[str, Document] | None:
    """The documents of an entry, by path, or None if there is no usable entry."""
    entry = read_entry(f"knowledge-{key}.json", FORMAT, VERSION, key, MAX_BYTES)
    if entry is None:
        return None
    try:
        documents = {}
        for item, expected in zip(entry["documents"], paths, strict=True):
            if item["source"] != str(expected):
                return None
            positions = {tuple(_loc(loc)): (int(line), int(column)) for loc, line, column in item["positions"]}
            documents[str(expected)] = Document(source=item["source"], data=item["data"], positions=positions)
        return documents
    except (ValueError, KeyError, TypeError, AttributeError):
        return None  # not one of ours: read the files


def keep_documents(key: str, documents: Sequence[Document]) -> None:
    """Write an entry; a cache that cannot be written is no error (the next start reads the files)."""
    if cache_folder() is None:
        return
    write_entry(f"knowledge-{key}.json", FORMAT, VERSION, key, {
        "documents": [
            {
                "source": document.source,
                "data": document.data,
                "positions": [[list(loc), line, column] for loc, (line, column) in _positions(document).items()],
            }
            for document in documents
        ],
    })


def _positions(document: Document) -> dict:
    document.position(())  # JSON documents find their positions on first use
    return document.positions


def _loc(loc: Any) -> list:
    if not isinstance(loc, list) or not all(isinstance(part, (str, int)) and not isinstance(part, bool) for part in loc):
        raise TypeError("not a location")
    return loc
