"""The findings of the study as a table (`advisor findings`): each finding and statement of the
knowledge, in a language, with the rules that cite it, for a facilitator to show the evidence."""

from __future__ import annotations

from ..i18n import t
from ..knowledge.load import Knowledge
from ..schema import Finding, FindingRow, FindingsTable, Statement, StatementRow
from ..vocabulary import GOALS


def findings_table(knowledge: Knowledge, lang: str, goals: list[str]) -> FindingsTable:
    """The findings (and the authors' statements) about these goals, or all of them, with the rules
    that cite each."""
    wanted = set(goals)
    cited: dict[str, list[str]] = {}
    for rule in knowledge.rules:
        for ref in rule.findings:
            cited.setdefault(ref, []).append(rule.id)
    source = knowledge.findings_file.source
    return FindingsTable(
        knowledge_version=knowledge.version,
        lang=lang,
        goals=[goal for goal in GOALS if goal in wanted],
        source=t(
            lang, "source_line",
            title=source.title, publisher=source.publisher, partner=source.partner.get(lang), organisations=source.organisations,
        ),
        findings=[
            _finding_row(finding, lang, cited.get(finding.id, []))
            for finding in knowledge.findings.values()
            if not wanted or finding.construct in wanted
        ],
        statements=[
            _statement_row(statement, lang, cited.get(statement.id, []))
            for statement in knowledge.statements.values()
            if _about(knowledge, statement, wanted)
        ],
    )


def finding_fields(finding: Finding, lang: str) -> dict:
    """What the advice's evidence and the findings table both say of a finding, in a language."""
    return dict(
        construct=finding.construct,
        usage=finding.usage,
        relation=finding.relation,
        inferred=finding.inferred,
        strength=finding.strength.get(lang) if finding.strength else None,
        summary=finding.summary.get(lang),
        quote=finding.quote,
        note=finding.note.get(lang) if finding.note else None,
    )


def _finding_row(finding: Finding, lang: str, rules: list[str]) -> FindingRow:
    return FindingRow(id=finding.id, **finding_fields(finding, lang), rules=rules)


def _statement_row(statement: Statement, lang: str, rules: list[str]) -> StatementRow:
    return StatementRow(
        id=statement.id,
        kind=statement.kind,
        constructs=list(statement.constructs),
        summary=statement.summary.get(lang),
        quote=statement.quote,
        findings=list(statement.findings),
        rules=rules,
    )


def _about(knowledge: Knowledge, statement: Statement, wanted: set[str]) -> bool:
    """Whether a statement is about one of the wanted goals (one about no outcome is about all)."""
    if not wanted:
        return True
    constructs = set(statement.constructs) | {knowledge.findings[ref].construct for ref in statement.findings}
    return not constructs or bool(constructs & wanted)
