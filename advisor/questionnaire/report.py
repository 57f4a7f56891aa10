"""After the questions: the advice for a person (with the usage chart), and the offers to show the
Dutch source quotes and to save the report (Markdown) and the answers (an answers file).

Saving never loops: the name offered is one no file has yet (advice.md, else advice-2.md, ...),
an existing name is replaced only when confirmed (else another free name is offered), and an
empty name saves nothing."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from ..i18n import t
from ..render.markdown import cited, note_line
from ..render.text import render_text
from .prompts import Option, Prompter
from ..files.write import write_atomic


def print_report(advice, answers, knowledge, console: Console, *, details: bool = False) -> None:
    """The report on screen, as `advisor advise` prints it (with the usage chart)."""
    organisation = answers.organisation.name if answers.organisation else None
    render_text(advice, console, organisation=organisation, quotes=False, answers=answers, knowledge=knowledge, details=details)
    console.print()


def print_quotes(advice, console: Console) -> None:
    """Every piece of evidence the advice cites, once, with the Dutch source text."""
    lang = advice.lang
    seen: set[str] = set()
    console.print(Text(t(lang, "quotes.title"), style="bold underline"))
    for item in [*advice.recommendations, *advice.warnings, *advice.caveats]:
        for evidence in item.evidence:
            if evidence.finding in seen:
                continue
            seen.add(evidence.finding)
            console.print(Padding(Text.assemble((cited([evidence], lang), "cyan"), ": ", evidence.summary), (0, 0, 0, 2)))
            if evidence.note:
                console.print(Padding(Text(note_line(evidence, lang), style="dim"), (0, 0, 0, 4)))
            console.print(Padding(Text(f"“{evidence.quote}”", style="italic"), (0, 0, 0, 4)))
    console.print()


def offer(advice, answers, console: Console, prompter: Prompter, *, knowledge=None, details: bool = False) -> None:
    """Show the quotes or save, as often as the person likes, until Done. knowledge: for the
    saved report's usage chart and the study it cites."""
    from ..answers.write import answers_to_yaml
    from ..render.markdown import render_markdown

    lang = advice.lang
    organisation = answers.organisation.name if answers.organisation else None
    report = dict(organisation=organisation, answers=answers, knowledge=knowledge, details=details)
    actions = {
        "quotes": lambda: print_quotes(advice, console),
        "report": lambda: _save(prompter, "offer.report_file", render_markdown(advice, **report)),
        "answers": lambda: _save(prompter, "offer.answers_file", answers_to_yaml(answers)),
    }
    options = [
        Option(t(lang, "offer.quotes"), "quotes"),
        Option(t(lang, "offer.save_report"), "report"),
        Option(t(lang, "offer.save_answers"), "answers"),
        Option(t(lang, "offer.done"), "done"),
    ]
    done: set[str] = set()
    while True:
        default = next(o.value for o in options if o.value not in done)
        choice = prompter.select(t(lang, "offer.prompt"), options, default=default, back=False, why=False, echo=False)
        if choice == "done":
            return
        actions[choice]()
        done.add(choice)


def _save(prompter: Prompter, default_name: str, text: str) -> bool:
    lang = prompter.lang
    offered = free_name(Path(t(lang, default_name)))
    while True:
        name = prompter.text(
            t(lang, "offer.path"),
            default=str(offered),
            validate=lambda text: None,
            optional=True,
            why=False,
        )
        if not isinstance(name, str) or not name:  # back, or an empty name: not saved after all
            prompter.note(t(lang, "offer.not_saved"))
            return False
        path = Path(name).expanduser()
        if path.exists():
            replace = prompter.select(
                t(lang, "offer.exists", path=path),
                [Option(t(lang, "offer.replace"), True), Option(t(lang, "offer.other_name"), False)],
                default=False,
                why=False,
            )
            if replace is not True:
                offered = free_name(path)
                continue
        try:
            write_atomic(path, text)
        except OSError as error:
            prompter.note(t(lang, "offer.failed", path=path, error=error.strerror or error))
            offered = path
            continue
        prompter.note(t(lang, "offer.saved", path=path.resolve()))
        return True


def free_name(path: Path) -> Path:
    """path if no file has that name yet, else the first free one of path-2, path-3, ..."""
    if not path.exists():
        return path
    for number in range(2, 10_000):
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not candidate.exists():
            return candidate
    return path
