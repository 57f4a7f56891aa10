"""`advisor` with no command: the questionnaire, then the report, then the offers to save it.

`advisor --resume` continues an interrupted questionnaire; Ctrl-C exits 130 with one line saying
how to resume. Without a terminal on standard input it exits 2, pointing to `advisor advise`.
`advisor --usage-from EXPORT...` measures the usage first and does not ask what was measured.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ...errors import ExitCode
from ...i18n import default_lang, t, tn

if TYPE_CHECKING:  # the prompt library stays off the cold path
    from ...questionnaire.prompts import Prompter


def run(args: argparse.Namespace) -> int:
    chosen_lang = getattr(args, "top_lang", None)
    lang = chosen_lang or default_lang()
    if not sys.stdin.isatty():
        print(f"advisor: {t(lang, 'q.no_terminal')}", file=sys.stderr)
        return ExitCode.USAGE

    from ...questionnaire import run_questionnaire
    from ...questionnaire.prompts import Prompter
    from ...questionnaire.state import default_state_file, peek
    from ..options import measurement_from

    measurement = measurement_from(args, lang, top=True)  # an export that cannot be measured stops here
    state_file = default_state_file()
    saved = peek(state_file)  # a damaged or foreign file stops here, untouched
    resume = bool(args.resume)
    unfinished = saved is not None and not saved.complete
    if (resume or unfinished) and saved is not None and chosen_lang is None:
        lang = saved.lang  # ask, and carry on, in the language the questionnaire was started in
    prompter = Prompter(lang)
    try:
        if not resume and unfinished:
            resume = _continue_unfinished(prompter, saved)
            if not resume:  # afresh: in the language asked for now
                lang = prompter.lang = chosen_lang or default_lang()
        answers = run_questionnaire(
            lang=lang, state_file=state_file, resume=resume, output=prompter.output, measurement=measurement
        )
        _report(answers, lang, prompter, details=bool(getattr(args, "top_details", False)))
    except KeyboardInterrupt:
        print(t(lang, "q.interrupted"), file=sys.stderr)
        return ExitCode.INTERRUPTED
    return ExitCode.OK


def _continue_unfinished(prompter: Prompter, saved) -> bool:
    from ...questionnaire.prompts import Option

    lang = prompter.lang
    when = _local_time(saved.saved_at)
    return prompter.select(
        tn(lang, "q.unfinished", len(saved.answers), when=when, count=len(saved.answers)),
        [Option(t(lang, "q.continue"), True), Option(t(lang, "q.afresh"), False)],
        default=True,
        back=False,
        why=False,
    )


def _local_time(saved_at: str) -> str:
    from datetime import datetime

    try:
        return datetime.fromisoformat(saved_at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return saved_at


def _report(answers, lang: str, prompter: Prompter, *, details: bool = False) -> None:
    from ...questionnaire.report import offer, print_report
    from ...reasoning.pipeline import advisor_for
    from ...render.terminal import console

    advisor = advisor_for()
    advice = advisor.advise(answers, lang)
    out = console()
    print_report(advice, answers, advisor.knowledge, out, details=details)
    offer(advice, answers, out, prompter, knowledge=advisor.knowledge, details=details)
