"""The command line: `advisor [COMMAND] ...`. One module per command under advisor/cli/commands/.

This module is the one error boundary: a user error (AdvisorError) prints one clear message and
exits 2, Ctrl-C exits 130, anything else exits 1 with a short message (the traceback only with
--debug). It imports no engine, prompt library or pydantic, so --help and --version stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from .._version import __version__
from ..errors import AdvisorError, ExitCode
from ..i18n import LANGS, default_lang, t
from .options import MEASURE_OPTIONS, add_usage_from_arguments, resolve_lang

# name -> (module, one-line help). Each module has add_arguments(parser) and run(args) -> int.
COMMANDS: dict[str, tuple[str, str]] = {
    "advise": ("advisor.cli.commands.advise", "advice for an answers file (YAML or JSON)"),
    "workshop": ("advisor.cli.commands.workshop", "run the advisor live with a group: collect, present, export"),
    "explain": ("advisor.cli.commands.explain", "how the advice came about, or why a recommendation is not in it"),
    "whatif": ("advisor.cli.commands.whatif", "how the advice changes if some answers were different"),
    "diff": ("advisor.cli.commands.diff", "how the advice for two answers files differs, and why"),
    "findings": ("advisor.cli.commands.findings", "the findings of the study as a table"),
    "check": ("advisor.cli.commands.check", "validate and lint a knowledge base (findings and rules)"),
    "export": ("advisor.cli.commands.export", "the knowledge base as one versioned JSON or YAML document"),
    "schema": ("advisor.cli.commands.schema", "JSON Schemas of answers, advice, the export and the protocols"),
    "serve": ("advisor.cli.commands.serve", "advice over a JSON-lines protocol on standard input and output"),
    "batch": ("advisor.cli.commands.batch", "advice for every row of a CSV or JSON-lines file, or a folder of answers"),
    "measure": ("advisor.cli.commands.measure", "usage measured from a platform's own export, in the answers format"),
}


class UsageError(AdvisorError):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would exit itself; let the error boundary do it
        raise UsageError(f"{message}\n{self.format_usage().strip()}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="advisor",
        description="Evidence-based advice on driving adoption of internal social media for the outcome you want. "
        "Without a command, advisor asks a short questionnaire in the terminal and prints an adoption strategy.",
    )
    parser.add_argument("--resume", action="store_true", help="continue the questionnaire where you stopped")
    parser.add_argument(
        "--lang", dest="top_lang", choices=LANGS, default=None, help="language (default: from the locale)"
    )
    parser.add_argument(
        "--details", dest="top_details", action="store_true",
        help="the questionnaire's report: add the identifiers of rules and findings (advisor advise has its own --details)",
    )
    parser.add_argument("--version", action="version", version=f"advisor {__version__} ({_engine_line()})")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    add_usage_from_arguments(parser, top=True)  # the questionnaire with the usage measured
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module, help_text) in COMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        importlib.import_module(module).add_arguments(sub)
    return parser


def _check_top_measuring(argv: list[str], lang: str) -> None:
    """--usage-from (and its options) before a command: the questionnaire's, not the command's;
    said before argparse takes the command's name for one more export file."""
    command = next((index for index, word in enumerate(argv) if word in COMMANDS), None)
    options = {"--usage-from"} | {"--" + name.replace("_", "-") for name in MEASURE_OPTIONS}
    if command is not None and any(word.split("=", 1)[0] in options for word in argv[:command]):
        raise UsageError(t(lang, "usage_from.with_command"), hint=t(lang, "usage_from.with_command_hint"))


def _engine_line() -> str:
    from ..engine.choice import version_line

    return version_line()


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Messages (standard error), and standard output when it is a terminal,
    are written with their control characters neutralised (advisor/render/terminal.py)."""
    from ..render.terminal import Guarded

    streams = sys.stdout, sys.stderr
    if sys.stderr is not None:
        sys.stderr = Guarded(sys.stderr)
    if sys.stdout is not None and _is_terminal(sys.stdout):
        sys.stdout = Guarded(sys.stdout)
    try:
        return _run(argv)
    finally:
        sys.stdout, sys.stderr = streams


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _run(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    lang = default_lang()
    try:
        if argv[:1] == ["--version"] or argv == ["-V"]:  # the fastest path: no parser, no imports
            print(f"advisor {__version__} ({_engine_line()})")
            return ExitCode.OK
        _check_top_measuring(argv, lang)
        args = build_parser().parse_args(argv)
        lang = resolve_lang(args)
        if args.resume and args.command is not None:
            raise UsageError("--resume continues the questionnaire: use it without a command")
        if args.top_details and args.command is not None:
            raise UsageError(f"--details before a command is the questionnaire's: put it after the command (advisor {args.command} ... --details)")
        module = importlib.import_module(COMMANDS[args.command][0] if args.command else "advisor.cli.commands.ask")
        code = int(module.run(args))
        if sys.stdout is not None:
            sys.stdout.flush()  # here, where a full disk can still be reported
        return code
    except SystemExit as exit:  # --help and --version
        return int(exit.code or 0) if not isinstance(exit.code, str) else ExitCode.USAGE
    except AdvisorError as error:
        _print_error(error.render(t(lang, "hint")), lang)
        return error.exit_code
    except KeyboardInterrupt:
        print(f"advisor: {t(lang, 'interrupted')}", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return ExitCode.OK
    except OSError as error:
        if not _output_failed(error):
            return _internal_error(error, lang, debug)
        _silence_stdout()  # what is still buffered can go nowhere either
        _print_error(t(lang, "output_failed", reason=error.strerror), lang)
        print(f"  {t(lang, 'hint')}: {t(lang, 'output_failed.hint')}", file=sys.stderr)
        return ExitCode.USAGE
    except Exception as error:  # the boundary: anything unexpected is an internal error
        return _internal_error(error, lang, debug)


def _internal_error(error: Exception, lang: str, debug: bool) -> int:
    if debug:
        import traceback

        traceback.print_exception(error)
    _print_error(t(lang, "internal_error", error=f"{type(error).__name__}: {error}"), lang)
    print(f"  {t(lang, 'hint')}: {t(lang, 'internal_hint')}", file=sys.stderr)
    return ExitCode.INTERNAL


def _output_failed(error: OSError) -> bool:
    """Whether writing standard output failed (a full disk, a quota, an I/O error): files the
    advisor writes itself report their own failures, with their name (advisor/files/write.py)."""
    import errno

    failures = {errno.ENOSPC, errno.EIO, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
    return error.errno in failures and error.filename is None


def _print_error(message: str, lang: str) -> None:
    print(f"advisor: {t(lang, 'error')}: {message}", file=sys.stderr)


def _silence_stdout() -> None:
    # stdout's reader went away (e.g. `advisor ... | head`): don't complain at exit
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
