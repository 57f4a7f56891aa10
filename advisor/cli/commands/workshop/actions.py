"""What each `advisor workshop` subcommand does (the arguments are in __init__.py beside it)."""

from __future__ import annotations

import argparse
import hashlib
import os
import shlex
import sys
from pathlib import Path

from ....errors import AdvisorError, ExitCode, Problem
from ....i18n import default_lang, t, tn
from ....workshop import store
from ...options import say


def new(args: argparse.Namespace) -> int:
    lang = args.lang or default_lang()
    _confirm_group_size(args.min_group_size, lang, args.yes)
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
    from ....questionnaire import run_questionnaire

    knowledge = None  # the shipped one, loaded while the first question is on screen
    if args.findings or args.rules:
        from ...options import knowledge_from

        knowledge = knowledge_from(args)
    state_file = _state_file(args.file, team)
    who = t(lang, "workshop.who_team", team=team) if team else t(lang, "workshop.who_anonymous")
    say(t(lang, "workshop.collecting", name=workshop.name, who=who))
    try:
        answers = run_questionnaire(
            lang=lang, knowledge=knowledge, state_file=state_file, resume=args.resume_collect, organisation=team is not None
        )
    except KeyboardInterrupt:
        command = ["advisor", "workshop", "collect", str(args.file)] + (["--team", team] if team else [])
        command += (["--replace"] if args.replace else []) + ["--resume"]
        command += [part for option in ("findings", "rules") if getattr(args, option) for part in (f"--{option}", getattr(args, option))]
        say(t(lang, "workshop.resume", command=shlex.join(command)))
        raise
    workshop, added, problems = store.add_entries(
        args.file, [store.Entry(answers, team, source=str(args.file))], replace=args.replace
    )
    if problems:
        raise AdvisorError(problems)
    state_file.unlink(missing_ok=True)
    say(tn(lang, "workshop.added", len(workshop.responses), number=added[0].number, who=who, total=len(workshop.responses), name=workshop.name))
    return ExitCode.OK


def _state_file(path: Path, team: str | None) -> Path:
    """Where an interrupted questionnaire of this workshop and team is kept for --resume. Anonymous
    answers are kept per terminal, so two people answering at once never share a save file."""
    from ....questionnaire.state import state_dir

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
    from ....answers.read import load_answers
    from ...options import measured_answers, measurement_from

    from .table import add_table, is_table

    workshop = store.load(args.file)
    lang = workshop.lang
    if any(is_table(name) for name in args.answers):  # a form tool's export: one response per row
        return add_table(args, lang)
    if args.team is not None and len(args.answers) > 1:
        raise AdvisorError("--team names one answers file", hint="use --team-from-filename to name several")
    team = store.team_name(args.team, lang) if args.team is not None else None
    measurement = measurement_from(args, lang)  # once, for every answers file: the usage of the organisation
    entries: list[store.Entry] = []
    problems: list[Problem] = []
    for name in args.answers:
        try:
            if args.team_from_filename:
                team = _team_from_filename(name, lang)
            answers = load_answers(name, lang=lang)
        except AdvisorError as error:  # report it, and go on with the other files
            problems += error.problems
            continue
        if measurement is not None:
            answers = measured_answers(answers, measurement, lang, source=name)
        entries.append(store.Entry(answers, team, source=name))
    added = []
    if entries:
        workshop, added, refused = store.add_entries(args.file, entries, replace=args.replace)
        problems += refused
    for problem in problems:
        say(f"advisor: {t(lang, 'error')}: {problem.render(t(lang, 'hint'))}")
    for response in added:
        who = t(lang, "workshop.who_team", team=response.team) if response.team else t(lang, "workshop.who_anonymous")
        say(tn(lang, "workshop.added", len(workshop.responses), number=response.number, who=who, total=len(workshop.responses), name=workshop.name))
    files = len(args.answers)
    say(tn(lang, "workshop.add_result", files, added=len(added), files=files, rejected=files - len(added)))
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
    from ...options import advisor_from
    from ....render.terminal import console as make_console
    from ....workshop.present import Deck, Presenter, draw
    from ....workshop.screens import build_screens
    from ....workshop.summary import summarise

    advisor = advisor_from(args)

    def build():
        workshop = store.load(args.file)
        summary = summarise(workshop, advisor, args.lang)
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


def serve(args: argparse.Namespace) -> int:
    """Participants answer on their phones; the presenter's screens in a browser (advisor/web/)."""
    workshop = store.load(args.file)
    lang = args.lang or workshop.lang
    from ....web import require_web

    require_web(lang)
    import socket

    from ...options import advisor_from
    from ....web.app import create_workshop_app
    from ....web.network import PORT_TRIES, address_url, bind, is_any, lan_address
    from ....web.qr import terminal_qr
    from ....web.security import Keys
    from ....web.serving import run_server
    from . import SERVE_PORT

    host = args.host
    if host is None:
        host = lan_address()
        if host is None:
            say(t(lang, "web.no_network"))
            host = "127.0.0.1"
    sock = bind(host, SERVE_PORT if args.port is None else args.port, lang=lang, tries=PORT_TRIES if args.port is None else 1)
    port = sock.getsockname()[1]
    shown = (lan_address() or "127.0.0.1") if is_any(host) else host
    keys = Keys()
    join = address_url(shown, port)
    presenter = address_url(shown, port, "/present?token=" + keys.presenter_token)
    names = {shown, host, "127.0.0.1", "localhost", "::1", socket.gethostname(), socket.gethostname() + ".local"}
    app = create_workshop_app(
        args.file, advisor=advisor_from(args), join_url=join, lang=args.lang, teams=args.teams,
        per_device=args.per_device, keys=keys, allowed_hosts=None if is_any(host) else sorted(names),
        notify=lambda line: say(printable(line)),
    )
    print(join)  # line 1: where participants go
    print(presenter)  # line 2: the presenter's address, with its secret token
    print(terminal_qr(join), end="", flush=True)
    say(t(lang, "web.serving", name=printable(workshop.name)))
    say(t(lang, "web.serving_join"))
    say(t(lang, "web.serving_presenter"))
    if shown.startswith("127.") or shown in ("localhost", "::1"):
        say(t(lang, "web.local_only"))
    run_server(app, sock, on_exit=app.state.live.stopping.set)
    say(t(lang, "web.stopped_workshop", path=args.file))
    return ExitCode.OK


def printable(text: str) -> str:
    """Text that came from a phone or a file, safe to print: control characters (which could
    steer the terminal) shown as escapes, never obeyed."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def export(args: argparse.Namespace) -> int:
    from ...options import advisor_from
    from ....workshop.summary import summarise

    fmt = _handout_format(args.format, args.out)  # before any work: a wrong name fails at once
    summary = summarise(store.load(args.file), advisor_from(args), args.lang)
    if fmt == "html":
        from ....workshop.handout_html import render_html

        text = render_html(summary)
    else:
        from ....workshop.handout_markdown import render_markdown

        text = render_markdown(summary)
    if not summary.ready:
        say(tn(summary.lang, "workshop.withheld_note", summary.min_group_size, min=summary.min_group_size))
    if args.out is None:
        sys.stdout.write(text)
        return ExitCode.OK
    try:
        store.write_text(args.out, text)
    except OSError as error:
        raise AdvisorError(Problem(source=str(args.out), message=f"cannot write: {error.strerror}")) from None
    say(t(summary.lang, "workshop.written", path=args.out))
    return ExitCode.OK


HANDOUT_EXTENSIONS = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}


def _handout_format(fmt: str | None, out: Path | None) -> str:
    """--format, else what the extension of --out says."""
    if fmt is not None:
        return fmt
    if out is None:
        raise AdvisorError("name the handout's format", hint="--format html or --format markdown, or --out handout.html")
    if out.suffix.lower() not in HANDOUT_EXTENSIONS:
        raise AdvisorError(
            Problem(source=str(out), message=f"cannot tell the format from the extension {out.suffix or '(none)'!r}",
                    hint="name the file .html or .md, or give --format html|markdown")
        )
    return HANDOUT_EXTENSIONS[out.suffix.lower()]


def status(args: argparse.Namespace) -> int:
    workshop = store.load(args.file)
    lang = workshop.lang
    total = len(workshop.responses)
    named = sum(1 for r in workshop.responses if r.team)
    ready = total >= workshop.min_group_size
    if args.format == "json":
        from ....knowledge.load import shipped_knowledge
        from ....render.json import dumps
        from ....workshop.summary import share_distributions

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
                    # the questionnaire's bands of each share, with the counts once the group is large enough
                    "shares": share_distributions(workshop, shipped_knowledge(), lang),
                }
            )
        )
        return ExitCode.OK
    print(
        tn(lang, "workshop.status", total, name=workshop.name, created=workshop.created, total=total, named=named,
          anonymous=total - named, language=workshop.lang, min=workshop.min_group_size)
    )
    missing = workshop.min_group_size - total
    print(t(lang, "workshop.status_ready") if ready else tn(lang, "workshop.status_waiting", missing, missing=missing))
    for response in workshop.responses:
        who = response.team or t(lang, "workshop.anonymous")
        print(f"  {response.number:>3}  {who}")
    return ExitCode.OK


def settings(args: argparse.Namespace) -> int:
    changes = {name: value for name, value in (("min_group_size", args.min_group_size), ("lang", args.lang)) if value}
    if not changes:
        raise AdvisorError("nothing to change", hint="give --min-group-size N, --lang en|nl, or both")
    if args.min_group_size is not None:
        _confirm_group_size(args.min_group_size, args.lang or store.load(args.file).lang, args.yes)
    workshop = store.update(args.file, lambda workshop: workshop.model_copy(update=changes))
    say(t(workshop.lang, "workshop.settings", name=workshop.name, language=workshop.lang, min=workshop.min_group_size))
    return ExitCode.OK


def _confirm_group_size(size: int, lang: str, confirmed: bool) -> None:
    """A minimum group size of 1 shows the group's results for a single response: anonymous
    answers can then be read off the screen. Say so, and go on only when confirmed (asked on a
    terminal; --yes elsewhere)."""
    if size > 1 or confirmed:
        return
    say(t(lang, "workshop.no_anonymity"))
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        raise AdvisorError(t(lang, "workshop.no_anonymity_refused"), hint=t(lang, "workshop.no_anonymity_hint"))
    from ....questionnaire.prompts import Option, Prompter

    answer = Prompter(lang).select(
        t(lang, "workshop.no_anonymity_prompt"),
        [Option(t(lang, "workshop.no_anonymity_yes"), True), Option(t(lang, "workshop.no_anonymity_no"), False)],
        default=False,
        back=False,
        why=False,
    )
    if answer is not True:
        raise AdvisorError(t(lang, "workshop.no_anonymity_refused"), hint=t(lang, "workshop.no_anonymity_hint"))


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
    say(tn(workshop.lang, "workshop.removed", len(workshop.responses), number=args.number, total=len(workshop.responses), name=workshop.name))
    return ExitCode.OK


ACTIONS = {
    "new": new,
    "collect": collect,
    "add": add,
    "present": present,
    "serve": serve,
    "export": export,
    "status": status,
    "set": settings,
    "remove": remove,
}
