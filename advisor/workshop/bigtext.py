"""Large digits for the projector: five rows of block characters, doubled on large terminals."""

from __future__ import annotations

_GLYPHS = {
    "0": ("███", "█ █", "█ █", "█ █", "███"),
    "1": (" █ ", "██ ", " █ ", " █ ", "███"),
    "2": ("███", "  █", "███", "█  ", "███"),
    "3": ("███", "  █", "███", "  █", "███"),
    "4": ("█ █", "█ █", "███", "  █", "  █"),
    "5": ("███", "█  ", "███", "  █", "███"),
    "6": ("███", "█  ", "███", "█ █", "███"),
    "7": ("███", "  █", "  █", "  █", "  █"),
    "8": ("███", "█ █", "███", "█ █", "███"),
    "9": ("███", "█ █", "███", "  █", "███"),
}


def big_digits(value: int, scale: int = 1) -> list[str]:
    """The rows of value drawn in block digits; scale 2 doubles width and height."""
    rows = ["  ".join(_GLYPHS[digit][row] for digit in str(value)) for row in range(5)]
    rows = ["".join(char * 2 * scale for char in row) for row in rows]  # terminal cells are tall: widen
    return [row for row in rows for _ in range(scale)]
