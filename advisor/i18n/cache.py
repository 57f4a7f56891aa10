"""What Babel made of a catalog, kept between runs (advisor/cache.py): parsing a .po file is most
of what the advisor's own words cost a start (about a tenth of a second per language), and its
bytes rarely change. An entry is named by the language and the catalog's bytes, so an edited
catalog is parsed again.
"""

from __future__ import annotations

from ..cache import entry_key, read_entry, write_entry

FORMAT = "advisor-catalog-cache"
VERSION = 1
MAX_BYTES = 5_000_000  # an entry is the size of its catalog; anything larger is not ours

Messages = dict[str, "str | tuple[str, ...]"]


def _name(lang: str, key: str) -> str:
    return f"catalog-{lang}-{key}.json"


def kept_catalog(lang: str, content: bytes) -> tuple[Messages, str] | None:
    """The messages and plural rule kept for these bytes, or None if there is no usable entry."""
    key = entry_key(FORMAT, VERSION, [lang.encode(), content])
    entry = read_entry(_name(lang, key), FORMAT, VERSION, key, MAX_BYTES)
    if entry is None:
        return None
    messages: Messages = {}
    found = entry.get("messages")
    if not isinstance(found, dict) or not isinstance(entry.get("plural"), str):
        return None
    for name, text in found.items():
        if isinstance(text, str):
            messages[name] = text
        elif isinstance(text, list) and text and all(isinstance(form, str) for form in text):
            messages[name] = tuple(text)
        else:
            return None
    return messages, entry["plural"]


def keep_catalog(lang: str, content: bytes, messages: Messages, plural: str) -> None:
    """Keep what Babel made of these bytes; a cache that cannot be written is no error."""
    key = entry_key(FORMAT, VERSION, [lang.encode(), content])
    write_entry(_name(lang, key), FORMAT, VERSION, key, {"plural": plural, "messages": messages})
