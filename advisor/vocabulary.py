"""The words of the domain (see the study's findings): goals, usage dimensions, purposes, levels.

Kept free of imports so the command line can use it without loading pydantic or the engine.
"""

from __future__ import annotations

GOALS = (
    "alignment",
    "engagement",
    "efficiency",
    "effectiveness",
    "knowledge_sharing",
    "communication_satisfaction",
)
USAGE_DIMENSIONS = ("active_breadth", "active_frequency", "passive_breadth", "passive_frequency")
PURPOSES = ("ideas", "expertise", "processes", "strategy_dialogue", "read_only")
LEVERS = USAGE_DIMENSIONS + PURPOSES
RELATIONS = ("positive", "none", "not_shown")

FREQUENCIES = ("daily", "weekly", "monthly", "less")
PURPOSE_LEVELS = ("never", "sometimes", "often")
UNKNOWN = "unknown"

# The answers a consultation can hold, as dotted paths into the answers document.
SHARE_ANSWERS = ("usage.active_share", "usage.passive_share")
FREQUENCY_ANSWERS = ("usage.active_frequency", "usage.passive_frequency")
PURPOSE_ANSWERS = tuple(f"purposes.{purpose}" for purpose in PURPOSES)
ANSWER_KEYS = (
    "usage.active_share",
    "usage.active_frequency",
    "usage.passive_share",
    "usage.passive_frequency",
) + PURPOSE_ANSWERS


def answer_choices(key: str) -> tuple[str, ...] | None:
    """The categorical values an answer may take (None for a numeric share), without 'unknown'."""
    if key in FREQUENCY_ANSWERS:
        return FREQUENCIES
    if key in PURPOSE_ANSWERS:
        return PURPOSE_LEVELS
    return None
