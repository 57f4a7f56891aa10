"""Which questions to ask, in which order, and why; and the walk through them.

Only what matters is asked: after the goals, a usage or purpose question comes only when a rule
serving one of the chosen goals reads its answer (advisor/knowledge/dependencies.py). Nothing here names a
question: the questions and their order are data (rules/catalog/questions.yaml).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from ..i18n import t
from ..vocabulary import ANSWER_KEYS, answer_label
from .asking import ASK, GoalsView, ask_goals
from .prompts import BACK, Prompter
from .state import Progress

if TYPE_CHECKING:  # the knowledge base (and pydantic) loads in the background: see preload.py
    from ..knowledge.load import Knowledge


class Flow:
    """The questionnaire of one knowledge base, in one language."""

    def __init__(self, knowledge: "Knowledge", lang: str, *, organisation: bool = True):

        self.dependencies = knowledge.dependencies
        self.knowledge = knowledge
        self.lang = lang
        self.questions = {q.key: q for q in knowledge.questions}
        if "goals" not in self.questions:
            from ..errors import AdvisorError

            raise AdvisorError(
                f"{knowledge.paths[1]}: this rule set has no questionnaire",
                hint="add the questions (see rules/catalog/questions.yaml), or use advisor advise --answers",
            )
        # the goals come first whatever the file order: the study's advice is to decide them first;
        # the organisation's details only when they are kept (not for an anonymous response)
        self.order = ["goals"] + [
            q.key for q in knowledge.questions if q.key != "goals" and (organisation or not q.key.startswith("organisation."))
        ]

    def plan(self, goals: list[str]) -> list[str]:
        """The questions to ask for these goals, in order."""
        needs = self.dependencies.needs(tuple(goals))
        return [key for key in self.order if key not in ANSWER_KEYS or key in needs]

    def skipped(self, goals: list[str]) -> list[str]:
        needs = self.dependencies.needs(tuple(goals))
        return [key for key in self.order if key in ANSWER_KEYS and key not in needs]

    def goals_view(self) -> GoalsView:
        question = self.questions["goals"]
        return GoalsView(
            prompt=question.prompt.get(self.lang),
            help=question.help.get(self.lang),
            rank_prompt=question.rank_prompt.get(self.lang),
            goals=tuple((p.goal, p.label.get(self.lang)) for p in self.knowledge.goal_profiles.values()),
        )

    def without_levers(self, goals: list[str]) -> bool:
        """Whether the study names no use to steer on for any of these goals (communication
        satisfaction: no significant relation with active or passive use)."""
        profiles = self.knowledge.goal_profiles
        return not any(profiles[goal].steer_on or profiles[goal].suggested for goal in goals)

    def goal_labels(self, goals: list[str]) -> str:
        profiles = self.knowledge.goal_profiles
        return ", ".join(profiles[goal].label.get(self.lang) for goal in goals)

    def skip_line(self, goals: list[str]) -> str | None:
        """One line naming the questions left out for these goals, and why."""
        skipped = self.skipped(goals)
        if not skipped:
            return None
        names = "; ".join(answer_label(self.lang, key) for key in skipped)
        return t(self.lang, "q.skipped", goals=self.goal_labels(goals), questions=names)

    def explanation(self, key: str, goals: list[str]):
        """Why a question is asked: its help text, and the rules and findings that read the answer."""
        from .why import explanation

        return explanation(self, key, goals)


def walk(
    flow_for: Callable[[], Flow],
    prompter: Prompter,
    progress: Progress,
    save: Callable[[Progress, Flow], None],
    preview: GoalsView | None = None,
) -> list[str]:
    """Ask the questions from progress.next on, saving after each answer; return the final plan.

    flow_for() gives the Flow once the knowledge base is loaded; until then the goals question
    can be asked from its preview.
    """
    from . import measured

    flow: Flow | None = None
    goals = progress.answers.get("goals")
    if goals:
        flow = flow_for()
        _note(prompter, flow.skip_line(goals))
        if progress.measured is not None:
            prompter.note(measured.note(progress, prompter.lang))
        keys = _asked(flow.plan(goals), progress)
        if progress.next in keys:
            position = keys.index(progress.next)
        else:  # the rule set changed since the save: the first question not yet answered
            position = next((i for i, key in enumerate(keys) if key not in progress.answers), len(keys))
    else:
        keys, position = ["goals"], 0

    while position < len(keys):
        key = keys[position]
        default = progress.answers.get(key)
        if key == "goals":
            answer = _ask_goals(flow, flow_for, prompter, default, preview)
            flow = flow or flow_for()
        else:
            assert flow is not None
            question = flow.questions[key]
            explain = _explainer(prompter, flow, key, goals)
            answer = ASK[question.kind](prompter, question, default, explain, back=position > 0)
        if answer is BACK:
            position -= 1
            continue
        progress.answers[key] = answer
        if key == "goals":
            if flow.without_levers(answer) and _add_a_goal(prompter, flow, answer):
                progress.answers[key] = answer  # kept as the default when the goals are asked again
                continue
            goals = answer
            _note(prompter, flow.skip_line(goals))
            if progress.measured is not None and measured.ask(prompter, progress, flow.plan(goals)) is BACK:
                continue  # to the goals again
            keys = _asked(flow.plan(goals), progress)
        position += 1
        progress.next = keys[position] if position < len(keys) else None
        save(progress, flow)
    return keys


def _asked(plan: list[str], progress: Progress) -> list[str]:
    """The plan without the questions a measurement answers (advisor --usage-from)."""
    from .measured import not_asked

    skipped = not_asked(progress)
    return [key for key in plan if key not in skipped]


def _ask_goals(flow, flow_for, prompter, default, preview):
    """The goals, asked from the preview while the knowledge loads; checked once it has."""
    view = flow.goals_view() if flow is not None else preview
    if view is None:
        flow = flow_for()
        view = flow.goals_view()

    def explain() -> None:
        prompter.show(flow_for().explanation("goals", []))

    answer = ask_goals(prompter, view, default, explain)
    loaded = flow_for().goals_view()
    if loaded != view:  # the quick read differed from the checked knowledge: ask again from that
        return ask_goals(prompter, loaded, answer, explain)
    return answer


def _add_a_goal(prompter: Prompter, flow: Flow, goals: list[str]) -> bool:
    """Say plainly that the study names no use to steer on for these goals, with what it found,
    and offer to choose goals again. True: the person wants to add one."""
    from .prompts import Option

    lang = flow.lang
    for goal in goals:
        profile = flow.knowledge.goal_profiles[goal]
        prompter.note(f"{profile.label.get(lang)}: {profile.strategy.get(lang)}")
    answer = prompter.select(
        t(lang, "q.no_levers", goals=flow.goal_labels(goals)),
        [Option(t(lang, "q.add_goal"), True), Option(t(lang, "q.keep_goals"), False)],
        default=True,
        back=False,
        why=False,
    )
    return answer is True


def _explainer(prompter: Prompter, flow: Flow, key: str, goals: list[str]):
    def explain() -> None:
        prompter.show(flow.explanation(key, goals))

    return explain


def _note(prompter: Prompter, line: str | None) -> None:
    if line:
        prompter.note(line)


def final_answers(progress: Progress, keys: list[str]) -> dict[str, Any]:
    """The answers document for the questions on the final path (answers to questions the goals
    no longer need are left out, so they cannot change the advice)."""
    from .state import nest

    given = {key: progress.answers[key] for key in keys if key in progress.answers}
    answers = nest({key: value for key, value in given.items() if value is not None})
    answers.setdefault("usage", {})
    return answers
