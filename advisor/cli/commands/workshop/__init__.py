"""`advisor workshop`: run the advisor live with a group.

    advisor workshop new NAME [--lang en|nl] [--min-group-size N] [--force] [--yes]
    advisor workshop collect FILE [--team NAME] [--replace] [--resume] [--lang en|nl] [--findings F --rules D]
    advisor workshop add FILE ANSWERS... [--team NAME | --team-from-filename] [--replace]
    advisor workshop present FILE [--print] [--lang en|nl]
    advisor workshop serve FILE [--host ADDR] [--port N] [--lang en|nl] [--teams ...] [--per-device N]
    advisor workshop export FILE [--format html|markdown] [--out PATH.html|PATH.md] [--lang en|nl]
    advisor workshop status FILE [--format text|json]
    advisor workshop set FILE [--min-group-size N] [--lang en|nl] [--yes]
    advisor workshop remove FILE NUMBER

Messages go to standard error, data (the handout, `status --format json`) to standard output.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ....i18n import LANGS
from ...options import add_knowledge_arguments, add_usage_from_arguments

SERVE_PORT = 8000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    commands = parser.add_subparsers(dest="workshop_command", metavar="SUBCOMMAND", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        return sub

    new = command("new", "create a workshop file NAME.workshop.json in the current directory")
    new.add_argument("name", metavar="NAME", help="the workshop's name, e.g. 'Masterclass Zwolle'")
    new.add_argument("--lang", choices=LANGS, help="the workshop's language (default: from the locale)")
    new.add_argument("--min-group-size", type=_group_size, default=3, metavar="N",
                     help="show no group result for fewer than N responses (default: 3)")
    new.add_argument("--force", action="store_true", help="replace an existing workshop file of that name")
    new.add_argument("--yes", action="store_true", help="confirm a minimum group size of 1 (no anonymity) without asking")

    collect = command("collect", "run the questionnaire for one team or person and add the answers")
    collect.add_argument("file", metavar="FILE", type=Path, help="the workshop file")
    collect.add_argument("--team", metavar="NAME", help="the team's name (default: anonymous)")
    collect.add_argument("--replace", action="store_true", help="replace the answers the team gave before")
    # its own dest: `advisor --resume` (the questionnaire's) lives in the same namespace
    collect.add_argument("--resume", action="store_true", dest="resume_collect", help="continue an interrupted questionnaire")
    collect.add_argument("--lang", choices=LANGS, help="language of the questions (default: the workshop's)")
    add_knowledge_arguments(collect)

    add = command("add", "add answers files made elsewhere (YAML or JSON), or a CSV or JSON-lines file of responses")
    add.add_argument("file", metavar="FILE", type=Path, help="the workshop file")
    add.add_argument("answers", metavar="ANSWERS", nargs="+",
                     help="answers files; - reads standard input; or one .csv or .jsonl file, a response per row (as advisor batch reads it)")
    names = add.add_mutually_exclusive_group()
    names.add_argument("--team", metavar="NAME", help="the team's name (one answers file only; default: anonymous)")
    names.add_argument("--team-from-filename", action="store_true", help="name each team after its file (blue.yaml: blue)")
    add.add_argument("--replace", action="store_true", help="replace the answers a team gave before")
    add_usage_from_arguments(add)

    present = command("present", "show the workshop on a projector, one screen at a time")
    present.epilog = (
        "keys: space, right arrow, Enter or Page Down: next (on a hidden screen: reveal first); "
        "left arrow, Backspace or Page Up: back; r: reveal; Home/End: first/last screen; q or Esc: quit"
    )
    present.add_argument("file", metavar="FILE", type=Path, help="the workshop file")
    present.add_argument("--print", action="store_true", dest="print_all",
                         help="print every screen, revealed, and exit (a rehearsal; no keys)")
    present.add_argument("--lang", choices=LANGS, help="language (default: the workshop's)")
    add_knowledge_arguments(present)

    serve = command("serve", "collect answers from participants' phones and present from a browser")
    serve.epilog = (
        "prints the join address (line 1) and the presenter address with its secret token (line 2) on "
        "standard output, then a QR code of the join address; needs the web extra: "
        "pip install 'intranet-adoption-advisor[web]'"
    )
    serve.add_argument("file", metavar="FILE", type=Path, help="the workshop file")
    serve.add_argument("--host", metavar="ADDR",
                       help="the address to listen on (default: this computer's address on its network, "
                            "so phones can reach it; 127.0.0.1 for this computer only)")
    serve.add_argument("--port", metavar="N", type=_port,
                       help=f"the port (default: {SERVE_PORT}, or the next free one; 0: any free port)")
    serve.add_argument("--lang", choices=LANGS, help="language of the pages (default: the workshop's; participants can switch)")
    serve.add_argument("--teams", choices=("optional", "required", "anonymous"), default="optional",
                       help="team names: optional (default), required, or anonymous (none asked)")
    serve.add_argument("--per-device", type=_per_device, default=1, metavar="N",
                       help="responses one phone may send (default: 1; more for a phone passed around)")
    add_knowledge_arguments(serve)

    export = command("export", "write the handout (HTML or Markdown)")
    export.add_argument("file", metavar="FILE", type=Path, help="the workshop file")
    export.add_argument("--format", choices=("html", "markdown"), help="handout format (default: from the extension of --out)")
    export.add_argument("--out", metavar="PATH", type=Path, help="write to PATH, .html or .md (default: standard output)")
    export.add_argument("--lang", choices=LANGS, help="language (default: the workshop's)")
    add_knowledge_arguments(export)

    status = command("status", "how many responses, from which teams, and the settings")
    status.add_argument("file", metavar="FILE", type=Path, help="the workshop file")
    status.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")

    settings = command("set", "change the minimum group size or the language")
    settings.add_argument("file", metavar="FILE", type=Path, help="the workshop file")
    settings.add_argument("--min-group-size", type=_group_size, metavar="N", help="show no group result for fewer than N responses")
    settings.add_argument("--lang", choices=LANGS, help="the workshop's language")
    settings.add_argument("--yes", action="store_true", help="confirm a minimum group size of 1 (no anonymity) without asking")

    remove = command("remove", "remove one response (see `status` for the numbers)")
    remove.add_argument("file", metavar="FILE", type=Path, help="the workshop file")
    remove.add_argument("number", metavar="NUMBER", type=int, help="the response's number")


def _group_size(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError("must be from 1 to 1000")
    return value


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError("must be from 0 to 65535")
    return value


def _per_device(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 100:
        raise argparse.ArgumentTypeError("must be from 1 to 100")
    return value


def run(args: argparse.Namespace) -> int:
    from . import actions

    return actions.ACTIONS[args.workshop_command](args)
