"""Every text reads the same in every language: translated, naming the same outcomes and purposes,
and each language has the wording the checks need (rules/catalog/wording.yaml)."""

from __future__ import annotations

import re

from ...errors import Problem
from ...i18n import LANGS, SOURCE_LANG, t
from ..lint import Lint
from ..registry import declare
from ..texts import language_name, user_texts

MIN_TRANSLATED_WORDS = 4  # shorter texts (labels, names) may rightly read the same in two languages
TRANSLATED = tuple(lang for lang in LANGS if lang != SOURCE_LANG)  # each compared with the source language


@declare("untranslated")
def untranslated(lint: Lint) -> None:
    """Texts that read the same as in the source language: most likely never translated."""
    for section, id_, sub, text in user_texts(lint.knowledge):
        source = text.get(SOURCE_LANG).strip()
        for lang in TRANSLATED:
            if text.get(lang).strip() == source and len(source.split()) >= MIN_TRANSLATED_WORDS:
                lint.add(
                    "untranslated",
                    section,
                    id_,
                    sub + (lang,),
                    t(
                        lint.lang, "check.untranslated", id=repr(id_), start=repr(source[:50]),
                        language=language_name(lang, lint.lang), source=language_name(SOURCE_LANG, lint.lang),
                    ),
                    t(lint.lang, "check.untranslated.hint"),
                )


def _named(patterns: dict[str, list[str]], text: str) -> set[str]:
    return {name for name, alternatives in patterns.items() if any(re.search(p, text, re.IGNORECASE) for p in alternatives)}


@declare("translation-mismatch")
def translation_names(lint: Lint) -> None:
    """A text names the same outcomes and purposes in every language as in the source language."""
    wording = lint.knowledge.wording
    if SOURCE_LANG not in wording:
        return  # missing-wording says so
    for section, id_, sub, text in user_texts(lint.knowledge):
        for lang in TRANSLATED:
            if lang not in wording:
                continue
            shared = wording[SOURCE_LANG].names.keys() & wording[lang].names.keys()
            source = _named({name: wording[SOURCE_LANG].names[name] for name in shared}, text.get(SOURCE_LANG))
            other = _named({name: wording[lang].names[name] for name in shared}, text.get(lang))
            if source == other:
                continue
            only = [
                t(lint.lang, "check.translation-mismatch.only", language=language_name(code, lint.lang), names=", ".join(sorted(names)))
                for code, names in ((SOURCE_LANG, source - other), (lang, other - source))
                if names
            ]
            lint.add(
                "translation-mismatch",
                section,
                id_,
                sub,
                t(
                    lint.lang, "check.translation-mismatch", id=repr(id_), only="; ".join(only),
                    source=language_name(SOURCE_LANG, lint.lang), language=language_name(lang, lint.lang),
                ),
                t(lint.lang, "check.translation-mismatch.hint"),
            )


@declare("missing-wording")
def wording(lint: Lint) -> None:
    """Every language has its causal words and names the same outcomes and purposes as the source
    language: without them, the checks of wording would pass its texts unread."""
    knowledge = lint.knowledge
    for lang in LANGS:
        language = language_name(lang, lint.lang)
        if lang not in knowledge.wording:
            lint.add_problem(
                Problem(
                    source=knowledge.paths[1],
                    field="wording",
                    message=t(lint.lang, "check.missing-wording", language=language, lang=lang),
                    hint=t(lint.lang, "check.missing-wording.hint", lang=lang),
                    code="missing-wording",
                    id=lang,
                )
            )
    source = knowledge.wording.get(SOURCE_LANG)
    for lang, entry in knowledge.wording.items():
        if source is None or lang == SOURCE_LANG:
            continue
        differ = sorted(source.names.keys() ^ entry.names.keys())
        if differ:
            lint.add(
                "missing-wording",
                "wording",
                lang,
                ("names",),
                t(
                    lint.lang, "check.missing-wording.names", language=language_name(lang, lint.lang),
                    source=language_name(SOURCE_LANG, lint.lang), names=", ".join(differ),
                ),
                t(lint.lang, "check.missing-wording.names.hint"),
            )
