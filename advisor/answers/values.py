"""How a typed value reads: a percentage, a head count, a word to look up. One set of rules for
every channel (answers files, the line protocol, batch, `--set`, the questionnaire, web forms).

Free of heavy imports: the questionnaire reads typed percentages with it while the knowledge loads.
"""

from __future__ import annotations

import math
import re

MAX_EMPLOYEES = 10_000_000
_THOUSANDS = re.compile(r"^\d{1,3}([.,]\d{3})+$")  # 1.200 or 1,200: a head count written with separators
_DIGITS = re.compile(r"^[0-9]{1,18}$")  # ASCII digits: "²" passes str.isdigit, not int()
_SPACES = re.compile(r"[\s_\-]+")


def share_from_text(text: str) -> int | float | None:
    """'8', '8%', '8 %', '12.5' or '12,5' (a decimal comma) -> the number; None if it is no number.
    The range (0 to 100) is checked by the caller, who says what is wrong."""
    cleaned = text.strip()
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1].strip()
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")  # a decimal comma, as Dutch writes it
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", cleaned):
        return None  # no exponents, no 'nan' or 'inf', no thousands separators
    value = float(cleaned)
    return int(value) if value.is_integer() else value


_BAND_TEXT = re.compile(
    r"^(\d+(?:[.,]\d+)?)\s*%?\s*(?:-|\u2013|\u2014|to|tot)\s*(\d+(?:[.,]\d+)?)\s*%?$", re.IGNORECASE
)


def band_from_text(text: str) -> tuple[int | float, int | float] | None:
    """'25-50', '25 - 50', '25–50%', '25% - 50%', '25 to 50%' or '25 tot 50%' -> (25, 50): a band
    of a share, from the first number up to the second; None if the text is no band. Whether the
    numbers make a band (0 <= low < high <= 100) is checked by the caller, who says what is wrong."""
    found = _BAND_TEXT.match(text.strip())
    if not found:
        return None
    low, high = (float(part.replace(",", ".")) for part in found.groups())
    return tuple(int(v) if v.is_integer() else v for v in (low, high))  # type: ignore[return-value]


def count_from_text(text: str) -> int | None:
    """'1200', '1.200', '1,200', '1 200' or "1'200" -> 1200; None unless a whole number."""
    cleaned = "".join(ch for ch in text.strip() if ch not in " '_\u00a0\u202f")
    if _THOUSANDS.match(cleaned):
        cleaned = re.sub(r"[.,]", "", cleaned)
    return int(cleaned) if _DIGITS.match(cleaned) else None


def is_number(value: object) -> bool:
    """A real number: not a boolean (YAML reads yes and no as booleans), not NaN or infinity."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def spelling(text: str) -> str:
    """A word as the spelling tables hold it: case, spaces, hyphens and underscores aside, so that
    `Knowledge sharing`, `knowledge-sharing` and `knowledge_sharing` are the same."""
    return _SPACES.sub(" ", text.casefold()).strip()
