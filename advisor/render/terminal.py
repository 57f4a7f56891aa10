"""What reaches a terminal: rich consoles (colour only on a terminal and never when NO_COLOR is
set), and control characters neutralised in everything printed, so that text from an answers,
workshop or knowledge file (an organisation or team name, an unknown field's name) can never
steer the terminal: no escape sequences (ESC, OSC, 8-bit CSI), no carriage returns, no bells.

Two places apply it: every console made here renders through ``Neutralised``, and the error
boundary (advisor/cli/main.py) writes messages, and standard output when it is a terminal, through
``Guarded``. Rich's own styling (control segments and colours) passes unchanged."""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING, Any, Iterable, TextIO

if TYPE_CHECKING:  # rich stays off the cold path: the error boundary imports this module
    from rich.console import Console, ConsoleOptions, RenderResult

# C0 and C1 control characters and DEL; newline and tab lay out text and stay
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def neutralise(text: str) -> str:
    """Control characters shown, not obeyed: C0 as their Unicode control pictures (ESC as ␛),
    DEL as ␡, the C1 controls (such as the 8-bit CSI) as U+FFFD. One cell wide, like the
    character they replace, so layouts keep their width."""
    return _CONTROL.sub(_picture, text) if _CONTROL.search(text) else text


def _picture(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def console(*, stderr: bool = False, width: int | None = None) -> "Console":
    from rich.console import Console

    stream = unguarded(sys.stderr if stderr else sys.stdout)  # rich writes its own escape codes
    no_color = bool(os.environ.get("NO_COLOR")) or not stream.isatty()
    made = Console(file=stream, no_color=no_color, highlight=False, soft_wrap=False, width=width, emoji=False)
    made.push_render_hook(_NeutraliseAll())
    return made


class _NeutraliseAll:  # a rich RenderHook
    def process_renderables(self, renderables: list) -> list:
        return [Neutralised(renderable) for renderable in renderables]


class Neutralised:
    """A renderable whose text has its control characters neutralised (its styles are kept)."""

    def __init__(self, renderable: Any):
        self.renderable = renderable

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        from rich.segment import Segment

        for segment in console.render(self.renderable, options):
            if segment.control or not _CONTROL.search(segment.text):
                yield segment
            else:
                yield Segment(neutralise(segment.text), segment.style)


class Guarded:
    """A text stream that neutralises what is written to it; everything else is the stream's."""

    def __init__(self, stream: TextIO):
        self.unguarded = stream

    def write(self, text: str) -> int:
        self.unguarded.write(neutralise(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.unguarded, name)


def unguarded(stream: Any) -> Any:
    """The stream under a Guarded one (for rich and the prompts, which write escape codes)."""
    return getattr(stream, "unguarded", stream)
