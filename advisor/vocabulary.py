"""The words of the domain (see the study's findings): goals, usage dimensions and the answers that
measure them, purposes, levels. They are data: rules/catalog/vocabulary.yaml.

The answers format is built from the vocabulary (advisor/schema/), so it is the installed
advisor's: read from the shipped rules once, on first use of one of the names below (GOALS,
ANSWER_KEYS, ...). Importing this module reads nothing, so `advisor --help` and `--version` stay
free of the YAML reader. The knowledge loader reads the vocabulary of a knowledge base it loads
with the full schema (advisor/schema/vocabulary.py) and refuses one that differs from this one.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from .errors import AdvisorError, Problem

# How the study reports a relation: part of the findings' format, not of the answers'.
RELATIONS = ("positive", "none", "not_shown")
UNKNOWN = "unknown"  # every usage and purpose answer may be unknown
RELATIVE_PATH = Path("catalog") / "vocabulary.yaml"  # inside a rules directory


@dataclass(frozen=True)
class Level:
    value: str
    label: Mapping[str, str]  # language -> text


@dataclass(frozen=True)
class Answer:
    """One answer of the answers format, and the lever (usage dimension or purpose) it measures."""

    key: str  # dotted: usage.active_share, purposes.ideas
    lever: str  # active_breadth, ideas
    kind: str  # share (a percentage of employees), frequency, or level (a purpose level)
    bands: tuple[str, str] | None  # a share: the parameters of its low and high mark
    label: Mapping[str, str]  # the lever's name in each language
    answer_label: Mapping[str, str]  # the answer's name in each language

    @property
    def section(self) -> str:
        return self.key.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.key.split(".", 1)[1]


@dataclass(frozen=True)
class Vocabulary:
    goals: tuple[str, ...]
    answers: tuple[Answer, ...]  # the usage answers, then the purposes
    frequencies: tuple[Level, ...]  # most often first
    purpose_levels: tuple[Level, ...]  # least used first
    unknown: Mapping[str, str]  # how `unknown` is written in each language
    source: str = field(default="", compare=False)

    @property
    def answer_keys(self) -> tuple[str, ...]:
        return tuple(answer.key for answer in self.answers)

    def answer(self, key: str) -> Answer:
        return next(answer for answer in self.answers if answer.key == key)

    def of_kind(self, kind: str) -> tuple[Answer, ...]:
        return tuple(answer for answer in self.answers if answer.kind == kind)

    def levels(self, kind: str) -> tuple[Level, ...]:
        """The values an answer of a kind takes (none for a share), without 'unknown'."""
        return self.frequencies if kind == "frequency" else self.purpose_levels if kind == "level" else ()

    def differences(self, other: "Vocabulary") -> list[str]:
        """How other differs from this vocabulary, one line per part, in plain words."""
        found: list[str] = []

        def listed(name: str, mine: tuple, theirs: tuple) -> None:
            added = [str(x) for x in theirs if x not in mine]
            missing = [str(x) for x in mine if x not in theirs]
            parts = ([f"not installed: {', '.join(added)}"] if added else []) + ([f"missing: {', '.join(missing)}"] if missing else [])
            if parts or mine != theirs:
                found.append(f"{name}: {'; '.join(parts) or 'another order'}")

        listed("goals", self.goals, other.goals)
        listed("answers", self.answer_keys, other.answer_keys)
        theirs = {answer.key: answer for answer in other.answers}
        for answer in self.answers:
            twin = theirs.get(answer.key)
            for part in ("lever", "kind", "bands"):
                if twin is not None and getattr(twin, part) != getattr(answer, part):
                    found.append(f"{answer.key}: {part} {getattr(twin, part)!r}, installed {getattr(answer, part)!r}")
        listed("frequencies", tuple(x.value for x in self.frequencies), tuple(x.value for x in other.frequencies))
        listed("purpose levels", tuple(x.value for x in self.purpose_levels), tuple(x.value for x in other.purpose_levels))
        if not found and self != other:
            found.append("labels: the names in some language differ")
        return found


# --------------------------------------------------------------------------------------------
# Reading the vocabulary file. The full schema (every language, names, references) is checked by
# the knowledge loader and `advisor check`; this reader checks what it needs to build the answers
# format, and says where the file is wrong when it cannot.


def read_vocabulary(path: str | Path) -> Vocabulary:
    """The vocabulary in a vocabulary file; AdvisorError, with the line and field, if it cannot be read."""
    from .files.read import load_document

    document = load_document(path)
    problems: list[Problem] = []

    def fail(loc: tuple, message: str) -> None:
        problems.append(document.problem(loc, message, hint="see rules/catalog/vocabulary.yaml as shipped", code="schema"))

    def mapping(value: Any, loc: tuple) -> dict:
        if not isinstance(value, dict):
            fail(loc, "expected a mapping of fields")
            return {}
        return value

    def items(value: Any, loc: tuple) -> list:
        if not isinstance(value, list) or not value:
            fail(loc, "expected a list of one or more items")
            return []
        return value

    def name(value: Any, loc: tuple) -> str:
        if not isinstance(value, str) or not value.isidentifier() or not value.islower():
            fail(loc, f"expected a name in lower case, such as knowledge_sharing (got {value!r})")
            return ""
        return value

    def label(value: Any, loc: tuple) -> dict[str, str]:
        if not isinstance(value, dict) or not value or not all(isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()):
            fail(loc, "expected a text per language, e.g. {en: ..., nl: ...}")
            return {}
        return dict(value)

    top = mapping(mapping(document.data, ()).get("vocabulary"), ("vocabulary",))
    at = ("vocabulary",)
    goals = tuple(name(goal, at + ("goals", i)) for i, goal in enumerate(items(top.get("goals"), at + ("goals",))))
    answers: list[Answer] = []
    for index, item in enumerate(items(top.get("usage"), at + ("usage",))):
        loc = at + ("usage", index)
        item = mapping(item, loc)
        kind = item.get("kind")
        if kind not in ("share", "frequency"):
            fail(loc + ("kind",), f"a usage answer is a share or a frequency (got {kind!r})")
        bands = item.get("bands")
        if kind == "share" and not (isinstance(bands, list) and len(bands) == 2):
            fail(loc + ("bands",), "a share names its two band parameters: [low mark, high mark]")
            bands = None
        elif kind != "share":
            bands = None
        answers.append(
            Answer(
                key="usage." + name(item.get("answer"), loc + ("answer",)),
                lever=name(item.get("dimension"), loc + ("dimension",)),
                kind=str(kind),
                bands=tuple(name(b, loc + ("bands", i)) for i, b in enumerate(bands)) if bands else None,  # type: ignore[arg-type]
                label=label(item.get("label"), loc + ("label",)),
                answer_label=label(item.get("answer_label"), loc + ("answer_label",)),
            )
        )
    for index, item in enumerate(items(top.get("purposes"), at + ("purposes",))):
        loc = at + ("purposes", index)
        item = mapping(item, loc)
        purpose = name(item.get("purpose"), loc + ("purpose",))
        answers.append(
            Answer(
                key="purposes." + purpose,
                lever=purpose,
                kind="level",
                bands=None,
                label=label(item.get("label"), loc + ("label",)),
                answer_label=label(item.get("answer_label"), loc + ("answer_label",)),
            )
        )

    def levels(part: str) -> tuple[Level, ...]:
        found = []
        for index, item in enumerate(items(top.get(part), at + (part,))):
            item = mapping(item, at + (part, index))
            found.append(Level(name(item.get("value"), at + (part, index, "value")), label(item.get("label"), at + (part, index, "label"))))
        return tuple(found)

    vocabulary = Vocabulary(
        goals=goals,
        answers=tuple(answers),
        frequencies=levels("frequencies"),
        purpose_levels=levels("purpose_levels"),
        unknown=label(top.get("unknown"), at + ("unknown",)),
        source=document.source,
    )
    if problems:
        raise AdvisorError(problems)
    return vocabulary


def installed_path() -> Path:
    from .files.places import default_paths

    return default_paths()[1] / RELATIVE_PATH


_lock = threading.RLock()
_installed: Vocabulary | None = None
_reading = False


def installed() -> Vocabulary:
    """The vocabulary of the installed advisor (of its shipped rules), read once per process."""
    global _installed, _reading
    if _installed is None:
        with _lock:
            if _reading:  # the reader itself asked for a name it is about to define
                raise RuntimeError("the vocabulary is used while it is being read")
            if _installed is None:
                _reading = True
                try:
                    _installed = read_vocabulary(installed_path())
                finally:
                    _reading = False
    return _installed


# --------------------------------------------------------------------------------------------
# The names, derived from the installed vocabulary on first use


def _names(v: Vocabulary) -> dict[str, Any]:
    usage = [a for a in v.answers if a.section == "usage"]
    return {
        "GOALS": v.goals,
        "USAGE_DIMENSIONS": tuple(a.lever for a in usage),
        "PURPOSES": tuple(a.lever for a in v.answers if a.section == "purposes"),
        "LEVERS": tuple(a.lever for a in v.answers),
        "FREQUENCIES": tuple(level.value for level in v.frequencies),
        "PURPOSE_LEVELS": tuple(level.value for level in v.purpose_levels),
        # the answers a consultation can hold, as dotted paths into the answers document
        "ANSWER_KEYS": v.answer_keys,
        "SHARE_ANSWERS": tuple(a.key for a in v.of_kind("share")),
        "FREQUENCY_ANSWERS": tuple(a.key for a in v.of_kind("frequency")),
        "PURPOSE_ANSWERS": tuple(a.key for a in v.of_kind("level")),
        "LEVER_ANSWERS": {a.lever: a.key for a in v.answers},  # lever -> the answer that measures it
        "SHARE_BANDS": {a.key: a.bands for a in v.of_kind("share")},  # share -> (low, high) parameter names
    }


_NAMES = (
    "GOALS", "USAGE_DIMENSIONS", "PURPOSES", "LEVERS", "FREQUENCIES", "PURPOSE_LEVELS", "ANSWER_KEYS",
    "SHARE_ANSWERS", "FREQUENCY_ANSWERS", "PURPOSE_ANSWERS", "LEVER_ANSWERS", "SHARE_BANDS",
)


def __getattr__(attribute: str) -> Any:  # PEP 562: the names are read on first use
    if attribute in _NAMES:
        names = _names(installed())
        globals().update(names)
        return names[attribute]
    raise AttributeError(f"module {__name__!r} has no attribute {attribute!r}")


def answer_choices(key: str) -> tuple[str, ...] | None:
    """The categorical values an answer may take (None for a numeric share), without 'unknown'."""
    vocabulary = installed()
    if key not in vocabulary.answer_keys:
        return None
    answer = vocabulary.answer(key)
    return None if answer.kind == "share" else tuple(level.value for level in vocabulary.levels(answer.kind))


def _label(labels: Mapping[str, str], lang: str, default: str) -> str:
    from .i18n import SOURCE_LANG

    return labels.get(lang) or labels.get(SOURCE_LANG) or default


def lever_label(lang: str, name: str) -> str:
    """The name of a usage dimension or purpose (a lever) in a language (the name itself if none)."""
    answer = next((a for a in installed().answers if a.lever == name), None)
    return _label(answer.label, lang, name) if answer else name


def answer_label(lang: str, key: str) -> str:
    """The name of an answer (``usage.active_share``) in a language (the key itself if none)."""
    answer = next((a for a in installed().answers if a.key == key), None)
    return _label(answer.answer_label, lang, key) if answer else key


def level_label(lang: str, value: str) -> str:
    """A frequency or purpose level, or 'unknown', in words of a language (the value itself if none)."""
    vocabulary = installed()
    if value == UNKNOWN:
        return _label(vocabulary.unknown, lang, value)
    for level in vocabulary.frequencies + vocabulary.purpose_levels:
        if level.value == value:
            return _label(level.label, lang, value)
    return value
