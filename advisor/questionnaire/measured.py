"""The questionnaire with usage measured from the platform's own export (`advisor --usage-from`).

The measured figures are shown once the goals are chosen, and their questions are not asked
unless the person chooses to correct them (then they are asked with the measured figures filled
in). Purposes are never in an export: they stay questions. The final answers carry the measured
usage and its provenance, so the report says the figures were measured, and where they were
corrected.
"""

from __future__ import annotations

from typing import Any

from ..i18n import t
from ..vocabulary import UNKNOWN, answer_label
from .prompts import BACK, Option, Prompter
from .state import Progress


def start(progress: Progress, measurement) -> None:
    """Keep the measurement with the progress, and its figures as the answers to their questions
    (the export wins over what was answered before, as everywhere)."""
    progress.measured = {
        "usage": dict(measurement.usage),
        "provenance": measurement.provenance.model_dump(mode="json", exclude_none=True),
        "employees": measurement.employees,
        "use": None,
    }
    for key, value in measured_values(progress).items():
        progress.answers[key] = value


def measured_values(progress: Progress) -> dict[str, Any]:
    """The usage answers the export measured (not those it could not)."""
    if progress.measured is None:
        return {}
    return {f"usage.{name}": value for name, value in progress.measured["usage"].items() if value != UNKNOWN}


def not_asked(progress: Progress) -> set[str]:
    """The questions the measurement answers, unless the person chose to correct them."""
    return set(measured_values(progress)) if progress.measured and progress.measured.get("use") is not False else set()


def ask(prompter: Prompter, progress: Progress, keys: list[str]):
    """Show the measured figures; for goals that need some of them, ask whether to use them or
    correct them. Returns BACK to choose the goals again."""
    prompter.note(note(progress, prompter.lang))
    if not set(keys) & set(measured_values(progress)):
        progress.measured["use"] = True  # nothing measured is asked for these goals
        return True
    lang = prompter.lang
    choice = prompter.select(
        t(lang, "q.measured_prompt"),
        [Option(t(lang, "q.measured_use"), True), Option(t(lang, "q.measured_correct"), False)],
        default=progress.measured.get("use") is not False,
        why=False,
    )
    if choice is BACK:
        return BACK
    progress.measured["use"] = choice
    return choice


def note(progress: Progress, lang: str) -> str:
    """One line: what was measured, from which export and period, of whom."""
    from ..render.measured import of_text, period_text, platform_name, value_text
    from ..schema import Measured

    measured = Measured.model_validate(progress.measured["provenance"])
    figures = "; ".join(
        f"{answer_label(lang, key)} {value_text(value, lang)}" for key, value in measured_values(progress).items()
    )
    return t(
        lang, "q.measured",
        platform=platform_name(measured), period=period_text(measured, lang), of=of_text(measured, lang), figures=figures,
    )


def complete(document: dict[str, Any], progress: Progress, asked: list[str]) -> dict[str, Any]:
    """The answers document with the measured figures not asked about, and the provenance."""
    if progress.measured is None:
        return document
    usage = document.setdefault("usage", {})
    for key, value in measured_values(progress).items():
        if key not in asked:
            usage[key.split(".", 1)[1]] = value
    employees = progress.measured.get("employees")
    if employees and not (document.get("organisation") or {}).get("employees"):
        document.setdefault("organisation", {})["employees"] = employees
    document["measured"] = progress.measured["provenance"]
    return document
