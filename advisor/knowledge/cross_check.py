"""The cross-check of a loaded knowledge base: every reference resolves, every test fits what it
tests, the catalog is complete and derive rules do not go round in a cycle."""

from __future__ import annotations

from ..errors import Problem
from ..i18n import SOURCE_LANG, t
from ..schema import ParamRef, PatternRef, Rule
from ..vocabulary import GOALS, UNKNOWN, answer_choices
from .model import Knowledge, Origin


def cross_check(knowledge: Knowledge, lang: str = SOURCE_LANG) -> list[Problem]:
    """Every reference resolves and every test fits what it tests."""
    known_findings = set(knowledge.findings) | set(knowledge.statements)
    problems: list[Problem] = []
    problems.extend(_check_statements(knowledge, lang))
    problems.extend(_check_goal_catalog(knowledge, lang))
    problems.extend(_check_bands(knowledge, lang))
    problems.extend(_check_goal_profiles(knowledge, known_findings, lang))
    problems.extend(_check_questions(knowledge, lang))
    problems.extend(_check_derive_cycles(knowledge, lang))
    for rule in knowledge.rules:
        problems.extend(_check_rule(knowledge, rule, known_findings, lang))
    return problems


def _unknown_finding(origin: Origin, index: int, ref: str, lang: str) -> Problem:
    """The problem of a reference to a finding that does not exist."""
    message = t(lang, "check.dangling-id.finding", ref=repr(ref))
    return origin.problem(("findings", index), message, t(lang, "check.dangling-id.finding.hint"), code="dangling-id")


def _check_statements(knowledge: Knowledge, lang: str) -> list[Problem]:
    """Each statement cites findings that exist."""
    problems: list[Problem] = []
    for statement in knowledge.findings_file.statements:
        origin = knowledge.origin("finding", statement.id)
        for index, ref in enumerate(statement.findings):
            if ref not in knowledge.findings:
                problems.append(_unknown_finding(origin, index, ref, lang))
    return problems


def _check_goal_catalog(knowledge: Knowledge, lang: str) -> list[Problem]:
    """Every goal of the vocabulary has its goal profile."""
    problems: list[Problem] = []
    for goal in GOALS:
        if goal not in knowledge.goal_profiles:
            problems.append(
                Problem(
                    source=knowledge.paths[1], field="goals", message=t(lang, "check.incomplete-catalog.goal", goal=repr(goal)),
                    hint=t(lang, "check.incomplete-catalog.goal.hint"), code="incomplete-catalog", id=goal,
                )
            )
    return problems


def _check_bands(knowledge: Knowledge, lang: str) -> list[Problem]:
    """The bands of each usage share name parameters that exist and are numbers."""
    problems: list[Problem] = []
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
    return problems


def _check_goal_profiles(knowledge: Knowledge, known_findings: set[str], lang: str) -> list[Problem]:
    """Each goal profile cites findings (or statements) that exist."""
    problems: list[Problem] = []
    for profile in knowledge.goal_profiles.values():
        origin = knowledge.origin("goals", profile.goal)
        for index, ref in enumerate(profile.findings):
            if ref not in known_findings:
                problems.append(_unknown_finding(origin, index, ref, lang))
    return problems


def _check_rule(knowledge: Knowledge, rule: Rule, known_findings: set[str], lang: str) -> list[Problem]:
    """A rule cites findings that exist (a conclusion needs at least one), concludes what the
    catalog has, and tests only what its patterns can hold."""
    problems: list[Problem] = []
    derived = knowledge.derived_values
    origin = knowledge.origin("rules", rule.id)
    for index, ref in enumerate(rule.findings):
        if ref not in known_findings:
            problems.append(_unknown_finding(origin, index, ref, lang))
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
    """The recommendation and notices a rule concludes exist, each notice of the kind named."""
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
    """One test of a pattern: its operand exists and is a value the tested answer or name can hold."""
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
