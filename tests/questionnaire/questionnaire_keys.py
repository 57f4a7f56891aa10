"""Keys and helpers for driving the questionnaire through prompt_toolkit's pipe input.

Each prompt is its own prompt_toolkit application; keys sent before it starts could be read by
the one before. So the input hands the next chunk to the pipe at the moment a prompt attaches to
it, and answers Ctrl-C when the script has run out (a test that asks more than it scripted fails
with KeyboardInterrupt instead of hanging).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from prompt_toolkit.data_structures import Size
from prompt_toolkit.output.vt100 import Vt100_Output

UP, DOWN, ENTER, SPACE, ESC, CTRL_C = "\x1b[A", "\x1b[B", "\r", " ", "\x1b", "\x03"
ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]")

class ScriptedInput:
    """A pipe input that sends the next chunk of keys whenever a prompt starts reading."""

    def __init__(self, pipe, chunks):
        self._pipe = pipe
        self.chunks = list(chunks)
        self.prompts = 0

    def __getattr__(self, name):
        return getattr(self._pipe, name)

    def attach(self, callback):
        self.prompts += 1
        self._pipe.send_text(self.chunks.pop(0) if self.chunks else CTRL_C)
        return self._pipe.attach(callback)


def screen_output(columns: int = 100):
    """A real VT100 output writing into a buffer: what a person would see, escape codes and all."""
    buffer = io.StringIO()
    return Vt100_Output(buffer, lambda: Size(rows=40, columns=columns), term="xterm"), buffer


@dataclass
class Run:
    answers: object = None
    screen: str = ""
    left: list = field(default_factory=list)  # chunks not consumed
    prompts: int = 0
    error: BaseException | None = None

    @property
    def text(self) -> str:
        """The screen with line breaks and runs of spaces collapsed: long lines are wrapped."""
        return " ".join(self.screen.split())


def answers_of(run: Run) -> dict:
    assert run.error is None, repr(run.error)
    assert not run.left, f"keys left over: {run.left!r}"
    return run.answers.model_dump(mode="json", exclude_none=True)
