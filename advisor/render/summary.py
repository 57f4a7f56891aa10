"""What a report for people says first, and what it says it rests on.

Every report for people (terminal, Markdown, HTML, the questionnaire's saved report) opens with
the same short summary: the goals, and the first three recommendations one line each. It ends
with what the advice is based on: the answers given, the usage measured from a platform's export
(which export, which period, of whom) apart from them, the day the report was made and the study.
Identifiers (rule and finding ids, the knowledge base's version) are details: shown only when
asked for (``details``); `advisor explain` and the JSON carry them always.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..i18n import t
from ..vocabulary import answer_label, lever_label
from ..schema import Advice, AdviceRecommendation, Evidence
from ..vocabulary import ANSWER_KEYS, UNKNOWN

TOP = 3  # recommendations in the summary


@dataclass(frozen=True)
class Basis:
    """What a report rests on."""

    lang: str
    date: datetime.date  # the day the report was made
    answers: tuple[tuple[str, str], ...]  # (what was asked, the answer in words), goals first
    study: str | None  # the study, in short ("a study by Evolve ..."); None without the knowledge base
    source: str | None  # the study, cited in full
    knowledge_version: str
    # the usage answers measured from a platform's export, as answers are, and the export they come from
    measured: tuple[tuple[str, str], ...] = ()
    measured_from: str | None = None

    @property
    def day(self) -> str:
        return date_text(self.lang, self.date)

    @property
    def line(self) -> str:
        """One sentence for the summary."""
        if self.study is None:
            return t(self.lang, "report.based_on_answers", date=self.day)
        return t(self.lang, "report.based_on_line", date=self.day, study=self.study)


def date_text(lang: str, day: datetime.date) -> str:
    """4 May 2026, 4 mei 2026: the day first in English too, as in the rest of Europe (Babel's
    long English format is American: May 4, 2026). The pattern is each catalog's own."""
    from babel.dates import format_date

    return format_date(day, format=t(lang, "format.date"), locale=lang)


def basis_of(advice: Advice, answers=None, knowledge=None, today: datetime.date | None = None) -> Basis:
    lang = advice.lang
    given: list[tuple[str, str]] = []
    measured: list[tuple[str, str]] = []
    if answers is not None and knowledge is not None:
        from .chart import answer_text

        from_export = measured_keys(advice, answers)
        given.append((t(lang, "report.goals"), goals_line(advice)))
        for key in ANSWER_KEYS:
            value = answers.value(key)
            if value != UNKNOWN:
                label = answer_label(lang, key)
                (measured if key in from_export else given).append((label[:1].upper() + label[1:], answer_text(key, value, knowledge, lang)))
    study = source = None
    if knowledge is not None:
        cited = knowledge.findings_file.source
        names = {"publisher": cited.publisher, "partner": cited.partner.get(lang), "organisations": cited.organisations}
        study = t(lang, "report.study", **names)
        source = t(lang, "source_line", title=cited.title, **names)
    measured_from = None
    if measured:
        from .measured import of_text, period_text, platform_name

        block = advice.measured
        measured_from = t(lang, "report.measured_from", platform=platform_name(block), period=period_text(block, lang), of=of_text(block, lang))
    return Basis(
        lang, today or datetime.date.today(), tuple(given), study, source, advice.knowledge_version, tuple(measured), measured_from
    )


def measured_keys(advice: Advice, answers) -> frozenset[str]:
    """The usage answers the export measured and the advice uses: not one the export could not
    measure, nor one corrected by hand after it was measured."""
    block = advice.measured
    if block is None:
        return frozenset()
    by_hand = {difference.answer for difference in block.differences or [] if difference.used == "answered"}
    keys = set()
    for name, figure in block.figures:
        key = f"usage.{name}"
        if figure is not None and figure.value != UNKNOWN and key in ANSWER_KEYS and key not in by_hand and answers.value(key) == figure.value:
            keys.add(key)
    return frozenset(keys)


def goal_labels(advice: Advice) -> dict[str, str]:
    return {item.goal: item.label for item in advice.strategy}


def goals_line(advice: Advice) -> str:
    """'1. Alignment with the strategy, 2. Engagement': the goals in the person's order."""
    labels = goal_labels(advice)
    return ", ".join(f"{number}. {labels[goal]}" for number, goal in enumerate(advice.goals, 1))


def status_text(lang: str, status: str) -> str:
    """'falls short' or 'already strong': where the current use stands (a heuristic judgement)."""
    return t(lang, "status." + status)


def action_line(rec: AdviceRecommendation, lang: str) -> str:
    """One line for the summary: the recommendation, where use stands now, and its footing when it
    rests on an authors' conclusion only."""
    marks = [status_text(lang, rec.status)]
    if rec.basis == "conclusion":
        marks.append(t(lang, "kind.conclusion"))
    return f"{rec.title} ({'; '.join(marks)})"


def top_actions(advice: Advice) -> list[AdviceRecommendation]:
    return advice.recommendations[:TOP]


def evidence_marks(evidence: Evidence, lang: str) -> list[str]:
    """How a piece of evidence is qualified, in words: an authors' conclusion (or remark or
    caveat), an inferred relation, the strength the source gives."""
    marks = []
    if evidence.kind != "finding":
        marks.append(t(lang, "kind." + evidence.kind))
    if evidence.inferred:
        marks.append(t(lang, "inferred"))
    if evidence.strength:
        marks.append(evidence.strength)
    return marks


def evidence_words(evidence: Evidence, lang: str) -> str:
    """The finding in words: its summary, with its marks."""
    marks = evidence_marks(evidence, lang)
    return evidence.summary + (f" ({'; '.join(marks)})" if marks else "")


def inferred_words(evidence: list[Evidence], lang: str) -> list[str]:
    """For the inferred relations a warning or caveat cites: which uses, in words, and how each
    was read (one line per note, so relations read the same way share it)."""
    notes: dict[str, list[str]] = {}
    for item in evidence:
        if item.inferred:
            uses = notes.setdefault(item.note or "", [])
            name = lever_label(lang, item.usage or "")
            if name not in uses:
                uses.append(name)
    label = t(lang, "inferred").capitalize()
    return [f"{label} ({', '.join(uses)}): {note}".rstrip(": ") for note, uses in notes.items()]
