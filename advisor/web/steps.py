"""The participant's steps: the questionnaire's flow (questionnaire/flow.py) as web pages.

team (unless the workshop is anonymous) -> goals -> their order (when several) -> only the usage
and purpose questions those goals need, in the questionnaire's order -> review. Each step's
form is read into the draft. Answers are validated by parse_answers, the reader answers files
go through, and each error is shown next to its field.
"""

from __future__ import annotations

from typing import Any

from ..answers.read import parse_answers
from ..errors import AdvisorError
from ..i18n import t
from ..questionnaire.flow import Flow
from ..vocabulary import ANSWER_KEYS, UNKNOWN
from ..workshop import labels, live
from .drafts import Draft
from .forms import Form

TEAM, GOALS, ORDER, REVIEW = "team", "goals", "order", "review"
TEAMS = ("optional", "required", "anonymous")  # what a workshop asks of team names
TYPED = "typed"  # the share question's "another percentage" choice


class Steps:
    """The steps of the questionnaire in one language, for a workshop's way with team names."""

    def __init__(self, flow: Flow, teams: str = "optional"):
        self.flow = flow
        self.lang = flow.lang
        self.teams = teams

    # ---- the path ----------------------------------------------------------------------------

    def questions(self, draft: Draft) -> list[str]:
        """The usage and purpose questions the draft's goals need, in order."""
        return [key for key in self.flow.plan(draft.goals) if key in ANSWER_KEYS] if draft.goals else []

    def plan(self, draft: Draft) -> list[str]:
        steps = [] if self.teams == "anonymous" else [TEAM]
        steps.append(GOALS)
        if len(draft.goals) > 1:
            steps.append(ORDER)
        return steps + self.questions(draft) + [REVIEW]

    def answered(self, step: str, draft: Draft) -> bool:
        if step in ANSWER_KEYS:
            return step in draft.answers
        return step in draft.done

    def first_open(self, draft: Draft) -> str:
        """The first step not answered yet (the review when all are)."""
        return next((step for step in self.plan(draft) if not self.answered(step, draft)), REVIEW)

    def after(self, step: str, draft: Draft, to_review: bool) -> str:
        plan = self.plan(draft)
        if to_review:
            return self.first_open(draft)
        index = plan.index(step) if step in plan else -1
        return plan[min(index + 1, len(plan) - 1)]

    def before(self, step: str, draft: Draft) -> str | None:
        plan = self.plan(draft)
        index = plan.index(step) if step in plan else 0
        return plan[index - 1] if index > 0 else None

    def position(self, step: str, draft: Draft) -> tuple[int, int]:
        """(n, of): where the step is among the steps before the review."""
        plan = self.plan(draft)[:-1]
        return (plan.index(step) + 1 if step in plan else len(plan)), len(plan)

    # ---- what a step shows -------------------------------------------------------------------

    def view(self, step: str, draft: Draft) -> dict[str, Any]:
        lang = self.lang
        if step == TEAM:
            required = self.teams == "required"
            return {
                "kind": "team",
                "prompt": t(lang, "web.team_prompt"),
                "help": t(lang, "web.team_help_required" if required else "web.team_help_optional"),
                "value": draft.team or "",
                "required": required,
                "max": live.TEAM_MAX,
            }
        goals = self.flow.goals_view()
        if step == GOALS:
            return {
                "kind": "goals",
                "prompt": goals.prompt,
                "help": goals.help,
                "options": [{"value": g, "label": label, "checked": g in draft.goals} for g, label in goals.goals],
            }
        if step == ORDER:
            names = dict(goals.goals)
            return {
                "kind": "order",
                "prompt": t(lang, "web.order_prompt"),
                "help": t(lang, "web.order_help"),
                "ranks": [
                    {
                        "name": f"rank{place}",
                        "place": place,
                        "options": [{"value": g, "label": names[g], "selected": g == chosen} for g in draft.goals],
                    }
                    for place, chosen in enumerate(draft.goals, 1)
                ],
            }
        question = self.flow.questions[step]
        given = draft.answers.get(step)
        typed = step in draft.typed
        options = [
            {"value": str(c.answer), "label": c.label.get(lang), "checked": not typed and given == c.answer}
            for c in question.choices
        ]
        view = {
            "kind": question.kind,
            "prompt": question.prompt.get(lang),
            "help": question.help.get(lang),
            "options": options,
            "dont_know": given == UNKNOWN,
        }
        if question.kind == "share":
            view["typed"] = {"checked": typed, "value": labels.number(lang, given) if typed and given is not None else ""}
        return view

    def review(self, draft: Draft) -> list[dict[str, Any]]:
        """One row per answer: the step to change it, the question, the answer as words."""
        lang = self.lang
        rows = []
        if self.teams != "anonymous":
            rows.append({"step": TEAM, "question": t(lang, "web.team_label"), "answer": draft.team or t(lang, "web.anonymous"), "missing": False})
        names = dict(self.flow.goals_view().goals)
        chosen = ", ".join(f"{n}. {names[g]}" for n, g in enumerate(draft.goals, 1))
        rows.append({"step": ORDER if len(draft.goals) > 1 else GOALS, "question": t(lang, "web.goals_label"), "answer": chosen, "missing": not draft.goals})
        for key in self.questions(draft):
            value = draft.answers.get(key)
            rows.append({
                "step": key,
                "question": self.flow.questions[key].prompt.get(lang),
                "answer": self.answer_text(key, value, key in draft.typed) if key in draft.answers else t(lang, "web.not_answered"),
                "missing": key not in draft.answers,
            })
        return rows

    def answer_text(self, key: str, value: Any, typed: bool) -> str:
        if value == UNKNOWN:
            return t(self.lang, "q.dont_know")
        question = self.flow.questions[key]
        if question.kind == "share" and typed:
            return labels.percent(self.lang, value)
        for choice in question.choices:
            if choice.answer == value:
                return choice.label.get(self.lang)
        return labels.percent(self.lang, value) if question.kind == "share" else str(value)

    # ---- reading a step's form ---------------------------------------------------------------

    def read(self, step: str, draft: Draft, form: Form) -> dict[str, str]:
        """Take the step's answer into the draft; the errors by field (none: it was taken)."""
        lang = self.lang
        if step == TEAM:
            try:
                team = live.team_name(form.get("team"), lang)
            except AdvisorError as error:
                return {"team": error.problems[0].message}
            if team is None and self.teams == "required":
                return {"team": t(lang, "web.team_required")}
            draft.team = team
        elif step == GOALS:
            chosen = list(dict.fromkeys(form.all("goals")))
            if not chosen:
                return {"goals": t(lang, "web.goals_required")}
            problem = self._problem({"goals": chosen, "usage": {}}, "goals")
            if problem:
                return {"goals": problem}
            if set(chosen) != set(draft.goals):
                draft.done.discard(ORDER)  # other goals: put them in order again
            draft.goals = [g for g in draft.goals if g in chosen] + [g for g in chosen if g not in draft.goals]
        elif step == ORDER:
            ranks = [form.get(f"rank{place}") for place in range(1, len(draft.goals) + 1)]
            if sorted(map(str, ranks)) != sorted(draft.goals):
                return {"order": t(lang, "web.order_distinct")}
            draft.goals = ranks
        elif step in ANSWER_KEYS:
            errors = self._read_answer(step, draft, form)
            if errors:
                return errors
        draft.done.add(step)
        return {}

    def _read_answer(self, key: str, draft: Draft, form: Form) -> dict[str, str]:
        lang = self.lang
        question = self.flow.questions[key]
        picked = form.get("value")
        typed_text = (form.get(TYPED) or "").strip()
        field = "value"
        if question.kind == "share" and (picked == TYPED or (picked is None and typed_text)):
            field = TYPED
            if not typed_text:
                return {TYPED: t(lang, "web.share_type")}
            value: Any = typed_text  # read by the one reader: 8, 8%, 12.5 and 12,5 alike
        elif picked == UNKNOWN:
            value = UNKNOWN
        else:
            value = next((c.answer for c in question.choices if str(c.answer) == picked), None)
            if value is None:
                return {"value": t(lang, "web.choose_one")}
        section, name = key.split(".", 1)
        data: dict[str, Any] = {"goals": list(draft.goals), "usage": {}}
        data.setdefault(section, {})[name] = value
        try:
            answers = parse_answers(data, source="form", lang=lang, knowledge=self.flow.knowledge)
        except AdvisorError as error:
            return {field: _message(error, key)}
        draft.answers[key] = answers.value(key)
        if field == TYPED:
            draft.typed.add(key)
        else:
            draft.typed.discard(key)
        return {}

    def _problem(self, data: dict, key: str) -> str | None:
        try:
            parse_answers(data, source="form", lang=self.lang, knowledge=self.flow.knowledge)
        except AdvisorError as error:
            return _message(error, key)
        return None

    # ---- the answers to send -----------------------------------------------------------------

    def final(self, draft: Draft) -> dict[str, Any]:
        """The answers document: goals, and the answers to the questions the goals need (answers
        to questions the goals no longer need are left out, so they cannot change the advice)."""
        data: dict[str, Any] = {"goals": list(draft.goals), "usage": {}}
        for key in self.questions(draft):
            if key in draft.answers:
                section, name = key.split(".", 1)
                data.setdefault(section, {})[name] = draft.answers[key]
        return data


def _message(error: AdvisorError, key: str) -> str:
    for problem in error.problems:
        if problem.field and (problem.field == key or problem.field.startswith(key + ".")):
            return problem.message
    return error.problems[0].message
