"""A document read from a file: its data, where each value stands, and problems that point there."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem
from .safe_yaml import json_positions

Loc = tuple  # a path into a document: keys and list indices


@dataclass
class Document:
    source: str
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)  # loc -> (line, column)
    json_text: str | None = field(default=None, repr=False)  # JSON whose positions are found when needed

    def position(self, loc: Loc) -> tuple[int | None, int | None]:
        """The position of loc, or of its nearest enclosing value that has one."""
        if self.json_text is not None:
            self.positions, self.json_text = json_positions(self.json_text), None
        loc = tuple(loc)
        while loc:
            if loc in self.positions:
                return self.positions[loc]
            loc = loc[:-1]
        return self.positions.get((), (None, None))

    def problem(
        self, loc: Loc, message: str, hint: str | None = None, *, code: str | None = None, id: str | None = None
    ) -> Problem:
        line, column = self.position(loc)
        return Problem(
            source=self.source, line=line, column=column, field=dotted(loc) or None, message=message, hint=hint,
            code=code, id=id,
        )


def dotted(loc: Loc) -> str:
    """A path into a document as one field name: usage.active_share, goals[0]."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
