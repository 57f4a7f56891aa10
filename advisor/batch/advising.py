"""One row's advice, rendered as the batch writes it: in the run's own process or in a worker
(jobs.py), which is why it stands apart from the run (run.py)."""

from __future__ import annotations

from dataclasses import dataclass

from ..schema import Advice
from .inputs import Row

EXTENSIONS = {"json": ".json", "markdown": ".md", "html": ".html"}


@dataclass(frozen=True)
class Advised:
    """One advised row, as the tally needs it: the text written for it, and what the advice said."""

    text: str | None  # None: already written (by a worker process, with --jobs)
    recommendations: tuple[str, ...]
    warnings: tuple[str, ...]
    unknowns: tuple[str, ...]


def render(advice: Advice, fmt: str, organisation: str | None, answers=None, knowledge=None) -> str:
    if fmt == "json":
        # byte for byte what `advisor advise --format json` writes (jsonio.dumps), several times
        # faster; tests/commands/test_batch.py holds the two equal
        return advice.model_dump_json(indent=2) + "\n"
    if fmt == "jsonl":
        return advice.model_dump_json() + "\n"
    if fmt == "markdown":
        from ..render.markdown import render_markdown

        return render_markdown(advice, organisation=organisation, answers=answers, knowledge=knowledge)
    from ..render.html import render_advice_html

    return render_advice_html(advice, organisation=organisation, answers=answers, knowledge=knowledge)


def advise_row(advisor, row: Row, fmt: str, lang: str) -> Advised:
    """The advice for one valid row, rendered (in a worker process with --jobs)."""
    advice = advisor.advise(row.answers, row.lang or lang)
    if fmt == "jsonl":
        from ..render.json import dumps_line

        # the row's id first, so a line can be matched with results.csv and its input row
        text = '{"id":' + dumps_line(row.id)[:-1] + ',"advice":' + render(advice, fmt, None)[:-1] + "}\n"
    else:
        organisation = row.answers.organisation.name if row.answers.organisation else None
        text = render(advice, fmt, organisation, row.answers, advisor.knowledge)
    return Advised(
        text=text,
        recommendations=tuple(item.id for item in advice.recommendations),
        warnings=tuple(item.id for item in advice.warnings),
        unknowns=tuple(item.answer for item in advice.unknowns),
    )
