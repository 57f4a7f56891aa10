"""What a terminal of a given size shows: a pexpect child's output fed through pyte, a terminal
emulator, so a test reads the screen as a person would (wrapped lines, cleared screens, cursor
moves), not the raw stream."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")
pyte = pytest.importorskip("pyte")

ADVISOR = Path(sys.executable).parent / "advisor"
UP, DOWN, LEFT, RIGHT, ENTER, SPACE, ESC, CTRL_C = "\x1b[A", "\x1b[B", "\x1b[D", "\x1b[C", "\r", " ", "\x1b", "\x03"
SIZES = [(80, 24), (120, 40)]
TIMEOUT = 30


class Screen:
    """A terminal of columns x rows, and the advisor running in it."""

    def __init__(self, *args: str, home: Path, columns: int = 80, rows: int = 24, lang: str = "en_GB.UTF-8", env=None):
        environment = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("COLUMNS", "LINES")}
        environment.update(
            XDG_STATE_HOME=str(home / "state"), LANG=lang, TERM="xterm-256color", NO_COLOR="1",
            PROMPT_TOOLKIT_NO_CPR="1",  # pexpect does not answer cursor position requests
        )
        environment.update(env or {})
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.Stream(self.screen)
        self.seen: list[str] = []
        self.child = pexpect.spawn(
            str(ADVISOR), list(args), cwd=str(home), env=environment, dimensions=(rows, columns),
            encoding="utf-8", timeout=TIMEOUT,
        )
        self.child.logfile_read = self

    # pexpect's log file
    def write(self, text: str) -> None:
        self.seen.append(text)
        self.stream.feed(text)

    def flush(self) -> None:
        pass

    def wait(self, pattern: str) -> None:
        """Until pattern has been written, and then until the output rests."""
        self.child.expect(pattern)
        self.settle()

    def settle(self) -> None:
        try:
            while True:
                self.child.expect(r"(?s).+", timeout=0.3)
        except (pexpect.TIMEOUT, pexpect.EOF):  # quiet for a moment, or ended
            pass

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def answer(self, pattern: str, keys: str) -> list[str]:
        """Wait for pattern, note the screen, type keys; returns the screen as it was."""
        self.wait(pattern)
        shown = self.lines()
        self.send(keys)
        return shown

    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display]

    def text(self) -> str:
        return "\n".join(self.lines())

    def finish(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus


def unbroken(lines: list[str], phrases: list[str]) -> list[str]:
    """The phrases that a line break cuts in two on this screen (none, on a good screen)."""
    joins = ("".join(lines), " ".join(line.strip() for line in lines))  # cut inside a word, or between two
    broken = []
    for phrase in phrases:
        whole = sum(line.count(phrase) for line in lines)
        if max(joined.count(phrase) for joined in joins) > whole:
            broken.append(phrase)
    return broken
