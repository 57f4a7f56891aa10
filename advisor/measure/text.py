"""Text from export files made safe to show."""

from __future__ import annotations



def printable(text: str) -> str:
    """Control and format characters (escape sequences, bidirectional overrides) written as \\x1b,
    \\u202e: nothing read from a file can steer a terminal or reorder what a reader sees."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}") for ch in text)


def shown_value(value: object) -> str:
    """A bad cell as an error message may quote it: short values only, and never what looks like a
    name or an address (a cell shifted into a count column could hold one)."""
    text = str(value)
    if len(text) > 20 or "@" in text:
        return f"a value of {len(text)} characters"
    return repr(printable(text))

