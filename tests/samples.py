"""Sample answers shared by the tests (a module of its own: several folders have a conftest)."""

from pathlib import Path

# answers files that the command tests read, as a person would pass them
ANSWERS_FILES = Path(__file__).parent / "fixtures" / "answers"
FEW_POSTERS = str(ANSWERS_FILES / "alignment-few-posters.yaml")
EXAMPLE_FILE = str(ANSWERS_FILES / "example.yaml")

EXAMPLE_ANSWERS = {
    "goals": ["alignment", "engagement"],
    "usage": {"active_share": 8, "active_frequency": "weekly", "passive_share": 45, "passive_frequency": "weekly"},
    "purposes": {
        "ideas": "never",
        "expertise": "sometimes",
        "processes": "never",
        "strategy_dialogue": "never",
        "read_only": "often",
    },
    "organisation": {"name": "Example BV", "employees": 1200},
}

