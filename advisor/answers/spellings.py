"""The spellings answers may use, from the knowledge itself: each goal's name and its label in
every language (goals.yaml), each level's name and its labels in the vocabulary
(vocabulary.yaml), and the choice labels of the questions (questions.yaml). So `Engagement`,
`Betrokkenheid`, `Weekly`, `wekelijks` and `vaak` are read as engagement, weekly and often in
every channel, and a new language's labels are new spellings with no change to the code.
"""

from __future__ import annotations

import difflib
import threading
import weakref
from dataclasses import dataclass, field
from typing import Any

from ..knowledge.bands import named_thresholds
from ..schema.shares import band_text
from ..vocabulary import UNKNOWN, installed
from .values import spelling


@dataclass
class Words:
    """The spellings of one kind of value: spelling -> value, and how each was written."""

    values: tuple[str, ...]  # the format's own names, in order
    by_spelling: dict[str, str] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)  # spelling -> as the data writes it
    clashes: list[tuple[str, str, str]] = field(default_factory=list)  # (written, one value, another)

    def add(self, text: Any, value: str) -> None:
        if not isinstance(text, str) or not text.strip():
            return
        key = spelling(text)
        known = self.by_spelling.setdefault(key, value)
        if known != value:
            self.clashes.append((text, known, value))
            return
        self.written.setdefault(key, text.strip())

    def read(self, text: str) -> str | None:
        return self.by_spelling.get(spelling(text))

    def suggest(self, text: str) -> str | None:
        """The spelling closest to a word that is none (a typo), as the data writes it."""
        close = difflib.get_close_matches(spelling(text), list(self.written), n=1, cutoff=0.75)
        return self.written[close[0]] if close else None


@dataclass
class Spellings:
    goals: Words
    kinds: dict[str, Words]  # frequency and level: their values, with unknown
    unknown: frozenset[str]  # how 'unknown' may be written (a share's too)
    bands: dict[str, Words] = field(default_factory=dict)  # per share answer: its question's band labels -> 'LOW-HIGH'
    thresholds: dict[str, dict] = field(default_factory=dict)  # per share answer: threshold -> parameter (knowledge/bands.py)

    def is_unknown(self, text: str) -> bool:
        return spelling(text) in self.unknown


def spellings_for(knowledge) -> Spellings:
    """The spellings of a knowledge base, made once per knowledge base."""
    with _lock:
        found = _made.get(knowledge)
        if found is None:
            found = _made[knowledge] = _spellings(knowledge)
        return found


_lock = threading.Lock()
_made: "weakref.WeakKeyDictionary[Any, Spellings]" = weakref.WeakKeyDictionary()


def _texts(text) -> list[str]:
    """Every language's text of a Text model."""
    return [value for value in text.model_dump().values() if isinstance(value, str)]


def _spellings(knowledge) -> Spellings:
    vocabulary = installed()
    goals = Words(vocabulary.goals)
    for goal in vocabulary.goals:
        goals.add(goal, goal)
        profile = knowledge.goal_profiles.get(goal)
        for text in _texts(profile.label) if profile else ():
            goals.add(text, goal)
    kinds: dict[str, Words] = {}
    for kind in ("frequency", "level"):
        levels = vocabulary.levels(kind)
        words = Words(tuple(level.value for level in levels) + (UNKNOWN,))
        for level in levels:
            words.add(level.value, level.value)
            for text in level.label.values():
                words.add(text, level.value)
        words.add(UNKNOWN, UNKNOWN)
        for text in vocabulary.unknown.values():
            words.add(text, UNKNOWN)
        keys = {answer.key for answer in vocabulary.of_kind(kind)}
        for question in knowledge.questions:
            if question.key in keys:
                for choice in question.choices:
                    for text in _texts(choice.label):
                        words.add(text, str(choice.value))
        kinds[kind] = words
    unknown = frozenset(spelling(text) for text in (UNKNOWN, *vocabulary.unknown.values()))
    bands: dict[str, Words] = {}
    thresholds: dict[str, dict] = {}
    for answer in vocabulary.of_kind("share"):
        words = bands[answer.key] = Words(())
        for question in knowledge.questions:
            if question.key == answer.key:
                for choice in question.choices:
                    if choice.band is not None:
                        for text in _texts(choice.label):
                            words.add(text, band_text(*choice.band))
        thresholds[answer.key] = named_thresholds(knowledge, answer.key)
    return Spellings(goals=goals, kinds=kinds, unknown=unknown, bands=bands, thresholds=thresholds)
