"""The parameters (rules/catalog/parameters.yaml): the thresholds the study does not give. Each is
read by a rule or by `advisor measure`, and says what it means and where its value comes from."""

from __future__ import annotations

import re

from ...i18n import LANGS, t
from ...measure.thresholds import PARAMETERS as MEASUREMENT, threshold_problems
from ..lint import Lint
from ..registry import declare

_PLACEHOLDER = re.compile(r"\b(todo|tbd|fixme|xxx)\b|\?\?", re.IGNORECASE)
MIN_DOC_WORDS = 5  # a parameter's description and provenance say at least this much


@declare("missing-parameter", "invalid-parameter")
def measurement(lint: Lint) -> None:
    """The frequency thresholds `advisor measure` reads (advisor/measure/thresholds.py)."""
    for problem in threshold_problems(lint.knowledge, lint.lang):
        lint.add_problem(problem)


@declare("unused-parameter")
def unused(lint: Lint) -> None:
    knowledge = lint.knowledge
    used = {
        operand.param
        for rule in knowledge.rules
        for pattern in rule.when
        for _, operand in pattern.tests()
        if getattr(operand, "param", None)
    }
    for name, parameter in knowledge.parameters.items():
        if parameter.used_by == "measurement":
            if name not in MEASUREMENT:  # marked so, but advisor measure reads no such parameter
                lint.add(
                    "unused-parameter",
                    "parameters",
                    name,
                    ("used_by",),
                    t(lint.lang, "check.unused-parameter.measurement", name=repr(name)),
                    t(lint.lang, "check.unused-parameter.measurement.hint", names=", ".join(MEASUREMENT)),
                )
        elif name not in used and name not in MEASUREMENT:  # unmarked measurement ones: measurement()
            lint.add("unused-parameter", "parameters", name, (), t(lint.lang, "check.unused-parameter", name=repr(name)))


@declare("undocumented-parameter")
def documented(lint: Lint) -> None:
    for name, parameter in lint.knowledge.parameters.items():
        for part in ("description", "provenance"):
            for lang in LANGS:
                text = getattr(parameter, part).get(lang)
                if len(text.split()) < MIN_DOC_WORDS or _PLACEHOLDER.search(text):
                    lint.add(
                        "undocumented-parameter",
                        "parameters",
                        name,
                        (part, lang),
                        t(lint.lang, "check.undocumented-parameter", name=repr(name), part=part, text=repr(text)),
                        t(lint.lang, "check.undocumented-parameter.hint"),
                    )
        # the study gives no thresholds: each provenance says so, in the words of its language
        wording = lint.knowledge.wording
        if any(
            not any(re.search(pattern, parameter.provenance.get(lang), re.IGNORECASE) for pattern in entry.not_from_the_study)
            for lang, entry in wording.items()
        ):
            lint.add(
                "undocumented-parameter",
                "parameters",
                name,
                ("provenance",),
                t(lint.lang, "check.undocumented-parameter.study", name=repr(name)),
                t(lint.lang, "check.undocumented-parameter.study.hint"),
            )
