"""`advisor whatif` and `advisor diff` in the terminal: the advice before and after, what changed
and which rules made it change."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from ..i18n import t
from ..schema import Advice, Comparison, ConclusionChange
from .conditions import add_conditions, rule_label, value_text
from .explanation import STATUS_STYLE, ascii_only

SIGNS = {"added": ("+ ", "green"), "removed": ("- ", "red"), "changed": ("~ ", "yellow")}


def render_comparison(comparison: Comparison, console: Console, title: str, labels: dict[str, str]) -> None:
    lang = comparison.lang
    plain = ascii_only(console)
    console.print(Text(title, style="bold"))
    console.print()
    console.print(Text(t(lang, "compare.answers"), style="bold underline"))
    if not comparison.answers:
        console.print("  " + t(lang, "compare.no_answer_change"))
    for change in comparison.answers:
        console.print(Text(f"  {change.key}: {value_text(change.before, lang)} -> {value_text(change.after, lang)}", style="cyan"))
    if comparison.derived:
        console.print(Text(t(lang, "compare.derived"), style="bold underline"))
        for change in comparison.derived:
            before = ", ".join(change.before) or "-"
            after = ", ".join(change.after) or "-"
            console.print(Text(f"  {change.name}: {before} -> {after}", style="cyan"))
    console.print()
    for heading, advice in (("compare.before", comparison.before), ("compare.after", comparison.after)):
        console.print(_advice_tree(Text(t(lang, heading), style="bold underline"), advice, labels))
    if comparison.before.recommendations or comparison.after.recommendations:
        console.print(Text(t(lang, "heuristics"), style="dim"))
    console.print()
    tree = Tree(Text(t(lang, "compare.changes"), style="bold underline"))
    if not comparison.changes:
        tree.add(t(lang, "compare.no_changes"))
    for change in comparison.changes:
        _change(tree, change, lang, labels, plain)
    console.print(tree)
    if comparison.unchanged:
        console.print(Text.assemble((t(lang, "compare.unchanged") + ": ", "bold"), (", ".join(comparison.unchanged), "dim")))


def _advice_tree(label: Text, advice: Advice, labels: dict[str, str]) -> Tree:
    lang = advice.lang
    tree = Tree(label, guide_style="dim")
    for rec in advice.recommendations:
        goals = ", ".join(labels.get(goal, goal) for goal in rec.goals)
        basis = f" · {t(lang, 'kind.conclusion')}" if rec.basis == "conclusion" else ""
        tree.add(
            Text.assemble(
                f"{rec.priority}. {rec.title}  ",
                (f"[{t(lang, 'status.' + rec.status)}]", STATUS_STYLE[rec.status]),
                (f"  {rec.id} · {goals}{basis}", "dim"),
            )
        )
    if not advice.recommendations:
        tree.add(t(lang, "no_recommendations"))
    notices = [("! ", "yellow", n) for n in advice.warnings] + [("i ", "blue", n) for n in advice.caveats]
    for sign, style, notice in notices:
        tree.add(Text.assemble((sign, style), (notice.id, style)))
    return tree


def _change(tree: Tree, change: ConclusionChange, lang: str, labels: dict[str, str], plain: bool) -> None:
    sign, style = SIGNS[change.change]
    label = Text.assemble((sign, style), (change.text, "bold"), (f"  {change.id}", "dim"))
    if change.change == "changed":
        label.append(f"  {t(lang, 'compare.changed')}: " + _differences(change, lang, labels), style=style)
    else:
        label.append(f"  {t(lang, f'compare.{change.change}.{change.kind}')}", style=style)
        state = change.after if change.change == "added" else change.before
        if state and state.get("goals"):
            label.append(" · " + ", ".join(labels.get(goal, goal) for goal in state["goals"]), style="dim")
    node = tree.add(label)
    for trace in change.rules:
        if change.change == "changed":
            verdict = t(lang, "whynot.fires" if trace.fired else "whynot.does_not_fire")
        else:
            verdict = t(lang, "compare.now_fires" if trace.fired else "compare.no_longer_fires")
        rule = node.add(Text.assemble(rule_label(trace, lang, ascii_only=plain, verdict=False), (f"  [{verdict}]", "dim")))
        add_conditions(rule, trace, lang, ascii_only=plain, labels=labels)


def _differences(change: ConclusionChange, lang: str, labels: dict[str, str]) -> str:
    before, after = change.before or {}, change.after or {}
    parts = []
    if before.get("priority") != after.get("priority"):
        parts.append(t(lang, "compare.priority", before=before.get("priority"), after=after.get("priority")))
    if before.get("goals") != after.get("goals"):

        def names(goals):
            return ", ".join(labels.get(goal, goal) for goal in goals or []) or "-"

        parts.append(t(lang, "compare.goals", before=names(before.get("goals")), after=names(after.get("goals"))))
    return "; ".join(parts)
