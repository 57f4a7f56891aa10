"""The interactive questionnaire: the goals first, then the usage pattern, then the purposes,
then the optional organisation details, asking only what the chosen goals depend on.

    answers = run_questionnaire(lang="nl", state_file=default_state_file())

Printing the advice and offering to save it are separate (advisor/questionnaire/report.py), so
other front ends (the workshop mode) can ask the questions and use the answers their own way.
Modules are imported on first use: `advisor --help` stays free of the prompt library.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..knowledge.load import Knowledge
    from ..schema import Answers
    from .state import Progress

__all__ = ["run_questionnaire"]


def run_questionnaire(
    *,
    lang: str,
    knowledge: "Knowledge | None" = None,
    state_file: Path | None = None,
    resume: bool = False,
    organisation: bool = True,
    input=None,
    output=None,
    measurement=None,
) -> "Answers":
    """Ask the questions and return the answers.

    lang: "en" or "nl". knowledge: the knowledge base (default: the shipped one).
    state_file: where progress is saved after every answer (None: not saved).
    resume: continue from state_file; when it holds a finished questionnaire, its answers are
    returned without asking. organisation: ask the organisation's name and size (not for an
    anonymous response, which would not keep them). input/output: prompt_toolkit input and output
    objects (tests). measurement: usage measured from an export (advisor.measure.measure_exports):
    its figures are shown and their questions not asked, unless the person chooses to correct them.

    Raises AdvisorError for a damaged or foreign save file (left untouched) or nothing to resume,
    and KeyboardInterrupt on Ctrl-C, after the answers so far are saved.
    """
    from ..i18n import t, tn
    from . import state as saves
    from .flow import Flow, final_answers, walk
    from .preload import KnowledgeSource, goals_preview
    from .prompts import Prompter

    progress = _starting_progress(state_file, resume, lang)

    if measurement is not None:
        from .measured import start

        start(progress, measurement)

    source = KnowledgeSource(knowledge)
    flows: dict[str, Flow] = {}

    def flow_for() -> Flow:
        if "flow" not in flows:
            flows["flow"] = Flow(source.get(), lang, organisation=organisation)
        return flows["flow"]

    def save(progress: saves.Progress, flow: Flow) -> None:
        if state_file is not None:
            progress.knowledge_version = flow.knowledge.version
            saves.save(Path(state_file), progress)

    if not progress.complete:
        preview = None if source.ready or progress.answers else goals_preview(lang)
        prompter = Prompter(lang, input=input, output=output)
        prompter.note(tn(lang, "q.resumed", len(progress.answers), count=len(progress.answers)) if resume else t(lang, "q.intro"))
        prompter.on_first_screen = source.start  # load the knowledge while the person reads
        keys = walk(flow_for, prompter, progress, save, preview)
        progress.complete = True
        save(progress, flow_for())
    else:
        keys = flow_for().plan(progress.answers["goals"])

    from ..answers.read import parse_answers
    from .measured import complete

    document = complete(final_answers(progress, keys), progress, keys)
    return parse_answers(document, source="questionnaire", lang=lang, knowledge=flow_for().knowledge)


def _starting_progress(state_file: Path | None, resume: bool, lang: str) -> "Progress":
    """The progress to start from: the save file's when resuming (checked first), else a new one.
    Refuses a damaged or unwritable save file, and resuming with nothing saved."""
    from ..errors import AdvisorError
    from ..i18n import t
    from . import state as saves

    saved = saves.peek(Path(state_file)) if state_file is not None else None  # refuses damaged files
    if state_file is not None:
        saves.check_writable(Path(state_file))
    if resume and saved is None:
        raise AdvisorError(
            t(lang, "q.nothing_to_resume", path=state_file or "-"), hint=t(lang, "q.nothing_to_resume_hint")
        )
    if resume:
        saves.check_answers(Path(state_file), saved)
        progress = saved
        progress.lang = lang
    else:
        progress = saves.Progress(lang=lang)
    return progress
