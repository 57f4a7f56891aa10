"""The projector mode: one screen at a time, full terminal, driven by single keys.

Keys: space, →, ↓, Enter, Page Down, n: next (on a screen with hidden answers the first press
reveals them); ←, ↑, Backspace, Page Up, p: back; r: reveal; Home/End: first/last screen;
q or Esc: quit; Ctrl-C: interrupt. The workshop file is watched while presenting: answers that
come in are counted and shown at once, and the presenter keeps its place.

Keys are read through prompt_toolkit's input (a real terminal, or a pipe in tests); the screens
are drawn with rich and cropped to the terminal, so they fit 80x24 and use what a larger one has.
"""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path
from typing import Callable

from rich.console import Console
from rich.segment import Segment, Segments
from rich.text import Text

from ..i18n import t
from .screens import Screen

NEXT = {" ", "n", "j", "right", "down", "pagedown", "c-m", "c-j"}
BACK = {"p", "b", "k", "left", "up", "pageup", "c-h", "backspace"}
FIRST = {"home", "g"}
LAST = {"end", "G"}
REVEAL = {"r", "R"}
QUIT = {"q", "Q", "escape"}


class Deck:
    """The screens, where the presenter is, and which answers have been revealed."""

    def __init__(self, screens: list[Screen]):
        self.screens = screens
        self.index = 0
        self.revealed: set[str] = set()

    @property
    def current(self) -> Screen:
        return self.screens[self.index]

    def is_revealed(self, screen: Screen) -> bool:
        return screen.revealable and screen.key in self.revealed

    def forward(self) -> None:
        screen = self.current
        if screen.revealable and screen.key not in self.revealed:
            self.revealed.add(screen.key)
        else:
            self.index = min(self.index + 1, len(self.screens) - 1)

    def back(self) -> None:
        self.index = max(self.index - 1, 0)

    def reveal(self) -> None:
        if self.current.revealable:
            self.revealed.add(self.current.key)

    def replace(self, screens: list[Screen]) -> None:
        """New screens (the workshop file changed): stay on the same screen if it still exists."""
        key = self.current.key
        self.screens = screens
        keys = [screen.key for screen in screens]
        self.index = keys.index(key) if key in keys else min(self.index, len(screens) - 1)

    def handle(self, key: str) -> bool:
        """Apply one key; False when the presenter should stop."""
        if key in QUIT:
            return False
        if key == "c-c":
            raise KeyboardInterrupt
        if key in NEXT:
            self.forward()
        elif key in BACK:
            self.back()
        elif key in REVEAL:
            self.reveal()
        elif key in FIRST:
            self.index = 0
        elif key in LAST:
            self.index = len(self.screens) - 1
        return True


def draw(console: Console, deck: Deck, name: str, lang: str, *, clear: bool = True) -> None:
    """Draw the current screen to fill the terminal: header bar, body (cropped), key line."""
    width, height = console.size
    screen = deck.current
    body = screen.draw(deck.is_revealed(screen), width - 4, height - 4)
    lines = console.render_lines(body, console.options.update(width=width - 4), pad=False)
    room = max(height - 4, 1)  # header, blank line, blank line, footer
    if len(lines) > room:
        lines = lines[: room - 1] + [[Segment("…")]]
    lines += [[] for _ in range(room - len(lines))]
    segments: list[Segment] = []
    for line in lines:
        segments += [Segment("  ")] + line + [Segment.line()]
    in_place = clear and console.is_terminal  # else frames follow each other, a line apart
    with console:  # one write per frame: no flicker
        if in_place:
            console.clear()
        console.print(_bar(f" {name} · {screen.title}", f"{deck.index + 1}/{len(deck.screens)} ", width))
        console.print()
        console.print(Segments(segments), end="")
        console.print()
        # in place, the last line must not end in a newline: the terminal would scroll
        console.print(_bar(" " + t(lang, "workshop.keys"), "", width), end="" if in_place else "\n")
    console.file.flush()


def _key_name(key) -> str:
    """prompt_toolkit gives characters as text and special keys as Keys members ('right', 'c-m')."""
    return getattr(key, "value", key)


def _bar(left: str, right: str, width: int) -> Text:
    text = Text(left, style="bold reverse", no_wrap=True, overflow="ellipsis")
    text.truncate(max(width - len(right) - 1, 1), overflow="ellipsis")
    text.append(" " * max(width - text.cell_len - len(right), 0) + right)
    return text


class Presenter:
    """Runs the key loop over a deck built (and rebuilt on change) from a workshop file."""

    def __init__(
        self,
        path: Path,
        build: Callable[[], tuple[str, str, list[Screen]]],  # -> (workshop name, lang, screens)
        *,
        console: Console,
        input=None,
        poll_seconds: float = 1.0,
    ):
        self.path = path
        self.build = build
        self.console = console
        self.input = input
        self.poll_seconds = poll_seconds
        self._signature = self._stat()  # before reading: a change while building is seen next poll
        self.name, self.lang, screens = build()
        self.deck = Deck(screens)

    def _stat(self):
        try:
            stat = os.stat(self.path)
        except OSError:
            return None
        return (stat.st_mtime_ns, stat.st_size)

    def refresh(self) -> bool:
        """Rebuild the screens if the workshop file changed; True if it did."""
        signature = self._stat()
        if signature == self._signature:
            return False
        self._signature = signature
        from ..errors import AdvisorError

        try:
            self.name, self.lang, screens = self.build()
        except AdvisorError:
            return False  # a half-edited or broken file: keep showing what was last valid
        self.deck.replace(screens)
        return True

    def draw(self) -> None:
        draw(self.console, self.deck, self.name, self.lang)

    def run(self) -> None:
        from prompt_toolkit.input import create_input

        keyboard = self.input or create_input()
        terminal = self.console.is_terminal
        if terminal:
            self.console.set_alt_screen(True)
            self.console.show_cursor(False)
        try:
            asyncio.run(self._loop(keyboard))
        finally:
            if terminal:
                self.console.show_cursor(True)
                self.console.set_alt_screen(False)

    async def _loop(self, keyboard) -> None:
        loop = asyncio.get_running_loop()
        keys: asyncio.Queue = asyncio.Queue()

        def flush() -> None:
            for press in keyboard.flush_keys():  # a lone Esc waits here until no sequence follows
                keys.put_nowait(_key_name(press.key))

        def ready() -> None:
            for press in keyboard.read_keys():
                keys.put_nowait(_key_name(press.key))
            if keyboard.closed:
                keys.put_nowait("eof")
            loop.call_later(0.05, flush)

        resize = getattr(signal, "SIGWINCH", None)
        with keyboard.raw_mode(), keyboard.attach(ready):
            if resize is not None and self.console.is_terminal:
                loop.add_signal_handler(resize, keys.put_nowait, "resize")
            try:
                self.draw()
                while True:
                    try:
                        key = await asyncio.wait_for(keys.get(), timeout=self.poll_seconds)
                    except asyncio.TimeoutError:
                        if self.refresh():
                            self.draw()
                        continue
                    if key == "eof" or not self.deck.handle(key):
                        return
                    self.refresh()
                    self.draw()
            finally:
                if resize is not None and self.console.is_terminal:
                    loop.remove_signal_handler(resize)
