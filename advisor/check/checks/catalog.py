"""The catalog (recommendations, notices, goal profiles) and the rules' descriptions: every entry
concluded by some rule, one id for one thing, and the texts the advice prints in one piece."""

from __future__ import annotations

from ...i18n import LANGS, t
from ..lint import Lint
from ..registry import declare
from ..texts import language_name


def _concluded(lint: Lint) -> set[str]:
    return {rule.then.target for rule in lint.knowledge.rules if not rule.then.derive}


@declare("unused-recommendation")
def unused_recommendations(lint: Lint) -> None:
    concluded = _concluded(lint)
    for id_ in lint.knowledge.recommendations:
        if id_ not in concluded:
            lint.add(
                "unused-recommendation", "recommendations", id_, (), t(lint.lang, "check.unused-recommendation", id=repr(id_))
            )


@declare("unused-notice")
def unused_notices(lint: Lint) -> None:
    concluded = _concluded(lint)
    for id_, notice in lint.knowledge.notices.items():
        if id_ not in concluded:
            lint.add("unused-notice", "notices", id_, (), t(lint.lang, "check.unused-notice", kind=notice.kind, id=repr(id_)))


@declare("ambiguous-id")
def ambiguous_ids(lint: Lint) -> None:
    """A rule's `then` names a recommendation or a notice by id: one id, one thing."""
    for id_, notice in lint.knowledge.notices.items():
        if id_ in lint.knowledge.recommendations:
            lint.add(
                "ambiguous-id",
                "notices",
                id_,
                ("id",),
                t(lint.lang, "check.ambiguous-id", id=repr(id_), kind=notice.kind),
                t(lint.lang, "check.ambiguous-id.hint"),
            )


@declare("strategy-not-one-sentence")
def strategies(lint: Lint) -> None:
    """Each goal's strategy is one sentence: the advice prints it first, as the gist."""
    for profile in lint.knowledge.goal_profiles.values():
        for lang in LANGS:
            text = profile.strategy.get(lang)
            if not text.endswith(".") or ". " in text:
                lint.add(
                    "strategy-not-one-sentence",
                    "goals",
                    profile.goal,
                    ("strategy", lang),
                    t(lint.lang, "check.strategy-not-one-sentence", language=language_name(lang, lint.lang), goal=repr(profile.goal)),
                    t(lint.lang, "check.strategy-not-one-sentence.hint"),
                )


@declare("description-not-one-line")
def descriptions(lint: Lint) -> None:
    """A rule's description is one line: explain and why-not print it beside the rule id."""
    for rule in lint.knowledge.rules:
        for lang in LANGS:
            if "\n" in rule.description.get(lang).strip():
                lint.add(
                    "description-not-one-line",
                    "rules",
                    rule.id,
                    ("description", lang),
                    t(lint.lang, "check.description-not-one-line", language=language_name(lang, lint.lang), rule=repr(rule.id)),
                    t(lint.lang, "check.description-not-one-line.hint"),
                )
