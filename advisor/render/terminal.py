"""The rich consoles: colour only on a terminal and never when NO_COLOR is set."""

from __future__ import annotations

import os
import sys

from rich.console import Console


def console(*, stderr: bool = False, width: int | None = None) -> Console:
    stream = sys.stderr if stderr else sys.stdout
    no_color = bool(os.environ.get("NO_COLOR")) or not stream.isatty()
    return Console(file=stream, no_color=no_color, highlight=False, soft_wrap=False, width=width, emoji=False)
