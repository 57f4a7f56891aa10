"""A knowledge base: the findings and the rule set, loaded, merged and cross-checked.

``load_knowledge`` is the one loader for findings.yaml and rules/. It reports every problem it
finds (schema errors and dangling references alike) with the file, line, field and a hint, and
gives each its code and the id of the item it is about (`advisor check --list` names the codes);
its own messages are in the language asked for.
"""

from __future__ import annotations

import hashlib
import itertools
import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable

from ..errors import AdvisorError, Problem
from ..files.read import UNREADABLE, Document, Loc, load_document, read_bytes, validate
from ..i18n import LANGS, SOURCE_LANG, t
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
    Wording,
)
from ..files.places import default_paths
from .cache import cache_folder, cached_documents, entry_key, keep_documents
from .dependencies import Dependencies
from ..vocabulary import GOALS, RELATIVE_PATH, UNKNOWN, answer_choices, installed, read_vocabulary

_KEY_FIELD = {"parameters": "name", "goals": "goal", "questions": "key", "wording": "lang"}  # the others have an `id`
VOCABULARY_DIFFERS = "vocabulary-differs"  # a rule set whose vocabulary is not the installed advisor's
_SECTIONS = tuple(name for name in RuleFile.model_fields if name != "vocabulary")  # the lists of items


@dataclass(frozen=True)
class Origin:
    """Where an item of the knowledge base was defined, for error messages."""

    document: Document
    loc: Loc
    id: str | None = None  # the item's id (or name, goal, key): what its problems are about

    def problem(self, sub: Loc, message: str, hint: str | None = None, *, code: str | None = None) -> Problem:
        return self.document.problem(self.loc + tuple(sub), message, hint, code=code, id=self.id)


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
    # how each language words causal claims and names the outcomes (for `advisor check`), by language
    wording: dict[str, Wording] = field(default_factory=dict)
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


def load_knowledge(
    findings: str | Path | None = None, rules: str | Path | None = None, *, lang: str = SOURCE_LANG
) -> Knowledge:
    """Load findings.yaml and a rules directory (the shipped ones by default) and check them.
    The loader's own messages are in ``lang`` (those of the YAML reader and the schema are not)."""
    default_findings, default_rules = default_paths()
    findings_path = Path(findings) if findings else default_findings
    rules_path = Path(rules) if rules else default_rules
    problems: list[Problem] = []
    cached, keep = _cached_documents(findings_path, rules_path)

    def document_of(path: Path) -> Document:
        return cached[str(path)] if cached is not None else load_document(path)

    findings_doc = document_of(findings_path)
    findings_file = validate(FindingsFile, findings_doc, code=_schema_code, item_id=_item_id(findings_doc))
    origins: dict[tuple[str, str], Origin] = {}
    for index, item in enumerate(findings_file.findings):
        _register(origins, problems, "finding", item.id, Origin(findings_doc, ("findings", index), item.id), lang)
    for index, item in enumerate(findings_file.statements):
        _register(origins, problems, "finding", item.id, Origin(findings_doc, ("statements", index), item.id), lang)

    if not rules_path.is_dir():
        raise AdvisorError(
            Problem(source=str(rules_path), message=t(lang, "check.unreadable.not_directory"), code=UNREADABLE)
        )
    files = sorted(rules_path.glob("*.yaml")) + sorted(rules_path.glob("*/*.yaml"))
    if not files:
        raise AdvisorError(Problem(source=str(rules_path), message=t(lang, "check.unreadable.no_files"), code=UNREADABLE))
    merged: dict[str, list] = {section: [] for section in _SECTIONS}
    vocabularies: list[tuple[Path, Document, Vocabulary]] = []
    # read_bytes, not Path.read_bytes: a FIFO, /dev/zero or a huge file is refused before reading
    digest = hashlib.sha256(read_bytes(findings_path)[0])
    documents = [findings_doc]
    for path in files:
        digest.update(path.name.encode() + b"\0" + read_bytes(path)[0])
        document = document_of(path)
        documents.append(document)
        try:
            rule_file = validate(RuleFile, document, code=_schema_code, item_id=_item_id(document))
        except AdvisorError as error:
            problems.extend(error.problems)
            continue
        for section in _SECTIONS:
            for index, item in enumerate(getattr(rule_file, section)):
                key = getattr(item, _KEY_FIELD.get(section, "id"))
                _register(origins, problems, section, key, Origin(document, (section, index), key), lang)
                merged[section].append(item)
        if rule_file.vocabulary is not None:
            vocabularies.append((path, document, rule_file.vocabulary))
    if problems:
        raise AdvisorError(problems)
    vocabulary, vocabulary_doc = _check_vocabulary(vocabularies, rules_path, lang)
    origins[("vocabulary", "vocabulary")] = Origin(vocabulary_doc, ("vocabulary",), "vocabulary")

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
        wording={w.lang: w for w in merged["wording"]},
        origins=origins,
        paths=(str(findings_path), str(rules_path)),
    )
    problems.extend(cross_check(knowledge, lang))
    if problems:
        raise AdvisorError(problems)
    if keep is not None:
        keep_documents(keep, documents)
    return knowledge


def _schema_code(kind: str, loc: Loc) -> str:
    """The code of a schema problem, from pydantic's error type and the field it is about."""
    if kind == "missing" and loc and loc[-1] in LANGS:  # a text without one of its languages
        return "missing-translation"
    if kind == "no_examples" or (kind == "too_short" and loc[-1:] == ("examples",)):  # Rule
        return "no-examples"
    return "schema"


def _item_id(document: Document) -> Callable[[Loc], str | None]:
    """The id (or name, goal, key) of the item a field is in, from the document's data: the rule
    of ``rules[3].then``, the finding of ``findings[0].quote``."""

    def item_id(loc: Loc) -> str | None:
        data = document.data
        if len(loc) < 2 or not isinstance(loc[1], int) or not isinstance(data, dict):
            return None
        items = data.get(loc[0])
        item = items[loc[1]] if isinstance(items, list) and 0 <= loc[1] < len(items) else None
        key = item.get(_KEY_FIELD.get(loc[0], "id")) if isinstance(item, dict) else None
        return key if isinstance(key, str) else None

    return item_id


def _check_vocabulary(
    found: list[tuple[Path, Document, Vocabulary]], rules_path: Path, lang: str
) -> tuple[Vocabulary, Document]:
    """The vocabulary of the rules: theirs (catalog/vocabulary.yaml), or the installed one for a
    rule set without one. The answers format is built from the installed vocabulary, so a rule set
    whose vocabulary differs from it would read answers it cannot mean: refused."""
    if len(found) > 1:
        first = found[0][1]
        raise AdvisorError(
            [
                document.problem(
                    ("vocabulary",),
                    t(lang, "check.vocabulary-differs.second"),
                    t(lang, "check.vocabulary-differs.second.hint", first=first.source),
                    code=VOCABULARY_DIFFERS,
                    id="vocabulary",
                )
                for _, document, _ in found[1:]
            ]
        )
    if not found:
        path = rules_path / RELATIVE_PATH
        if path.exists():  # there, but without a vocabulary section: say so rather than use another
            raise AdvisorError(
                Problem(
                    source=str(path), field="vocabulary", message=t(lang, "check.schema.vocabulary_missing"),
                    hint=t(lang, "check.schema.vocabulary_missing.hint"), code="schema",
                )
            )
        document = load_document(default_paths()[1] / RELATIVE_PATH)
        return validate(RuleFile, document).vocabulary, document  # type: ignore[return-value]
    path, document, model = found[0]
    differences = installed().differences(read_vocabulary(path))
    if differences:
        raise AdvisorError(
            document.problem(
                ("vocabulary",),
                t(lang, "check.vocabulary-differs", differences="; ".join(differences)),
                t(lang, "check.vocabulary-differs.hint"),
                code=VOCABULARY_DIFFERS,
                id="vocabulary",
            )
        )
    return model, document


def _cached_documents(findings_path: Path, rules_path: Path) -> tuple[dict[str, Document] | None, str | None]:
    """The parsed files from the cache (knowledge/cache.py), and the key to keep them under when
    they are not there; (None, None) when the files cannot all be read (the loader then says why)."""
    try:
        if cache_folder() is None or not rules_path.is_dir():
            return None, None
        paths = [findings_path] + sorted(rules_path.glob("*.yaml")) + sorted(rules_path.glob("*/*.yaml"))
        key = entry_key(paths, [read_bytes(path)[0] for path in paths])
    except (AdvisorError, OSError):
        return None, None
    found = cached_documents(key, paths)
    return (found, None) if found is not None else (None, key)


def _register(origins: dict, problems: list, section: str, key: str, origin: Origin, lang: str) -> None:
    # findings and statements share one id space; so do the sections of the rule files
    space = "finding" if section == "finding" else section
    if (space, key) in origins:
        first = origins[(space, key)]
        line, _ = first.document.position(first.loc)
        problems.append(
            origin.problem(
                (),
                t(lang, "check.duplicate-id", id=repr(key)),
                t(lang, "check.duplicate-id.hint", where=f"{first.document.source}:{line}"),
                code="duplicate-id",
            )
        )
        return
    origins[(space, key)] = origin


def cross_check(knowledge: Knowledge, lang: str = SOURCE_LANG) -> list[Problem]:
    """Every reference resolves and every test fits what it tests."""
    problems: list[Problem] = []
    known_findings = set(knowledge.findings) | set(knowledge.statements)

    def unknown_finding(origin: Origin, index: int, ref: str) -> Problem:
        message = t(lang, "check.dangling-id.finding", ref=repr(ref))
        return origin.problem(("findings", index), message, t(lang, "check.dangling-id.finding.hint"), code="dangling-id")

    for statement in knowledge.findings_file.statements:
        origin = knowledge.origin("finding", statement.id)
        for index, ref in enumerate(statement.findings):
            if ref not in knowledge.findings:
                problems.append(unknown_finding(origin, index, ref))

    for goal in GOALS:
        if goal not in knowledge.goal_profiles:
            problems.append(
                Problem(
                    source=knowledge.paths[1], field="goals", message=t(lang, "check.incomplete-catalog.goal", goal=repr(goal)),
                    hint=t(lang, "check.incomplete-catalog.goal.hint"), code="incomplete-catalog", id=goal,
                )
            )
    vocabulary_origin = knowledge.origin("vocabulary", "vocabulary")
    for index, term in enumerate(knowledge.vocabulary.usage):
        for band, name in enumerate(term.bands or ()):  # the marks the workshop and the questionnaire cut a share at
            parameter = knowledge.parameters.get(name)
            if parameter is None or not isinstance(parameter.value, (int, float)):
                problems.append(
                    vocabulary_origin.problem(
                        ("usage", index, "bands", band),
                        t(lang, "check.dangling-id.band" if parameter is None else "check.schema.band_not_a_number", name=repr(name)),
                        t(lang, "check.band.hint"),
                        code="dangling-id" if parameter is None else "schema",
                    )
                )
    for profile in knowledge.goal_profiles.values():
        origin = knowledge.origin("goals", profile.goal)
        for index, ref in enumerate(profile.findings):
            if ref not in known_findings:
                problems.append(unknown_finding(origin, index, ref))

    problems.extend(_check_questions(knowledge, lang))
    problems.extend(_check_derive_cycles(knowledge, lang))

    derived = knowledge.derived_values
    for rule in knowledge.rules:
        origin = knowledge.origin("rules", rule.id)
        for index, ref in enumerate(rule.findings):
            if ref not in known_findings:
                problems.append(unknown_finding(origin, index, ref))
        if not rule.findings and rule.then.kind != "derive":
            problems.append(
                origin.problem(("findings",), t(lang, "check.no-evidence"), t(lang, "check.no-evidence.hint"), code="no-evidence")
            )
        problems.extend(_check_conclusion(knowledge, rule, origin, lang))
        names: set[str] = set()
        for index, pattern in enumerate(rule.when):
            where = ("when", index)
            if pattern.derived and pattern.derived not in derived:
                problems.append(
                    origin.problem(
                        where + ("derived",),
                        t(lang, "check.dangling-id.derived", name=repr(pattern.derived)),
                        t(lang, "check.dangling-id.derived.hint", names=", ".join(sorted(derived)) or "-"),
                        code="dangling-id",
                    )
                )
            for test, operand in pattern.tests():
                problems.extend(_check_test(knowledge, pattern, test, operand, names, origin, where + (test,), lang))
            if pattern.as_:
                names.add(pattern.as_)
    return problems


def _check_questions(knowledge: Knowledge, lang: str) -> list[Problem]:
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
            message=t(lang, "check.incomplete-catalog.question", key=repr(key)),
            hint=t(lang, "check.incomplete-catalog.question.hint"),
            code="incomplete-catalog",
            id=key,
        )
        for key in ("goals",) + ANSWER_KEYS
        if key not in asked
    ]


def _check_derive_cycles(knowledge: Knowledge, lang: str) -> list[Problem]:
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
                t(lang, "check.derive-cycle", rule=repr(rule.id), cycle=" -> ".join(cycle)),
                t(lang, "check.derive-cycle.hint"),
                code="derive-cycle",
            )
        )
    return problems


def _check_conclusion(knowledge: Knowledge, rule: Rule, origin: Origin, lang: str) -> list[Problem]:
    then = rule.then
    if then.recommend and then.recommend not in knowledge.recommendations:
        message = t(lang, "check.dangling-id.recommendation", id=repr(then.recommend))
        return [origin.problem(("then", "recommend"), message, t(lang, "check.dangling-id.recommendation.hint"), code="dangling-id")]
    for kind, notice_id in (("warning", then.warn), ("caveat", then.caveat)):
        if notice_id is None:
            continue
        notice = knowledge.notices.get(notice_id)
        if notice is None:
            message = t(lang, "check.dangling-id.notice", kind=kind, id=repr(notice_id))
            return [origin.problem(("then",), message, t(lang, "check.dangling-id.notice.hint"), code="dangling-id")]
        if notice.kind != kind:  # the kinds are the words of the files (`kind: warning`)
            message = t(lang, "check.dangling-id.notice_kind", id=repr(notice_id), actual=notice.kind, kind=kind)
            return [origin.problem(("then",), message, code="dangling-id")]
    return []


def _check_test(knowledge, pattern, test, operand, names, origin, where, lang) -> list[Problem]:
    if isinstance(operand, PatternRef):
        if operand.ref not in names:
            return [origin.problem(where, t(lang, "check.dangling-id.pattern", name=repr(operand.ref)), code="dangling-id")]
        return []
    if isinstance(operand, ParamRef):
        if operand.param not in knowledge.parameters:
            return [origin.problem(where, t(lang, "check.dangling-id.parameter", name=repr(operand.param)), code="dangling-id")]
        operand = knowledge.param(operand.param)
    if (test == "in") != isinstance(operand, list):
        message = t(lang, "check.invalid-test.list") if test == "in" else t(lang, "check.invalid-test.one_value", test=test)
        return [origin.problem(where, message, code="invalid-test")]
    values = operand if isinstance(operand, list) else [operand]
    numeric_test = test in ("lt", "lte", "gt", "gte")
    is_share = pattern.answer is not None and answer_choices(pattern.answer) is None
    if numeric_test:
        if is_share and all(isinstance(v, (int, float)) for v in values):
            return []
        return [origin.problem(where, t(lang, "check.invalid-test.numbers", test=test, subject=pattern.subject), code="invalid-test")]
    if pattern.answer:
        allowed = {UNKNOWN} | set(answer_choices(pattern.answer) or ())
    else:
        allowed = knowledge.derived_values.get(pattern.derived or "", set())
    for value in values:
        if is_share and isinstance(value, (int, float)):
            continue
        if value not in allowed:
            possible = t(lang, "check.invalid-test.share") if is_share else ", ".join(sorted(allowed))
            message = t(lang, "check.invalid-test.never", subject=pattern.subject, value=repr(value))
            return [origin.problem(where, message, t(lang, "check.invalid-test.never.hint", values=possible), code="invalid-test")]
    return []
