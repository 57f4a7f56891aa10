"""What each `advisor workshop` subcommand does (the arguments are in advisor/commands/workshop.py)."""

from __future__ import annotations

import argparse
import hashlib
import os
import shlex
import sys
from pathlib import Path

from ..errors import AdvisorError, ExitCode, Problem
from ..i18n import default_lang, t
from . import store


def say(message: str) -> None:
    print(message, file=sys.stderr)


def new(args: argparse.Namespace) -> int:
    lang = args.lang or default_lang()
    path = store.create(args.name, lang=lang, min_group_size=args.min_group_size, force=args.force)
    say(t(lang, "workshop.created", path=path.name, language=lang, min=args.min_group_size))
    say(t(lang, "workshop.next", path=shlex.quote(path.name)))
    return ExitCode.OK


def collect(args: argparse.Namespace) -> int:
    workshop = store.load(args.file)
    lang = args.lang or workshop.lang
    team = store.team_name(args.team, lang) if args.team is not None else None  # before asking
    if team and not args.replace:  # say so now, not after the questionnaire
        for response in workshop.responses:
            if response.team and response.team.casefold() == team.casefold():
                raise AdvisorError(
                    Problem(
                        source=str(args.file),
                        field="team",
                        message=t(lang, "workshop.team_exists", team=team, number=response.number),
                        hint=t(lang, "workshop.team_exists_hint"),
                    )
                )
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise AdvisorError(t(lang, "workshop.needs_terminal", what="collect"), hint=t(lang, "workshop.collect_hint"))
    from ..questionnaire import run_questionnaire

    state_file = _state_file(args.file, team)
    who = t(lang, "workshop.who_team", team=team) if team else t(lang, "workshop.who_anonymous")
    say(t(lang, "workshop.collecting", name=workshop.name, who=who))
    try:
        answers = run_questionnaire(lang=lang, state_file=state_file, resume=args.resume_collect)
    except KeyboardInterrupt:
        command = ["advisor", "workshop", "collect", str(args.file)] + (["--team", team] if team else [])
        command += (["--replace"] if args.replace else []) + ["--resume"]
        say(t(lang, "workshop.resume", command=shlex.join(command)))
        raise
    workshop, added, problems = store.add_entries(
        args.file, [store.Entry(answers, team, source=str(args.file))], replace=args.replace
    )
    if problems:
        raise AdvisorError(problems)
    state_file.unlink(missing_ok=True)
    say(t(lang, "workshop.added", number=added[0].number, who=who, total=len(workshop.responses), name=workshop.name))
    return ExitCode.OK


def _state_file(path: Path, team: str | None) -> Path:
    """Where an interrupted questionnaire of this workshop and team is kept for --resume. Anonymous
    answers are kept per terminal, so two people answering at once never share a save file."""
    from ..questionnaire.state import state_dir

    digest = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:12]
    if team:
        who = "team-" + (store.slug(team) or hashlib.sha256(team.encode("utf-8")).hexdigest()[:8])
    else:
        try:
            who = "anonymous-" + store.slug(os.ttyname(sys.stdin.fileno()))
        except (AttributeError, OSError):  # Windows has no ttyname
            who = "anonymous"
    return state_dir() / "workshops" / f"{digest}-{who}.json"


def add(args: argparse.Namespace) -> int:
    from ..answers import load_answers

    workshop = store.load(args.file)
    lang = workshop.lang
    if args.team is not None and len(args.answers) > 1:
        raise AdvisorError("--team names one answers file", hint="use --team-from-filename to name several")
    team = store.team_name(args.team, lang) if args.team is not None else None
    entries: list[store.Entry] = []
    problems: list[Problem] = []
    for name in args.answers:
        try:
            if args.team_from_filename:
                team = _team_from_filename(name, lang)
            answers = load_answers(name)
        except AdvisorError as error:  # report it, and go on with the other files
            problems += error.problems
            continue
        entries.append(store.Entry(answers, team, source=name))
    added = []
    if entries:
        workshop, added, refused = store.add_entries(args.file, entries, replace=args.replace)
        problems += refused
    for problem in problems:
        say(f"advisor: {t(lang, 'error')}: {problem.render()}")
    for response in added:
        who = t(lang, "workshop.who_team", team=response.team) if response.team else t(lang, "workshop.who_anonymous")
        say(t(lang, "workshop.added", number=response.number, who=who, total=len(workshop.responses), name=workshop.name))
    files = len(args.answers)
    say(t(lang, "workshop.add_result", added=len(added), files=files, rejected=files - len(added)))
    return ExitCode.USAGE if problems else ExitCode.OK


def _team_from_filename(name: str, lang: str) -> str:
    """blue.yaml -> blue. A file with no name before its first dot (.yaml), or standard input,
    names no team: an error, rather than a response added anonymously without a word."""
    stem = Path(name).name.split(".")[0] if name != "-" else ""
    if not stem.strip():
        raise AdvisorError(
            Problem(
                source=name, field="team", message=t(lang, "workshop.team_from_filename", file=name),
                hint=t(lang, "workshop.team_from_filename_hint"),
            )
        )
    return store.team_name(stem, lang, source=name)


def present(args: argparse.Namespace) -> int:
    from ..commands.advise import knowledge_from
    from ..terminal import console as make_console
    from .present import Deck, Presenter, draw
    from .screens import build_screens
    from .summary import summarise

    knowledge = knowledge_from(args)

    def build():
        workshop = store.load(args.file)
        summary = summarise(workshop, knowledge, args.lang)
        return workshop.name, summary.lang, build_screens(summary, args.file.name)

    name, lang, screens = build()
    console = make_console()
    if args.print_all:
        deck = Deck(screens)
        deck.revealed = {screen.key for screen in screens}
        for index in range(len(screens)):
            deck.index = index
            draw(console, deck, name, lang, clear=False)
            console.print()
        return ExitCode.OK
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise AdvisorError(t(lang, "workshop.needs_terminal", what="present"), hint=t(lang, "workshop.present_hint"))
    Presenter(args.file, build, console=console).run()
    return ExitCode.OK


def export(args: argparse.Namespace) -> int:
    from ..commands.advise import knowledge_from
    from .summary import summarise

    summary = summarise(store.load(args.file), knowledge_from(args), args.lang)
    if args.format == "html":
        from .handout_html import render_html

        text = render_html(summary)
    else:
        from .handout_markdown import render_markdown

        text = render_markdown(summary)
    if not summary.ready:
        say(t(summary.lang, "workshop.withheld_note", min=summary.min_group_size))
    if args.out is None:
        sys.stdout.write(text)
        return ExitCode.OK
    try:
        store.write_text(args.out, text)
    except OSError as error:
        raise AdvisorError(Problem(source=str(args.out), message=f"cannot write: {error.strerror}")) from None
    say(t(summary.lang, "workshop.written", path=args.out))
    return ExitCode.OK


def status(args: argparse.Namespace) -> int:
    workshop = store.load(args.file)
    lang = workshop.lang
    total = len(workshop.responses)
    named = sum(1 for r in workshop.responses if r.team)
    ready = total >= workshop.min_group_size
    if args.format == "json":
        from ..jsonio import dumps

        sys.stdout.write(
            dumps(
                {
                    "name": workshop.name,
                    "lang": workshop.lang,
                    "created": workshop.created,
                    "min_group_size": workshop.min_group_size,
                    "responses": total,
                    "named": named,
                    "anonymous": total - named,
                    "ready": ready,
                    "teams": [{"number": r.number, "team": r.team, "goals": list(r.answers.goals)} for r in workshop.responses],
                }
            )
        )
        return ExitCode.OK
    print(
        t(lang, "workshop.status", name=workshop.name, created=workshop.created, total=total, named=named,
          anonymous=total - named, language=workshop.lang, min=workshop.min_group_size)
    )
    missing = workshop.min_group_size - total
    print(t(lang, "workshop.status_ready") if ready else t(lang, "workshop.status_waiting", missing=missing))
    for response in workshop.responses:
        who = response.team or t(lang, "workshop.anonymous")
        print(f"  {response.number:>3}  {who}")
    return ExitCode.OK


def settings(args: argparse.Namespace) -> int:
    changes = {name: value for name, value in (("min_group_size", args.min_group_size), ("lang", args.lang)) if value}
    if not changes:
        raise AdvisorError("nothing to change", hint="give --min-group-size N, --lang en|nl, or both")
    workshop = store.update(args.file, lambda workshop: workshop.model_copy(update=changes))
    say(t(workshop.lang, "workshop.settings", name=workshop.name, language=workshop.lang, min=workshop.min_group_size))
    return ExitCode.OK


def remove(args: argparse.Namespace) -> int:
    def change(workshop):
        kept = [r for r in workshop.responses if r.number != args.number]
        if len(kept) == len(workshop.responses):
            raise AdvisorError(
                Problem(
                    source=str(args.file),
                    message=t(workshop.lang, "workshop.no_response", number=args.number),
                    hint=t(workshop.lang, "workshop.no_response_hint"),
                )
            )
        return workshop.model_copy(update={"responses": kept})

    workshop = store.update(args.file, change)
    say(t(workshop.lang, "workshop.removed", number=args.number, total=len(workshop.responses), name=workshop.name))
    return ExitCode.OK


ACTIONS = {
    "new": new,
    "collect": collect,
    "add": add,
    "present": present,
    "export": export,
    "status": status,
    "set": settings,
    "remove": remove,
}
