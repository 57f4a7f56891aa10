"""Every text of a knowledge base a user can read, with where it is: what the checks of wording,
translation and fidelity read."""

from __future__ import annotations

from typing import Iterator

from ..knowledge.load import Knowledge
from ..schema import Text


def user_texts(knowledge: Knowledge) -> Iterator[tuple[str, str, tuple, Text]]:
    """Every text of the knowledge a user can read: (section, id, field path, text)."""
    items: list[tuple[str, str, object]] = [("finding", f.id, f) for f in knowledge.findings.values()]
    items += [("finding", s.id, s) for s in knowledge.statements.values()]
    items += [("recommendations", r.id, r) for r in knowledge.recommendations.values()]
    items += [("notices", n.id, n) for n in knowledge.notices.values()]
    items += [("goals", g.goal, g) for g in knowledge.goal_profiles.values()]
    items += [("questions", q.key, q) for q in knowledge.questions]
    items += [("rules", r.id, r) for r in knowledge.rules]
    items += [("parameters", p.name, p) for p in knowledge.parameters.values()]
    for section, id_, item in items:
        for sub, text in texts_of(item, ()):
            yield section, id_, sub, text


def texts_of(value: object, loc: tuple) -> Iterator[tuple[tuple, Text]]:
    if isinstance(value, Text):
        yield loc, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts_of(item, loc + (index,))
    elif hasattr(type(value), "model_fields"):
        for name in type(value).model_fields:
            yield from texts_of(getattr(value, name), loc + (name,))


def language_name(code: str, lang: str) -> str:
    """The name of a language (``nl``) in another (``en``: "Dutch"), from Babel's locale data."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code).get_language_name(lang) or code
    except (ValueError, UnknownLocaleError):
        return code
