"""The one reader of answers, for every channel: answers files (YAML or JSON), the line protocol,
batch rows, `workshop add`, `whatif --set`, the questionnaire and the web forms.

It reads an answers document as people write it and hands the schema the answers as the format
has them, with one set of rules everywhere:

- a share is a number from 0 to 100, or text that reads as one: `8`, `8%`, `12.5`, `12,5`; or a
  band `LOW-HIGH` (from LOW up to HIGH), written `25-50`, `25 - 50`, `25–50%`, `25 to 50%`, `25 tot
  50%` or as its question labels a band in any language (`Under 10%`, `50% of meer`); a band that
  straddles a threshold the rules compare the share with is refused, since no rule can decide it;
- a frequency, a purpose level and a goal may be written as the format names it, or as the
  knowledge labels it in any language (`Weekly`, `wekelijks`, `vaak`, `Betrokkenheid`), case
  and spacing aside (advisor/answers/spellings.py); a typo gets a suggestion;
- goals may be a list, or text separated by `;`, `,` or `|`;
- an empty value, `unknown` or its label (`don't know`, `weet ik niet`) is an answer not known;
  `usage` and `purposes` may be left out;
- a head count may be written `1200`, `1.200`, `1,200` or `1 200`.

Every problem is said in the user's language, from the catalogs, at the position of the value.
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from typing import Any, Callable

from ..errors import Problem
from ..files.read import Document
from ..i18n import number, percent, t
from ..knowledge.bands import straddled
from ..vocabulary import UNKNOWN, installed
from .spellings import Spellings, Words
from ..schema.shares import band_text
from .values import MAX_EMPLOYEES, band_from_text, count_from_text, is_number, share_from_text

FIELDS = ("goals", "usage", "purposes", "organisation", "measured")
ORGANISATION_FIELDS = ("name", "employees")
NAME_MAX = 200  # characters of an organisation's name (schema: Organisation)
_GOAL_SEPARATORS = re.compile(r"[;,|]")


Spelled = Callable[[], Spellings]  # the spellings, looked up only for a value not written as the format names it


def normalise(document: Document, lang: str, spellings: Spelled) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The answers document as the format has it, and the problems found (none: it can be validated)."""
    reader = _Reader(document, lang, spellings)
    return reader.answers(), reader.problems


def read_goals(values: Any, document: Document, lang: str, spellings: Spelled) -> tuple[list[str], list[Problem]]:
    """Goals given on their own (a list, or text separated by ; , or |), e.g. by a command's option."""
    reader = _Reader(document, lang, spellings)
    return reader.goals(values), reader.problems


@cache
def _format() -> tuple[frozenset, dict[str, dict[str, Any]], dict[str, frozenset]]:
    """The names of the installed vocabulary: the goals, each section's answers, each kind's values."""
    vocabulary = installed()
    sections: dict[str, dict[str, Any]] = {}
    for answer in vocabulary.answers:
        sections.setdefault(answer.section, {})[answer.name] = answer
    values = {kind: frozenset(level.value for level in vocabulary.levels(kind)) | {UNKNOWN} for kind in ("frequency", "level")}
    return frozenset(vocabulary.goals), sections, values


class _Reader:
    def __init__(self, document: Document, lang: str, spellings: Spelled):
        self.document = document
        self.lang = lang
        self._spellings = spellings
        self.problems: list[Problem] = []
        self.goal_names, self.sections, self.values = _format()

    @property
    def spellings(self) -> Spellings:
        return self._spellings()

    def goal_of(self, text: Any) -> str | None:
        """The goal a word names (its name, or its label in any language), or None."""
        if isinstance(text, str) and text in self.goal_names:
            return text
        return self.spellings.goals.read(text) if isinstance(text, str) else None

    def problem(self, loc: tuple, message: str, hint: str | None = None, /, **values: Any) -> None:
        """A problem at loc: the catalog's message (by its key) with values filled in, and a hint."""
        self.problems.append(self.document.problem(loc, t(self.lang, message, **values), hint))

    # ---- the document ---------------------------------------------------------------------

    def answers(self) -> dict[str, Any] | None:
        data = self.document.data
        if data is None:
            self.problem((), "answers.empty", t(self.lang, "answers.empty.hint"))
            return None
        if not isinstance(data, dict):
            self.problem((), "answers.not_mapping", t(self.lang, "answers.not_mapping.hint"), kind=self.kind(data))
            return None
        for key in data:
            if key not in FIELDS:
                self.unknown_field((key,), key, FIELDS)
        found: dict[str, Any] = {}
        if "goals" in data:
            found["goals"] = self.goals(data["goals"])
        else:
            self.problem(("goals",), "answers.missing", t(self.lang, "answers.goals.hint"))
        found["usage"] = self.section("usage", data.get("usage"))
        found["purposes"] = self.section("purposes", data.get("purposes"))
        if data.get("organisation") is not None:
            found["organisation"] = self.organisation(data["organisation"])
        if data.get("measured") is not None:
            found["measured"] = data["measured"]  # a record of its own, validated by the schema
        return found

    def unknown_field(self, loc: tuple, name: Any, fields: tuple[str, ...] | list[str]) -> None:
        close = difflib.get_close_matches(str(name), list(fields), n=1, cutoff=0.6)
        hint = (
            t(self.lang, "answers.did_you_mean", name=repr(close[0]))
            if close
            else t(self.lang, "answers.fields", names=", ".join(fields))
        )
        self.problem(loc, "answers.unknown_field", hint)

    # ---- goals ----------------------------------------------------------------------------

    def goals(self, value: Any) -> list[str]:
        loc: tuple = ("goals",)
        if isinstance(value, str):
            items = [(loc, part.strip()) for part in _GOAL_SEPARATORS.split(value) if part.strip()]
        elif isinstance(value, list):
            items = [(loc + (index,), item) for index, item in enumerate(value)]
        elif value is None:
            items = []
        else:
            self.problem(loc, "answers.goals_type", self.boolean_hint(value) or t(self.lang, "answers.goals.hint"), kind=self.kind(value))
            return []
        if not items:
            self.problem(loc, "answers.goals_none", t(self.lang, "answers.goals_none.hint"))
            return []
        goals: list[str] = []
        for where, item in items:
            goals += self.goal(where, item, words_allowed=isinstance(value, str))
        repeated = [goal for goal in dict.fromkeys(goals) if goals.count(goal) > 1]
        if repeated:
            self.problem(loc, "answers.goals_repeated", t(self.lang, "answers.goals_repeated.hint"), goals=", ".join(repeated))
        return goals

    def goal(self, loc: tuple, item: Any, *, words_allowed: bool) -> list[str]:
        found = self.goal_of(item)
        if found:
            return [found]
        if words_allowed and isinstance(item, str) and len(item.split()) > 1:  # "alignment engagement"
            several = [self.goal_of(word) for word in item.split()]
            if all(several):
                return several  # type: ignore[return-value]
        words = self.spellings.goals
        hint = self.boolean_hint(item) or self.suggestion(words, item, t(self.lang, "answers.goals_list", names=", ".join(words.values)))
        self.problem(loc, "answers.goal_unknown", hint, value=self.shown(item))
        return []

    # ---- usage and purposes ---------------------------------------------------------------

    def section(self, section: str, value: Any) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem((section,), "answers.not_fields", t(self.lang, "answers.docs.hint"), kind=self.kind(value))
            return {}
        answers = self.sections.get(section, {})
        found: dict[str, Any] = {}
        for name, raw in value.items():
            answer = answers.get(name)
            if answer is None:
                self.unknown_field((section, name), name, list(answers))
                continue
            loc = (section, name)
            if raw is None or raw == UNKNOWN:
                found[name] = UNKNOWN
            elif answer.kind != "share" and isinstance(raw, str) and raw in self.values[answer.kind]:
                found[name] = raw  # as the format names it
            elif isinstance(raw, str) and (not raw.strip() or self.spellings.is_unknown(raw)):
                found[name] = UNKNOWN
            elif answer.kind == "share":
                found[name] = self.share(loc, answer.key, raw)
            else:
                found[name] = self.level(loc, answer.key, self.spellings.kinds[answer.kind], raw)
        return found

    def share(self, loc: tuple, key: str, raw: Any) -> Any:
        value = share_from_text(raw) if isinstance(raw, str) else raw if is_number(raw) else None
        if value is None and isinstance(raw, str):
            band = band_from_text(raw)
            if band is None:
                written = self.spellings.bands.get(key)
                found = written.read(raw) if written else None
                band = band_from_text(found) if found else None
            if band is not None:
                return self.band(loc, key, raw, *band)
        if value is None:
            hint = self.boolean_hint(raw) or t(self.lang, "answers.share.hint")
            self.problem(loc, "answers.share_type", hint, key=key, value=self.shown(raw))
            return UNKNOWN
        if not 0 <= value <= 100:
            shown = raw.strip() if isinstance(raw, str) else self.shown(raw)
            self.problem(loc, "answers.share_range", t(self.lang, "answers.share.hint"), value=shown)
            return UNKNOWN
        # Two decimals are more than any survey measures, and keep numbers out of exponent notation
        # (5e-324), which durable_rules' JSON reader does not understand.
        value = round(float(value), 2)
        return int(value) if value.is_integer() else value

    def band(self, loc: tuple, key: str, raw: str, low: float, high: float) -> Any:
        """A band of a share, as the format writes it ('25-50'), or unknown with a problem."""
        low, high = round(low, 2), round(high, 2)  # to two decimals, as a number is read
        if not 0 <= low < high <= 100:
            self.problem(loc, "answers.share_band_range", t(self.lang, "answers.share.hint"), value=self.shown(raw))
            return UNKNOWN
        text = band_text(low, high)
        shown = percent(self.lang, text)  # 12,5-25% in Dutch
        for threshold, param in straddled(self.spellings.thresholds.get(key, {}), low, high):
            hint = t(
                self.lang, "answers.share_band_straddles.hint", threshold=number(self.lang, threshold),
                lower=band_text(low, threshold), upper=band_text(threshold, high),
            )
            if param:
                self.problem(loc, "answers.share_band_straddles", hint, key=key, band=shown, threshold=number(self.lang, threshold), param=param)
            else:
                self.problem(loc, "answers.share_band_straddles_rule", hint, key=key, band=shown, threshold=number(self.lang, threshold))
            return UNKNOWN
        return text

    def level(self, loc: tuple, key: str, words: Words, raw: Any) -> Any:
        found = words.read(raw) if isinstance(raw, str) else None
        if found is not None:
            return found
        listed = t(self.lang, "answers.level.hint", values=", ".join(words.values))
        hint = self.boolean_hint(raw) or self.suggestion(words, raw, listed)
        self.problem(loc, "answers.level_unknown", hint, key=key, value=self.shown(raw))
        return UNKNOWN

    # ---- organisation ---------------------------------------------------------------------

    def organisation(self, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.problem(("organisation",), "answers.not_fields", t(self.lang, "answers.docs.hint"), kind=self.kind(value))
            return {}
        for key in value:
            if key not in ORGANISATION_FIELDS:
                self.unknown_field(("organisation", key), key, ORGANISATION_FIELDS)
        found: dict[str, Any] = {}
        name = value.get("name")
        loc: tuple = ("organisation", "name")
        if isinstance(name, str) and name.strip():
            if len(name.strip()) > NAME_MAX:
                self.problem(loc, "answers.text_long", max=NAME_MAX)
            else:
                found["name"] = name.strip()
        elif name is not None and not isinstance(name, str):
            self.problem(loc, "answers.text_type", self.boolean_hint(name) or t(self.lang, "answers.quote.hint"), kind=self.kind(name))
        employees = value.get("employees")
        loc = ("organisation", "employees")
        if employees is None or (isinstance(employees, str) and not employees.strip()):
            return found
        count = (
            count_from_text(employees) if isinstance(employees, str)
            else int(employees) if is_number(employees) and float(employees).is_integer()
            else None
        )
        hint = self.boolean_hint(employees) or t(self.lang, "answers.count.hint")
        if count is None:
            self.problem(loc, "answers.count_type", hint, value=self.shown(employees))
        elif not 1 <= count <= MAX_EMPLOYEES:
            self.problem(loc, "answers.count_range", hint, value=self.shown(employees), max=f"{MAX_EMPLOYEES:,}")
        else:
            found["employees"] = count
        return found

    # ---- words ----------------------------------------------------------------------------

    def suggestion(self, words: Words, raw: Any, otherwise: str) -> str:
        close = words.suggest(raw) if isinstance(raw, str) else None
        if close is None:
            return otherwise
        return t(self.lang, "answers.did_you_mean", name=repr(close)) + " " + otherwise

    def boolean_hint(self, value: Any) -> str | None:
        return t(self.lang, "answers.boolean.hint") if isinstance(value, bool) else None

    def kind(self, value: Any) -> str:
        for kind, name in ((bool, "boolean"), (dict, "mapping"), (list, "list"), (str, "text"), ((int, float), "number")):
            if isinstance(value, kind):
                return t(self.lang, "answers.kind." + name)
        return t(self.lang, "answers.kind.nothing")

    def shown(self, value: Any) -> str:
        """A value as a message may quote it: text in quotes and cut short, YAML's own words for
        booleans, the kind of anything else."""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, str):
            return repr(value if len(value) <= 40 else value[:40] + "…")
        if isinstance(value, (int, float)):
            text = repr(value)
            return text if len(text) <= 40 else text[:40] + "…"
        return self.kind(value)
