"""Answers in progress, per device, until they are sent.

Kept in memory only: the workshop file holds what was sent, nothing half-answered. A server
restart loses drafts (the participant starts again; a sent response can still be changed)."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

MAX_DRAFTS = 5000  # ten times the responses a workshop file holds


@dataclass
class Draft:
    team: str | None = None
    done: set[str] = field(default_factory=set)  # the steps answered (an empty team name is an answer)
    goals: list[str] = field(default_factory=list)  # in order, most important first
    answers: dict[str, Any] = field(default_factory=dict)  # answer key -> value, as parse_answers reads it
    typed: set[str] = field(default_factory=set)  # share answers typed as a number, not picked as a band
    number: int | None = None  # the response this draft changes; None for a new one


class Drafts:
    """Device hash -> draft; the least recently used go first when there are too many."""

    def __init__(self, limit: int = MAX_DRAFTS):
        self.limit = limit
        self._drafts: OrderedDict[str, Draft] = OrderedDict()

    def get(self, device: str) -> Draft | None:
        draft = self._drafts.get(device)
        if draft is not None:
            self._drafts.move_to_end(device)
        return draft

    def put(self, device: str, draft: Draft) -> Draft:
        self._drafts[device] = draft
        self._drafts.move_to_end(device)
        while len(self._drafts) > self.limit:
            self._drafts.popitem(last=False)
        return draft

    def drop(self, device: str) -> None:
        self._drafts.pop(device, None)
