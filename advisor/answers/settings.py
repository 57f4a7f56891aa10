"""`--set KEY=VALUE`: answers changed one by one on the command line (`advisor whatif`)."""

from __future__ import annotations

import difflib
from typing import Any

from ..errors import AdvisorError, Problem
from ..schema import Answers
from ..vocabulary import ANSWER_KEYS, GOALS, SHARE_ANSWERS, UNKNOWN, answer_choices
from .read import parse_answers


def apply_settings(answers: Answers, settings: list[str]) -> Answers:
    """The answers with each KEY=VALUE applied; AdvisorError naming the setting when one is wrong."""
    document = answers.model_dump(mode="json", exclude_none=True)
    seen: set[str] = set()
    for setting in settings:
        key, value = parse_setting(setting)
        if key in seen:
            raise _setting_error(setting, f"{key} is set twice", "give each answer once")
        seen.add(key)
        if key == "goals":
            document["goals"] = value
        else:
            section, name = key.split(".", 1)
            document.setdefault(section, {})[name] = value
    return parse_answers(document, source="--set")


def parse_setting(setting: str) -> tuple[str, Any]:
    if "=" not in setting:
        raise _setting_error(setting, "expected KEY=VALUE", "e.g. --set usage.active_share=25")
    raw_key, raw_value = (part.strip() for part in setting.split("=", 1))
    key = _answer_key(setting, raw_key)
    if not raw_value:
        raise _setting_error(setting, f"no value for {key}", _allowed(key))
    if key == "goals":
        goals = [goal.strip() for goal in raw_value.split(",") if goal.strip()]
        wrong = [goal for goal in goals if goal not in GOALS]
        if wrong or not goals:
            raise _setting_error(setting, f"unknown goal {wrong[0]!r}" if wrong else "no goals", _allowed(key))
        if len(set(goals)) != len(goals):
            raise _setting_error(setting, "a goal is listed twice", "list each goal once, most important first")
        return key, goals
    if raw_value == UNKNOWN:
        return key, UNKNOWN
    if key in SHARE_ANSWERS:
        try:
            number = float(raw_value.rstrip("%"))
        except ValueError:
            raise _setting_error(setting, f"{key} takes a percentage, not {raw_value!r}", _allowed(key)) from None
        if not 0 <= number <= 100:
            raise _setting_error(setting, f"{key} must be between 0 and 100, not {raw_value}", _allowed(key))
        return key, int(number) if number.is_integer() else number
    if raw_value not in (answer_choices(key) or ()):
        raise _setting_error(setting, f"{key} is never {raw_value!r}", _allowed(key))
    return key, raw_value


def _answer_key(setting: str, raw: str) -> str:
    if raw == "goals" or raw in ANSWER_KEYS:
        return raw
    matches = [key for key in ANSWER_KEYS if key.split(".", 1)[1] == raw]  # active_share for usage.active_share
    if len(matches) == 1:
        return matches[0]
    close = difflib.get_close_matches(raw, list(ANSWER_KEYS) + ["goals"], n=1, cutoff=0.6)
    hint = f"did you mean {close[0]}?" if close else "keys: goals, " + ", ".join(ANSWER_KEYS)
    raise _setting_error(setting, f"unknown answer {raw!r}", hint)


def _allowed(key: str) -> str:
    if key == "goals":
        return "a comma-separated list of: " + ", ".join(GOALS)
    choices = answer_choices(key)
    if choices is None:
        return "a percentage from 0 to 100, or unknown"
    return "one of: " + ", ".join(choices + (UNKNOWN,))


def _setting_error(setting: str, message: str, hint: str) -> AdvisorError:
    return AdvisorError(Problem(source="--set", field=setting, message=message, hint=hint))
