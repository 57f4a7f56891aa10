"""The prompts: questionary's select, checkbox and text, in the person's language, with two keys
added to each: Esc goes back to the previous question, and ? shows why the question is asked.

Every prompt is erased once answered and replaced by one line in the advisor's own words (so no
English from questionary's defaults, such as "done (2 selections)", ever reaches a Dutch screen).
Ctrl-C raises KeyboardInterrupt; Ctrl-D counts as Ctrl-C.
"""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import questionary
from prompt_toolkit.filters import Condition
from prompt_toolkit.formatted_text import ANSI, FormattedText
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.output import ColorDepth
from prompt_toolkit.shortcuts import print_formatted_text
from questionary.prompts.common import InquirerControl

from ..i18n import t


class _Back:
    def __repr__(self) -> str:
        return "BACK"


BACK = _Back()  # returned when the person goes back to the previous question


@dataclass
class Help:
    """Returned when the person asks why: with what was selected, to restore it afterwards."""

    pointed: Any = None
    selected: tuple = ()


@dataclass
class Option:
    label: str
    value: Any


STYLE = questionary.Style(
    [
        ("qmark", "fg:ansicyan bold"),
        ("question", "bold"),
        ("answer", "fg:ansiyellow bold"),
        ("pointer", "fg:ansicyan bold"),
        ("highlighted", "fg:ansicyan bold"),
        ("selected", "fg:ansigreen"),
        ("instruction", "fg:ansibrightblack"),
        ("text", ""),
    ]
)


def default_output():
    """Prompts go to the terminal: standard output, or standard error when output is redirected
    (so `advisor > report.txt` still shows the questions and leaves only the report in the file)."""
    from prompt_toolkit.output import create_output

    from ..render.terminal import unguarded

    stream = sys.stdout if sys.stdout.isatty() or not sys.stderr.isatty() else sys.stderr
    return create_output(stdout=unguarded(stream))  # prompt_toolkit writes its own escape codes


class Prompter:
    def __init__(self, lang: str, *, input=None, output=None):
        self.lang = lang
        self.input = input
        self.output = output if output is not None else default_output()
        self.on_first_screen: Callable[[], None] | None = None  # called once the first prompt is drawn

    # -- the three prompts -------------------------------------------------------------------

    def select(
        self,
        message: str,
        options: Sequence[Option],
        *,
        default: Any = None,
        back: bool = True,
        why: bool = True,
        echo: bool = True,
    ):
        """One of the options' values, BACK or Help. echo: print the answered line."""
        laid_out, hint = self._layout(message, ("move", "choose") + (("back",) if back else ()) + (("why",) if why else ()))
        question = questionary.select(
            laid_out,
            choices=[questionary.Choice(o.label, value=o.value) for o in options],
            default=_choice(options, default),
            instruction=hint,
            show_description=False,  # its label is English only
            **self._common(),
        )
        result = self._run(question, back=back, why=why, lists=True)
        if echo and not isinstance(result, (_Back, Help)):
            self.answered(message, next(o.label for o in options if o.value == result))
        return result

    def checkbox(
        self,
        message: str,
        options: Sequence[Option],
        *,
        checked: Sequence[Any] = (),
        pointed: Any = None,
        required: str,
        back: bool = False,
        why: bool = True,
    ):
        """The checked values (in the options' order), BACK or Help."""
        laid_out, hint = self._layout(message, ("move", "toggle", "confirm") + (("back",) if back else ()) + (("why",) if why else ()))
        question = questionary.checkbox(
            laid_out,
            choices=[
                questionary.Choice(o.label, value=o.value, checked=o.value in checked)
                for o in options
            ],
            initial_choice=_choice(options, pointed),
            instruction=hint,
            validate=lambda values: True if values else required,
            show_description=False,
            **self._common(),
        )
        return self._run(question, back=back, why=why, lists=True)

    def text(
        self,
        message: str,
        *,
        default: str = "",
        validate: Callable[[str], str | None],
        optional: bool = False,
        back: bool = True,
        why: bool = True,
        shown: Callable[[str], str] | None = None,
        echo: str | None = None,
    ):
        """The text typed (stripped), BACK or Help. validate returns an error message or None;
        shown formats the answer for the answered line, echo replaces the message there."""
        keys = ("type",) + (("skip",) if optional else ()) + (("back",) if back else ()) + (("why",) if why else ())
        laid_out, hint = self._layout(message, keys)
        question = questionary.text(
            laid_out,
            default=default,
            validate=lambda text: validate(text.strip()) or True,
            instruction=hint,
            **self._common(),
        )
        result = self._run(question, back=back, why=why, lists=False)
        if isinstance(result, str):
            result = result.strip()
            self.answered(echo or message, (shown or (lambda text: text))(result) if result else "–")
        return result

    # -- lines around the prompts ------------------------------------------------------------

    def answered(self, message: str, answer: str) -> None:
        """The line that replaces an answered prompt."""
        from rich.text import Text

        self.show(Text.assemble(("?", "bold cyan"), (f" {message} ", "bold"), (answer, "bold yellow")))

    def note(self, text: str) -> None:
        """A quiet paragraph between the questions, wrapped at word boundaries (no rich needed:
        the first screen shows one)."""
        import textwrap

        width = max(40, self.output.get_size().columns - 1)
        wrapped = textwrap.fill(text, width=width, break_long_words=False, break_on_hyphens=False)
        self._print(FormattedText([("class:instruction", wrapped)]))

    def show(self, renderable) -> None:
        """Render with rich and print on the prompts' output, honouring NO_COLOR."""
        from rich.console import Console

        buffer = io.StringIO()
        colour = self.output.get_default_color_depth() != ColorDepth.DEPTH_1_BIT and not os.environ.get("NO_COLOR")
        console = Console(
            file=buffer,
            width=max(40, self.output.get_size().columns - 1),
            force_terminal=True,
            color_system="standard" if colour else None,
            no_color=not colour,
            highlight=False,
            emoji=False,
        )
        console.print(renderable)
        self._print(ANSI(buffer.getvalue().rstrip("\n")))

    # -- machinery ---------------------------------------------------------------------------

    def _print(self, text) -> None:
        print_formatted_text(text, style=STYLE, output=self.output)

    def _common(self) -> dict[str, Any]:
        common: dict[str, Any] = {"qmark": "?", "style": STYLE, "output": self.output}
        if self.input is not None:
            common["input"] = self.input
        return common

    def _layout(self, message: str, keys: Sequence[str]) -> tuple[str, str]:
        """The question and its key hint, wrapped here at word boundaries (the terminal would
        break them anywhere, inside a word or a key's name): the hint follows the question when
        it fits on that line, else it gets lines of its own, broken only between keys."""
        import textwrap

        width = max(self.output.get_size().columns - 1, 20)
        lines = textwrap.wrap(message, width=width - 2, break_long_words=False, break_on_hyphens=False) or [""]
        items = [t(self.lang, "key." + key) for key in keys]
        hint = "(" + " · ".join(items) + ")"
        if 2 + len(lines[-1]) + 1 + len(hint) <= width:
            return "\n  ".join(lines), hint
        rows: list[str] = []
        for index, item in enumerate(items):
            piece = ("(" if index == 0 else "") + item + (")" if index == len(items) - 1 else " ·")
            if rows and len(rows[-1]) + 1 + len(piece) <= width - 2:
                rows[-1] += " " + piece
            else:
                rows.append(piece)
        return "\n  ".join(lines), "\n  " + "\n  ".join(rows)

    def _run(self, question, *, back: bool, why: bool, lists: bool):
        app = question.application
        control = next((c for c in app.layout.find_all_controls() if isinstance(c, InquirerControl)), None)
        bindings = KeyBindings()
        if back:

            def go_back(event) -> None:
                event.app.exit(result=BACK)

            bindings.add("escape", eager=True)(go_back)
            if lists:
                bindings.add("left", eager=True)(go_back)
        if why:
            # in a text prompt, "?" asks why only while nothing is typed; after that it is a character
            empty = Condition(lambda: lists or not app.current_buffer.text)

            @bindings.add("?", eager=True, filter=empty)
            def ask_why(event) -> None:
                if control is None:
                    event.app.exit(result=Help())
                else:
                    pointed = control.get_pointed_at().value
                    event.app.exit(result=Help(pointed=pointed, selected=tuple(control.selected_options)))

        app.key_bindings = merge_key_bindings([app.key_bindings, bindings])
        app.erase_when_done = True
        if self.on_first_screen is not None:
            start, self.on_first_screen = self.on_first_screen, None
            app.after_render += lambda _app: start()
        try:
            return question.unsafe_ask()
        except EOFError:
            raise KeyboardInterrupt from None


def _choice(options: Sequence[Option], value: Any) -> Any:
    """questionary wants the default as one of the choices' values, or nothing."""
    return value if any(o.value == value for o in options) else None
