"""Getting the first question on screen fast.

Loading and checking the knowledge base (pydantic, every rule file) takes longer than the whole
start-up budget. The first question, the goals, needs only its own texts and the goal labels, so
those are read straight from questions.yaml and goals.yaml while the full knowledge base loads in
a background thread. The answer is checked against the loaded knowledge before it is used; if the
quick read fails in any way, the questionnaire simply waits for the full load.
"""

from __future__ import annotations

import threading

from ..files.places import default_paths
from .asking import GoalsView


class KnowledgeSource:
    """The knowledge base: given, or the shipped one, loaded in the background once started."""

    def __init__(self, knowledge=None):
        self._knowledge = knowledge
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None

    @property
    def ready(self) -> bool:
        return self._knowledge is not None

    def start(self) -> None:
        if self._knowledge is None and self._thread is None:
            self._thread = threading.Thread(target=self._load, name="advisor-knowledge", daemon=True)
            self._thread.start()

    def get(self):
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        if self._knowledge is None:
            self._load()
            if self._error is not None:
                raise self._error
        return self._knowledge

    def _load(self) -> None:
        try:
            from ..knowledge.load import shipped_knowledge

            self._knowledge = shipped_knowledge()
        except BaseException as error:  # re-raised in the main thread by get()
            self._error = error


def goals_preview(lang: str) -> GoalsView | None:
    """The goals question read straight from the shipped catalogue, or None if anything is off."""
    try:
        import yaml

        # the shipped, trusted catalogue, read with the safe loader; the full knowledge base
        # (advisor.files.read) checks the answer before it is used
        SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C one where PyYAML has it
        catalog = default_paths()[1] / "catalog"
        questions = yaml.load((catalog / "questions.yaml").read_bytes(), Loader=SafeLoader)
        profiles = yaml.load((catalog / "goals.yaml").read_bytes(), Loader=SafeLoader)
        question = next(q for q in questions["questions"] if q["key"] == "goals")
        return GoalsView(
            prompt=question["prompt"][lang],
            help=question["help"][lang],
            rank_prompt=question["rank_prompt"][lang],
            goals=tuple((p["goal"], p["label"][lang]) for p in profiles["goals"]),
        )
    except Exception:
        return None

