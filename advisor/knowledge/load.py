"""A knowledge base: the findings and the rule set, loaded, merged and cross-checked.

``load_knowledge`` is the one loader for findings.yaml and rules/. It reports every problem it
finds (schema errors and dangling references alike) with the file, line, field and a hint.
"""

from __future__ import annotations

import hashlib
import itertools
import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..errors import AdvisorError, Problem
from ..files.read import Document, Loc, load_document, read_bytes, validate
from ..schema import (
    Finding,
    FindingsFile,
    GoalProfile,
    Notice,
    ParamRef,
    Parameter,
    PatternRef,
    Question,
    Recommendation,
    Rule,
    RuleFile,
    Statement,
    Vocabulary,
)
from ..files.places import default_paths
from .dependencies import Dependencies
from ..vocabulary import GOALS, RELATIVE_PATH, UNKNOWN, answer_choices, installed, read_vocabulary

_KEY_FIELD = {"parameters": "name", "goals": "goal", "questions": "key"}  # the others have an `id`
_SECTIONS = tuple(name for name in RuleFile.model_fields if name != "vocabulary")  # the lists of items


@dataclass(frozen=True)
class Origin:
    """Where an item of the knowledge base was defined, for error messages."""

    document: Document
    loc: Loc

    def problem(self, sub: Loc, message: str, hint: str | None = None) -> Problem:
        return self.document.problem(self.loc + tuple(sub), message, hint)


_names = itertools.count(1)
_names_lock = threading.Lock()


@dataclass(eq=False)
class Knowledge:
    """A loaded, cross-checked knowledge base. Immutable once loaded."""

    version: str
    findings_file: FindingsFile
    rules: list[Rule]
    recommendations: dict[str, Recommendation]
    notices: dict[str, Notice]
    parameters: dict[str, Parameter]
    goal_profiles: dict[str, GoalProfile]
    questions: list[Question]
    vocabulary: Vocabulary  # the answers format's words: the installed advisor's (see _check_vocabulary)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)  # (section, id) -> origin
    paths: tuple[str, str] = ("", "")
    name: str = ""  # unique per loaded knowledge base: the engine registers its ruleset under it

    def __post_init__(self) -> None:
        with _names_lock:
            self.name = f"advisor-{next(_names)}-{self.version.rsplit('+', 1)[-1]}"

    @cached_property
    def findings(self) -> dict[str, Finding]:
        return {f.id: f for f in self.findings_file.findings}

    @cached_property
    def statements(self) -> dict[str, Statement]:
        return {s.id: s for s in self.findings_file.statements}

    @cached_property
    def rules_by_id(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.rules}

    @cached_property
    def rule_order(self) -> dict[str, int]:
        return {rule.id: index for index, rule in enumerate(self.rules)}

    @cached_property
    def finding_order(self) -> dict[str, int]:
        ids = [f.id for f in self.findings_file.findings] + [s.id for s in self.findings_file.statements]
        return {id_: index for index, id_ in enumerate(ids)}

    @cached_property
    def derived_values(self) -> dict[str, set[str]]:
        """Each derived name and the values the derive rules can give it."""
        values: dict[str, set[str]] = {}
        for rule in self.rules:
            if rule.then.derive:
                for name, value in rule.then.derive.items():
                    values.setdefault(name, set()).add(value)
        return values

    @cached_property
    def dependencies(self) -> Dependencies:
        """What depends on what: which answers each goal needs, and in which order rules chain."""
        return Dependencies(self)

    def goal_labels(self, lang: str) -> dict[str, str]:
        """Each goal's name in a language, in the order of the goal profiles."""
        return {goal: profile.label.get(lang) for goal, profile in self.goal_profiles.items()}

    def param(self, name: str) -> Any:
        return self.parameters[name].value

    def origin(self, section: str, id_: str) -> Origin:
        return self.origins[(section, id_)]


_shipped_lock = threading.Lock()
_shipped: Knowledge | None = None


def shipped_knowledge() -> Knowledge:
    """The knowledge base that ships with the advisor, loaded once per process."""
    global _shipped
    with _shipped_lock:
        if _shipped is None:
            _shipped = load_knowledge()
        return _shipped


def load_knowledge(findings: str | Path | None = None, rules: str | Path | None = None) -> Knowledge:
    """Load findings.yaml and a rules directory (the shipped ones by default) and check them."""
    default_findings, default_rules = default_paths()
    findings_path = Path(findings) if findings else default_findings
    rules_path = Path(rules) if rules else default_rules
    problems: list[Problem] = []

    findings_doc = load_document(findings_path)
    findings_file = validate(FindingsFile, findings_doc)
    origins: dict[tuple[str, str], Origin] = {}
    for index, item in enumerate(findings_file.findings):
        _register(origins, problems, "finding", item.id, Origin(findings_doc, ("findings", index)))
    for index, item in enumerate(findings_file.statements):
        _register(origins, problems, "finding", item.id, Origin(findings_doc, ("statements", index)))

    if not rules_path.is_dir():
        raise AdvisorError(Problem(source=str(rules_path), message="not a directory of rule files"))
    files = sorted(rules_path.glob("*.yaml")) + sorted(rules_path.glob("*/*.yaml"))
    if not files:
        raise AdvisorError(Problem(source=str(rules_path), message="no .yaml files found"))
    merged: dict[str, list] = {section: [] for section in _SECTIONS}
    vocabularies: list[tuple[Path, Document, Vocabulary]] = []
    # read_bytes, not Path.read_bytes: a FIFO, /dev/zero or a huge file is refused before reading
    digest = hashlib.sha256(read_bytes(findings_path)[0])
    for path in files:
        digest.update(path.name.encode() + b"\0" + read_bytes(path)[0])
        document = load_document(path)
        try:
            rule_file = validate(RuleFile, document)
        except AdvisorError as error:
            problems.extend(error.problems)
            continue
        for section in _SECTIONS:
            for index, item in enumerate(getattr(rule_file, section)):
                key = getattr(item, _KEY_FIELD.get(section, "id"))
                _register(origins, problems, section, key, Origin(document, (section, index)))
                merged[section].append(item)
        if rule_file.vocabulary is not None:
            vocabularies.append((path, document, rule_file.vocabulary))
    if problems:
        raise AdvisorError(problems)
    vocabulary, vocabulary_doc = _check_vocabulary(vocabularies, rules_path)
    origins[("vocabulary", "vocabulary")] = Origin(vocabulary_doc, ("vocabulary",))

    knowledge = Knowledge(
        version=f"{findings_file.knowledge_version}+{digest.hexdigest()[:12]}",
        findings_file=findings_file,
        rules=merged["rules"],
        recommendations={r.id: r for r in merged["recommendations"]},
        notices={n.id: n for n in merged["notices"]},
        parameters={p.name: p for p in merged["parameters"]},
        goal_profiles={g.goal: g for g in merged["goals"]},
        questions=merged["questions"],
        vocabulary=vocabulary,
        origins=origins,
        paths=(str(findings_path), str(rules_path)),
    )
    problems.extend(cross_check(knowledge))
    if problems:
        raise AdvisorError(problems)
    return knowledge


def _check_vocabulary(found: list[tuple[Path, Document, Vocabulary]], rules_path: Path) -> tuple[Vocabulary, Document]:
    """The vocabulary of the rules: theirs (catalog/vocabulary.yaml), or the installed one for a
    rule set without one. The answers format is built from the installed vocabulary, so a rule set
    whose vocabulary differs from it would read answers it cannot mean: refused."""
    if len(found) > 1:
        first = found[0][1]
        raise AdvisorError(
            [
                document.problem(("vocabulary",), "a second vocabulary", hint=f"the vocabulary is one section, in {first.source}")
                for _, document, _ in found[1:]
            ]
        )
    if not found:
        path = rules_path / RELATIVE_PATH
        if path.exists():  # there, but without a vocabulary section: say so rather than use another
            raise AdvisorError(Problem(source=str(path), field="vocabulary", message="required field is missing"))
        document = load_document(default_paths()[1] / RELATIVE_PATH)
        return validate(RuleFile, document).vocabulary, document  # type: ignore[return-value]
    path, document, model = found[0]
    differences = installed().differences(read_vocabulary(path))
    if differences:
        raise AdvisorError(
            document.problem(
                ("vocabulary",),
                "the vocabulary differs from the installed advisor's: " + "; ".join(differences),
                hint="the answers format is built from the vocabulary, so it belongs to the installed advisor: "
                "change rules/catalog/vocabulary.yaml where the advisor is installed (an editable install, "
                "pip install -e ., reads it from the source tree), or copy the installed one here",
            )
        )
    return model, document


def _register(origins: dict, problems: list, section: str, key: str, origin: Origin) -> None:
    # findings and statements share one id space; so do the sections of the rule files
    space = "finding" if section == "finding" else section
    if (space, key) in origins:
        first = origins[(space, key)]
        line, _ = first.document.position(first.loc)
        problems.append(
            origin.problem(
                (), f"duplicate id {key!r}", hint=f"first defined at {first.document.source}:{line}; ids must be unique"
            )
        )
        return
    origins[(space, key)] = origin


def cross_check(knowledge: Knowledge) -> list[Problem]:
    """Every reference resolves and every test fits what it tests."""
    problems: list[Problem] = []
    known_findings = set(knowledge.findings) | set(knowledge.statements)

    for statement in knowledge.findings_file.statements:
        origin = knowledge.origin("finding", statement.id)
        for index, ref in enumerate(statement.findings):
            if ref not in knowledge.findings:
                problems.append(origin.problem(("findings", index), f"unknown finding {ref!r}"))

    for goal in GOALS:
        if goal not in knowledge.goal_profiles:
            problems.append(
                Problem(source=knowledge.paths[1], field="goals", message=f"no goal profile for {goal!r}")
            )
    vocabulary_origin = knowledge.origin("vocabulary", "vocabulary")
    for index, term in enumerate(knowledge.vocabulary.usage):
        for band, name in enumerate(term.bands or ()):  # the marks the workshop and the questionnaire cut a share at
            parameter = knowledge.parameters.get(name)
            if parameter is None or not isinstance(parameter.value, (int, float)):
                problems.append(
                    vocabulary_origin.problem(
                        ("usage", index, "bands", band),
                        f"unknown parameter {name!r}" if parameter is None else f"parameter {name!r} is not a number",
                        hint="a share's bands name two numeric parameters of rules/catalog/parameters.yaml",
                    )
                )
    for profile in knowledge.goal_profiles.values():
        origin = knowledge.origin("goals", profile.goal)
        for index, ref in enumerate(profile.findings):
            if ref not in known_findings:
                problems.append(origin.problem(("findings", index), f"unknown finding {ref!r}"))

    problems.extend(_check_questions(knowledge))
    problems.extend(_check_derive_cycles(knowledge))

    derived = knowledge.derived_values
    for rule in knowledge.rules:
        origin = knowledge.origin("rules", rule.id)
        for index, ref in enumerate(rule.findings):
            if ref not in known_findings:
                problems.append(
                    origin.problem(("findings", index), f"unknown finding {ref!r}", hint="see findings.yaml for ids")
                )
        if not rule.findings and rule.then.kind != "derive":
            problems.append(origin.problem(("findings",), "a rule that advises must cite the findings it rests on"))
        problems.extend(_check_conclusion(knowledge, rule, origin))
        names: set[str] = set()
        for index, pattern in enumerate(rule.when):
            where = ("when", index)
            if pattern.derived and pattern.derived not in derived:
                problems.append(
                    origin.problem(
                        where + ("derived",),
                        f"no rule derives {pattern.derived!r}",
                        hint=f"derived names: {', '.join(sorted(derived)) or 'none'}",
                    )
                )
            for test, operand in pattern.tests():
                problems.extend(_check_test(knowledge, pattern, test, operand, names, origin, where + (test,)))
            if pattern.as_:
                names.add(pattern.as_)
    return problems


def _check_questions(knowledge: Knowledge) -> list[Problem]:
    """A rule set with a questionnaire has a question for the goals and for every answer, so that a
    rule added later that reads an answer is asked about with no other change. A rule set without
    questions serves `advisor advise` only."""
    from ..vocabulary import ANSWER_KEYS

    if not knowledge.questions:
        return []
    asked = {question.key for question in knowledge.questions}
    return [
        Problem(
            source=knowledge.paths[1],
            field="questions",
            message=f"no question for {key!r}",
            hint="add one to rules/catalog/questions.yaml (see the questions there)",
        )
        for key in ("goals",) + ANSWER_KEYS
        if key not in asked
    ]


def _check_derive_cycles(knowledge: Knowledge) -> list[Problem]:
    """A derive rule may not depend, through derive rules, on what it derives itself: no engine
    can order such rules. Each cycle is reported once, at its first rule in file order."""
    producers: dict[str, list[Rule]] = {}
    for rule in knowledge.rules:
        if rule.then.derive:
            producers.setdefault(rule.then.target, []).append(rule)

    def feeding(rule: Rule) -> list[Rule]:  # the derive rules whose conclusions rule reads
        return [producer for pattern in rule.when if pattern.derived for producer in producers.get(pattern.derived, [])]

    problems: list[Problem] = []
    reported: set[frozenset] = set()
    for rule in knowledge.rules:
        if not rule.then.derive:
            continue
        way_back: dict[str, list[str]] = {rule.id: [rule.id]}  # breadth first: the shortest cycle
        queue = [rule]
        cycle = None
        while queue and cycle is None:
            current = queue.pop(0)
            for producer in feeding(current):
                if producer.id == rule.id:
                    cycle = way_back[current.id] + [rule.id]
                    break
                if producer.id not in way_back:
                    way_back[producer.id] = way_back[current.id] + [producer.id]
                    queue.append(producer)
        if cycle is None or frozenset(cycle) in reported:
            continue
        reported.add(frozenset(cycle))
        problems.append(
            knowledge.origin("rules", rule.id).problem(
                ("then",),
                f"rule {rule.id!r} derives in a cycle: {' -> '.join(cycle)}",
                hint="a derived name may not depend on itself; derive it from answers or earlier derived names",
            )
        )
    return problems


def _check_conclusion(knowledge: Knowledge, rule: Rule, origin: Origin) -> list[Problem]:
    then = rule.then
    if then.recommend and then.recommend not in knowledge.recommendations:
        return [origin.problem(("then", "recommend"), f"unknown recommendation {then.recommend!r}")]
    for kind, notice_id in (("warning", then.warn), ("caveat", then.caveat)):
        if notice_id is None:
            continue
        notice = knowledge.notices.get(notice_id)
        if notice is None:
            return [origin.problem(("then",), f"unknown {kind} {notice_id!r}", hint="define it under notices:")]
        if notice.kind != kind:
            return [origin.problem(("then",), f"{notice_id!r} is a {notice.kind}, not a {kind}")]
    return []


def _check_test(knowledge, pattern, test, operand, names, origin, where) -> list[Problem]:
    if isinstance(operand, PatternRef):
        if operand.ref not in names:
            return [origin.problem(where, f"refers to {operand.ref!r}, which no earlier pattern names with 'as'")]
        return []
    if isinstance(operand, ParamRef):
        if operand.param not in knowledge.parameters:
            return [origin.problem(where, f"unknown parameter {operand.param!r}")]
        operand = knowledge.param(operand.param)
    if (test == "in") != isinstance(operand, list):
        return [origin.problem(where, "'in' takes a list" if test == "in" else f"'{test}' takes one value, not a list")]
    values = operand if isinstance(operand, list) else [operand]
    numeric_test = test in ("lt", "lte", "gt", "gte")
    is_share = pattern.answer is not None and answer_choices(pattern.answer) is None
    if numeric_test:
        if is_share and all(isinstance(v, (int, float)) for v in values):
            return []
        return [origin.problem(where, f"'{test}' compares numbers; {pattern.subject} is not compared that way")]
    if pattern.answer:
        allowed = {UNKNOWN} | set(answer_choices(pattern.answer) or ())
    else:
        allowed = knowledge.derived_values.get(pattern.derived or "", set())
    for value in values:
        if is_share and isinstance(value, (int, float)):
            continue
        if value not in allowed:
            hint = "a number or 'unknown'" if is_share else ", ".join(sorted(allowed))
            return [origin.problem(where, f"{pattern.subject} is never {value!r}", hint=f"possible values: {hint}")]
    return []
