"""`advisor check`: validate and lint a knowledge base.

Reading and validating is load_knowledge's job; its problems (schema errors, duplicate and
dangling ids, derive cycles) come back here with a code and the id they are about. On a
knowledge base that loads, the linter then looks for what a schema cannot see: rules failing
their own examples or unable to fire, rules concluding opposite things from the same facts,
findings never cited, parameters unused or undocumented, texts left untranslated; and, in
fidelity.py, whether the knowledge says more than the source. The grid of every goal selection
with every band of its answers (coverage.py) shows each answers set gets advice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import AdvisorError, Problem
from ..files.read import load_document
from ..i18n import LANGS
from ..knowledge.load import Knowledge, default_paths, load_knowledge
from ..reasoning.pipeline import Advisor, advisor_for
from ..schema import CheckProblem, CheckReport

# what a load problem is, from the loader's wording (knowledge/load.py, files/read.py)
_LOAD_CODES = (
    ("duplicate id", "duplicate-id"),
    ("unknown finding", "dangling-id"),
    ("unknown recommendation", "dangling-id"),
    ("unknown warning", "dangling-id"),
    ("unknown caveat", "dangling-id"),
    ("unknown parameter", "dangling-id"),
    ("no rule derives", "dangling-id"),
    ("refers to", "dangling-id"),
    ("no goal profile", "dangling-id"),
    ("must cite the findings", "no-evidence"),
    ("examples need", "no-examples"),
    ("derives in a cycle", "derive-cycle"),
)
_PLACEHOLDER = re.compile(r"\b(todo|tbd|fixme|xxx)\b|\?\?", re.IGNORECASE)
MIN_DOC_WORDS = 5  # a parameter's description and provenance say at least this much
MIN_TRANSLATED_WORDS = 4  # shorter texts (labels, names) may rightly read the same in both languages


@dataclass
class Lint:
    advisor: Advisor  # the knowledge base, and the rule engine to run examples and combinations on
    problems: list[CheckProblem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # what was not checked (see coverage.py)

    @property
    def knowledge(self) -> Knowledge:
        return self.advisor.knowledge

    def add(self, code: str, section: str, id_: str, sub: tuple, message: str, hint: str | None = None) -> None:
        problem = self.knowledge.origin(section, id_).problem(sub, message, hint)
        self.problems.append(checked(problem, code, id_))


def checked(problem: Problem, code: str, id_: str | None) -> CheckProblem:
    return CheckProblem(
        code=code,
        source=problem.source,
        line=problem.line,
        column=problem.column,
        field=problem.field,
        id=id_,
        message=problem.message,
        hint=problem.hint,
    )


def check(
    findings: str | Path | None = None,
    rules: str | Path | None = None,
    *,
    grid: bool = True,
    progress: Callable[[int, int], None] | None = None,
    engine: str | None = None,
) -> CheckReport:
    """Validate and lint a knowledge base (the shipped one by default)."""
    default_findings, default_rules = default_paths()
    findings_path = str(findings or default_findings)
    rules_path = str(rules or default_rules)
    try:
        knowledge = load_knowledge(findings_path, rules_path)
    except AdvisorError as error:
        return CheckReport(
            knowledge_version=None,
            findings_path=findings_path,
            rules_path=rules_path,
            valid=False,
            counts={},
            examples={},
            grid=None,
            problems=sorted(load_problems(error.problems), key=_order),
        )
    lint = Lint(advisor_for(knowledge, engine))  # derive cycles are refused by the loader
    check_citations(lint)
    check_catalog(lint)
    check_parameters(lint)
    check_translations(lint)
    check_pairs(lint)
    check_strategies(lint)
    check_descriptions(lint)
    from . import fidelity

    for source_check in (
        fidelity.check_quotes,
        fidelity.check_levers,
        fidelity.check_untested_none,
        fidelity.check_inferred_notes,
        fidelity.check_causal_wording,
        fidelity.check_stale_exemptions,
        fidelity.check_translation_names,
    ):
        source_check(lint)
    examples = check_examples(lint)
    from .coverage import check_conflicts, check_grid, check_reachable

    check_reachable(lint)
    check_conflicts(lint)
    figures = check_grid(lint, progress) if grid else None
    return CheckReport(
        knowledge_version=knowledge.version,
        findings_path=findings_path,
        rules_path=rules_path,
        valid=True,
        counts=counts(knowledge),
        examples=examples,
        grid=figures,
        problems=sorted(lint.problems, key=_order),
        skipped=lint.skipped,
    )


def counts(knowledge: Knowledge) -> dict[str, int]:
    notices = list(knowledge.notices.values())
    return {
        "findings": len(knowledge.findings),
        "statements": len(knowledge.statements),
        "rules": len(knowledge.rules),
        "derive_rules": sum(1 for rule in knowledge.rules if rule.then.derive),
        "recommendations": len(knowledge.recommendations),
        "warnings": sum(1 for notice in notices if notice.kind == "warning"),
        "caveats": sum(1 for notice in notices if notice.kind == "caveat"),
        "parameters": len(knowledge.parameters),
        "goals": len(knowledge.goal_profiles),
        "questions": len(knowledge.questions),
        "examples": sum(len(rule.examples) for rule in knowledge.rules),
    }


# --------------------------------------------------------------------------------------------
# problems from loading


def load_problems(problems: list[Problem]) -> list[CheckProblem]:
    """The loader's problems, each with a code and the id of the item it is in."""
    documents: dict[str, object] = {}
    return [checked(problem, load_code(problem), _item_id(problem, documents)) for problem in problems]


def load_code(problem: Problem) -> str:
    for words, code in _LOAD_CODES:
        if words in problem.message:
            return code
    if problem.field is None and problem.line is None:
        return "unreadable"
    if problem.field and re.search(r"\.(en|nl)$", problem.field):
        return "missing-translation"
    if problem.field and re.fullmatch(r"rules\[\d+\]\.examples", problem.field):
        return "no-examples"
    if problem.field is None:
        return "invalid-yaml"
    return "schema"


_ITEM = re.compile(r"^(\w+)\[(\d+)\]")


def _item_id(problem: Problem, documents: dict) -> str | None:
    """The id (or name, goal, key) of the list item a problem's field points into."""
    match = _ITEM.match(problem.field or "")
    if not match:
        return None
    if problem.source not in documents:
        try:
            documents[problem.source] = load_document(problem.source).data
        except AdvisorError:
            documents[problem.source] = None
    data = documents[problem.source]
    try:
        item = data[match.group(1)][int(match.group(2))]  # type: ignore[index]
    except (KeyError, IndexError, TypeError):
        return None
    if not isinstance(item, dict):
        return None
    for key in ("id", "name", "goal", "key"):
        if isinstance(item.get(key), str):
            return item[key]
    return None


# --------------------------------------------------------------------------------------------
# the collection


def check_citations(lint: Lint) -> None:
    knowledge = lint.knowledge
    cited = {ref for rule in knowledge.rules for ref in rule.findings}
    for id_ in list(knowledge.findings) + list(knowledge.statements):
        if id_ not in cited:
            lint.add(
                "uncited-finding",
                "finding",
                id_,
                (),
                f"finding {id_!r} is cited by no rule",
                "cite it in the `findings` of the rules that rest on it, or remove it",
            )


def check_catalog(lint: Lint) -> None:
    knowledge = lint.knowledge
    concluded = {rule.then.target for rule in knowledge.rules if not rule.then.derive}
    for id_ in knowledge.recommendations:
        if id_ not in concluded:
            lint.add("unused-recommendation", "recommendations", id_, (), f"no rule recommends {id_!r}")
    for id_, notice in knowledge.notices.items():
        if id_ not in concluded:
            lint.add("unused-notice", "notices", id_, (), f"no rule concludes the {notice.kind} {id_!r}")
        if id_ in knowledge.recommendations:
            lint.add(
                "ambiguous-id",
                "notices",
                id_,
                ("id",),
                f"{id_!r} names both a recommendation and a {notice.kind}",
                "give one of them another id",
            )


def check_parameters(lint: Lint) -> None:
    from ..measure.thresholds import PARAMETERS as MEASUREMENT, threshold_problems

    knowledge = lint.knowledge
    used = {
        operand.param
        for rule in knowledge.rules
        for pattern in rule.when
        for _, operand in pattern.tests()
        if getattr(operand, "param", None)
    }
    for name, code, problem in threshold_problems(knowledge):
        lint.problems.append(checked(problem, code, name))
    for name, parameter in knowledge.parameters.items():
        if parameter.used_by == "measurement":
            if name not in MEASUREMENT:  # marked so, but advisor measure reads no such parameter
                lint.add(
                    "unused-parameter",
                    "parameters",
                    name,
                    ("used_by",),
                    f"parameter {name!r} is used by no rule, and advisor measure does not read it",
                    f"advisor measure reads {', '.join(MEASUREMENT)}",
                )
        elif name not in used and name not in MEASUREMENT:  # unmarked measurement ones: threshold_problems
            lint.add("unused-parameter", "parameters", name, (), f"parameter {name!r} is used by no rule")
        for part in ("description", "provenance"):
            for lang in LANGS:
                text = getattr(getattr(parameter, part), lang)
                if len(text.split()) < MIN_DOC_WORDS or _PLACEHOLDER.search(text):
                    lint.add(
                        "undocumented-parameter",
                        "parameters",
                        name,
                        (part, lang),
                        f"parameter {name!r} has no real {part}: {text!r}",
                        "say what the threshold means and where its value comes from (the study gives none)",
                    )
        provenance = parameter.provenance
        if "not from the study" not in provenance.en or "niet uit het onderzoek" not in provenance.nl:
            lint.add(
                "undocumented-parameter",
                "parameters",
                name,
                ("provenance",),
                f"the provenance of {name!r} does not say that the value is not from the study",
                "the study gives no thresholds: say 'not from the study' ('niet uit het onderzoek') and where it comes from",
            )


def check_translations(lint: Lint) -> None:
    """Texts that read the same in both languages: most likely never translated."""
    from .fidelity import user_texts

    for section, id_, sub, text in user_texts(lint.knowledge):
        if text.en.strip() == text.nl.strip() and len(text.en.split()) >= MIN_TRANSLATED_WORDS:
            lint.add(
                "untranslated",
                section,
                id_,
                sub + ("nl",),
                f"the Dutch text of {id_!r} is the English text: {text.en[:50]!r}",
                "translate it",
            )


def check_pairs(lint: Lint) -> None:
    """One finding per (construct, usage) pair: a compound sentence becomes several findings."""
    seen: dict[tuple[str, str], str] = {}
    for finding in lint.knowledge.findings.values():
        pair = (finding.construct, finding.usage)
        if pair in seen:
            lint.add(
                "duplicate-pair",
                "finding",
                finding.id,
                ("usage",),
                f"{finding.id!r} and {seen[pair]!r} are both about {pair[0]} × {pair[1]}",
                "keep one finding per outcome and usage; merge them or correct the usage",
            )
        else:
            seen[pair] = finding.id


def check_strategies(lint: Lint) -> None:
    """Each goal's strategy is one sentence: the advice prints it first, as the gist."""
    for profile in lint.knowledge.goal_profiles.values():
        for lang in LANGS:
            text = getattr(profile.strategy, lang)
            if not text.endswith(".") or ". " in text:
                lint.add(
                    "strategy-not-one-sentence",
                    "goals",
                    profile.goal,
                    ("strategy", lang),
                    f"the {lang} strategy of {profile.goal!r} is not one sentence ending in a full stop",
                    "join the sentences with a semicolon or a colon, or move the rest to a recommendation",
                )


def check_descriptions(lint: Lint) -> None:
    """A rule's description is one line: explain and why-not print it beside the rule id."""
    for rule in lint.knowledge.rules:
        for lang in LANGS:
            if "\n" in getattr(rule.description, lang).strip():
                lint.add(
                    "description-not-one-line",
                    "rules",
                    rule.id,
                    ("description", lang),
                    f"the {lang} description of {rule.id!r} runs over more than one line",
                    "say when the rule applies in one line; the findings it cites say why",
                )


def check_examples(lint: Lint) -> dict[str, int]:
    from .examples import run_examples

    results = run_examples(lint.advisor)
    positions = {
        (rule.id, example.case): index for rule in lint.knowledge.rules for index, example in enumerate(rule.examples)
    }
    for result in results:
        if result.ok:
            continue
        if result.invalid:
            what = "its answers must be refused, but they were accepted"
        elif result.rejected:
            what = f"its answers were refused: {result.detail.splitlines()[0] if result.detail else ''}"
        else:
            what = "the rule should fire, but does not" if result.expected else "the rule fires, but should not"
        lint.add(
            "example-fails",
            "rules",
            result.rule,
            ("examples", positions[(result.rule, result.case)]),
            f"rule {result.rule!r} fails its example {result.case!r}: {what}",
            f"run `pytest -k {result.test_id}`; fix the rule or the example",
        )
    return {"run": len(results), "passed": sum(1 for r in results if r.ok)}


def _order(problem: CheckProblem) -> tuple:
    return (problem.source, problem.line or 0, problem.column or 0, problem.code, problem.id or "", problem.message)

