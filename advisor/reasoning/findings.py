"""The findings of the study as a table (`advisor findings`): each finding and statement of the
knowledge, in a language, with the rules that cite it, for a facilitator to show the evidence."""

from __future__ import annotations

from ..i18n import t
from ..knowledge.load import Knowledge
from ..schema import FindingRow, FindingsTable, StatementRow
from ..vocabulary import GOALS


def findings_table(knowledge: Knowledge, lang: str, goals: list[str]) -> FindingsTable:
    """The findings (and the authors' statements) about these goals, or all of them, with the rules
    that cite each."""
    wanted = set(goals)
    cited: dict[str, list[str]] = {}
    for rule in knowledge.rules:
        for ref in rule.findings:
            cited.setdefault(ref, []).append(rule.id)
    findings = [
        FindingRow(
            id=f.id,
            construct=f.construct,
            usage=f.usage,
            relation=f.relation,
            inferred=f.inferred,
            strength=f.strength.get(lang) if f.strength else None,
            summary=f.summary.get(lang),
            quote=f.quote,
            note=f.note.get(lang) if f.note else None,
            rules=cited.get(f.id, []),
        )
        for f in knowledge.findings.values()
        if not wanted or f.construct in wanted
    ]

    def about(statement) -> bool:
        if not wanted:
            return True
        constructs = set(statement.constructs) | {knowledge.findings[ref].construct for ref in statement.findings}
        return not constructs or bool(constructs & wanted)  # a statement about no outcome holds for all

    statements = [
        StatementRow(
            id=s.id,
            kind=s.kind,
            constructs=list(s.constructs),
            summary=s.summary.get(lang),
            quote=s.quote,
            findings=list(s.findings),
            rules=cited.get(s.id, []),
        )
        for s in knowledge.statements.values()
        if about(s)
    ]
    source = knowledge.findings_file.source
    line = t(
        lang,
        "source_line",
        title=source.title,
        publisher=source.publisher,
        partner=source.partner,
        organisations=source.organisations,
    )
    return FindingsTable(
        knowledge_version=knowledge.version,
        lang=lang,
        goals=[goal for goal in GOALS if goal in wanted],
        source=line,
        findings=findings,
        statements=statements,
    )
