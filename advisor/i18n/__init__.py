"""The advisor's own words (headings, labels, messages), from gettext catalogs.

Knowledge texts (findings, recommendations, questions) live in the data files; the catalogs hold
only the interface around them: ``locale/LANG.po``, one per language. Each message is known by
a key, its msgid (``workshop.ready``); ``en.po`` holds the English texts and is the template a
translator starts from (a monolingual catalog, as Weblate and Poedit handle them). A message
about a number of things has plural forms (msgid_plural), chosen by the catalog's own
Plural-Forms rule. The languages are the catalogs: adding ``de.po`` adds German, with no change
to the code (its texts in the knowledge files are then missing, and `advisor check` says so).

Catalogs are read with Babel on first use of a language, and what Babel made of a catalog's bytes
is kept in the user's cache folder (cache.py), as the knowledge files are; numbers are written by Babel in the
language's way (12.5 and 1,200 in English, 12,5 and 1.200 in Dutch). Importing this module
reads nothing but the folder's file names, so the command line's cold path stays light.
"""

from __future__ import annotations

import gettext
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE_LANG = "en"  # the catalog every other one translates, and the fallback for a missing message
LANGS: tuple[str, ...] = (SOURCE_LANG,) + tuple(
    sorted(path.stem for path in LOCALE_DIR.glob("*.po") if path.stem != SOURCE_LANG)
)


@dataclass(frozen=True)
class Catalog:
    """One language's messages: key -> text, or key -> plural forms; and its plural rule."""

    lang: str
    messages: dict[str, str | tuple[str, ...]]
    plural: Callable[[int], int]


_catalogs: dict[str, Catalog] = {}
_lock = threading.Lock()


def catalog(lang: str) -> Catalog:
    """The catalog of a language (read once per process); the source language's for any other."""
    if lang not in LANGS:
        lang = SOURCE_LANG
    with _lock:
        if lang not in _catalogs:
            _catalogs[lang] = read_catalog(LOCALE_DIR / f"{lang}.po", lang)
        return _catalogs[lang]


def read_catalog(path: Path, lang: str) -> Catalog:
    """A catalog file, parsed by Babel, or what Babel made of the same bytes before (cache.py)."""
    from . import cache

    content = path.read_bytes()
    kept = cache.kept_catalog(lang, content)
    if kept is None:
        kept = parse_catalog(content, lang)
        cache.keep_catalog(lang, content, *kept)
    messages, plural_expr = kept
    return Catalog(lang, messages, gettext.c2py(plural_expr))


def parse_catalog(content: bytes, lang: str) -> tuple[dict[str, str | tuple[str, ...]], str]:
    """The messages of a .po file (key -> text, or key -> plural forms) and its plural rule."""
    import io

    from babel.messages.pofile import read_po

    po = read_po(io.BytesIO(content), locale=lang)
    messages: dict[str, str | tuple[str, ...]] = {}
    for message in po:
        if not message.id or message.fuzzy:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        text = message.string
        if isinstance(text, tuple) and all(text):
            messages[key] = tuple(text)
        elif isinstance(text, str) and text:
            messages[key] = text
    return messages, po.plural_expr


def texts(lang: str) -> list[str]:
    """Every text of a language's catalog, each plural form on its own (for checks of wording)."""
    found: list[str] = []
    for text in catalog(lang).messages.values():
        found.extend(text if isinstance(text, tuple) else [text])
    return found


def _text(lang: str, key: str, n: int | None = None) -> str:
    for source in (catalog(lang), catalog(SOURCE_LANG)):
        found = source.messages.get(key)
        if found is None:
            continue
        if isinstance(found, tuple):  # plural forms: the one for n (without a count: the last, "many")
            return found[-1] if n is None else found[min(source.plural(n), len(found) - 1)]
        return found
    raise KeyError(f"no message {key!r} in the catalogs")


def t(lang: str, key: str, /, **values: object) -> str:
    """The message ``key`` in a language, with its placeholders filled in."""
    text = _text(lang, key)
    return text.format(**values) if values else text


def tn(lang: str, key: str, n: int, /, **values: object) -> str:
    """A message about ``n`` things, in the plural form the language uses for n."""
    text = _text(lang, key, n)
    return text.format(**values) if values else text


def number(lang: str, value: float | int) -> str:
    """A number as the language writes it: 80,287 and 12.5 in English; 80.287 and 12,5 in Dutch.
    At most two decimals: no share the advisor reads has more."""
    from babel.numbers import format_decimal

    return format_decimal(value, format="#,##0.##", locale=lang if lang in LANGS else SOURCE_LANG)


def percent(lang: str, value: float | int) -> str:
    """A percentage of employees: '12.5%' in English, '12,5%' in Dutch; a band of them as the
    range it is, '25-50%' (never one figure made up for it)."""
    if isinstance(value, str) and "-" in value:  # a band, as the answers write it (schema/shares.py)
        low, high = value.split("-", 1)
        return f"{number(lang, float(low))}-{number(lang, float(high))}%"
    return number(lang, value) + "%"


def default_lang(environ: dict[str, str] | None = None) -> str:
    """The language of the locale (LC_ALL, LC_MESSAGES or LANG, the first one set) when the
    advisor speaks it, else English."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable)
        if value:
            wanted = value.lower().replace("-", "_").split("_", 1)[0].split(".", 1)[0]
            return wanted if wanted in LANGS else SOURCE_LANG
    return SOURCE_LANG
