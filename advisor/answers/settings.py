"""`--set KEY=VALUE`: answers changed one by one on the command line (`advisor whatif`).

Only the KEY=VALUE syntax is read here; the values go through the one reader of answers
(normalise.py), so `--set usage.active_share=8,5` or `--set goals=Betrokkenheid` mean what they
mean in an answers file, and a wrong value gets the same message as there.
"""

from __future__ import annotations

import difflib
from typing import Any

from ..errors import AdvisorError, Problem
from ..i18n import t
from ..schema import Answers
from ..vocabulary import ANSWER_KEYS, GOALS, UNKNOWN, answer_choices
from .read import parse_answers


def apply_settings(answers: Answers, settings: list[str], *, lang: str = "en", knowledge=None) -> Answers:
    """The answers with each KEY=VALUE applied; AdvisorError naming the setting when one is wrong."""
    document = answers.model_dump(mode="json", exclude_none=True)
    by_key: dict[str, str] = {}
    for setting in settings:
        key, value = parse_setting(setting, lang)
        if key in by_key:
            raise _setting_error(setting, t(lang, "set.twice", key=key), t(lang, "set.twice.hint"))
        by_key[key] = setting
        if key == "goals":
            document["goals"] = value
        else:
            section, name = key.split(".", 1)
            document.setdefault(section, {})[name] = value
    try:
        return parse_answers(document, source="--set", lang=lang, knowledge=knowledge)
    except AdvisorError as error:
        raise AdvisorError([_at_setting(problem, by_key) for problem in error.problems]) from None


def parse_setting(setting: str, lang: str = "en") -> tuple[str, Any]:
    """The answer key and the value as typed (the reader reads it)."""
    if "=" not in setting:
        raise _setting_error(setting, t(lang, "set.syntax"), t(lang, "set.syntax.hint"))
    raw_key, raw_value = (part.strip() for part in setting.split("=", 1))
    key = _answer_key(setting, raw_key, lang)
    if not raw_value:
        raise _setting_error(setting, t(lang, "set.empty", key=key), _allowed(key, lang))
    return key, raw_value


def _at_setting(problem: Problem, by_key: dict[str, str]) -> Problem:
    """A problem of the reader, placed at the setting that gave the value."""
    field = (problem.field or "").split("[", 1)[0]
    setting = by_key.get(field)
    if setting is None:
        return problem
    return Problem(source="--set", field=setting, message=problem.message, hint=problem.hint)


def _answer_key(setting: str, raw: str, lang: str) -> str:
    if raw == "goals" or raw in ANSWER_KEYS:
        return raw
    matches = [key for key in ANSWER_KEYS if key.split(".", 1)[1] == raw]  # active_share for usage.active_share
    if len(matches) == 1:
        return matches[0]
    close = difflib.get_close_matches(raw, list(ANSWER_KEYS) + ["goals"], n=1, cutoff=0.6)
    keys = ", ".join(("goals",) + tuple(ANSWER_KEYS))
    hint = t(lang, "answers.did_you_mean", name=close[0]) if close else t(lang, "set.keys", keys=keys)
    raise _setting_error(setting, t(lang, "set.unknown", key=repr(raw)), hint)


def _allowed(key: str, lang: str) -> str:
    if key == "goals":
        return t(lang, "set.goals.hint", goals=", ".join(GOALS))
    choices = answer_choices(key)
    if choices is None:
        return t(lang, "answers.share.hint")
    return t(lang, "answers.level.hint", values=", ".join(choices + (UNKNOWN,)))


def _setting_error(setting: str, message: str, hint: str) -> AdvisorError:
    return AdvisorError(Problem(source="--set", field=setting, message=message, hint=hint))
