"""`advisor explain` in the terminal: the chain from answers to advice as a tree, and why-not."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from ..i18n import t
from ..vocabulary import answer_label
from ..schema import ConclusionTrace, Evidence, Explanation, WhyNot
from .conditions import add_conditions, needs, rule_label, value_text
from .markdown import evidence_line, note_line

STYLES = {"recommendation": "bold", "warning": "yellow", "caveat": "blue"}
HEADINGS = {"recommendation": "recommendations", "warning": "warnings", "caveat": "caveats"}
STATUS_STYLE = {"gap": "bold yellow", "sustain": "bold green"}


def ascii_only(console: Console) -> bool:
    return not console.encoding.lower().startswith("utf")


def render_explanation(explanation: Explanation, console: Console, total_rules: int, labels: dict[str, str]) -> None:
    lang = explanation.lang
    plain = ascii_only(console)
    goals = ", ".join(labels.get(goal, goal) for goal in explanation.goals)
    root = Tree(Text.assemble((t(lang, "explain.title"), "bold"), " ", t(lang, "explain.for_goals", goals=goals)))

    answers = root.add(Text(t(lang, "explain.answers"), style="bold underline"))
    for answer in explanation.answers:
        needed = (
            t(lang, "explain.needed_by", goals=", ".join(labels.get(goal, goal) for goal in answer.needed_by))
            if answer.needed_by
            else t(lang, "explain.not_needed")
        )
        answers.add(
            Text.assemble(
                (f"{answer.key} = {value_text(answer.value, lang)}", "cyan" if answer.needed_by else "dim"),
                (f"  {answer_label(lang, answer.key)} · {needed}", "dim"),
            )
        )

    derived = root.add(Text(t(lang, "explain.derived"), style="bold underline"))
    for fact in explanation.derived:
        derived.add(
            Text.assemble((f"{fact.name} = {fact.value}", "cyan"), (f"  {t(lang, 'explain.derived_by', rule=fact.rule)}", "dim"))
        )
    if not explanation.derived:
        derived.add(Text(t(lang, "explain.none"), style="dim"))

    fired = t(lang, "explain.fired", count=len(explanation.trace), total=total_rules)
    root.add(Text.assemble((fired, "bold underline"), "\n", (", ".join(explanation.trace), "dim")))

    for kind in ("recommendation", "warning", "caveat"):
        items = [c for c in explanation.conclusions if c.kind == kind]
        branch = root.add(Text(t(lang, HEADINGS[kind]), style="bold underline"))
        if not items:
            branch.add(Text(t(lang, "explain.none"), style="dim"))
        for item in items:
            _conclusion(branch, item, lang, labels, plain)
    if explanation.parameters:
        thresholds = root.add(Text(t(lang, "explain.parameters"), style="bold underline"))
        for parameter in explanation.parameters:
            node = thresholds.add(Text.assemble((f"{parameter.name} = {value_text(parameter.value, lang)}", "cyan"), f"  {parameter.description}"))
            node.add(Text(parameter.provenance, style="dim"))
    console.print(root)
    if any(item.kind == "recommendation" for item in explanation.conclusions):
        console.print(Text(t(lang, "heuristics"), style="dim"))


def _conclusion(parent: Tree, item: ConclusionTrace, lang: str, labels: dict[str, str], plain: bool) -> None:
    label = Text()
    if item.kind == "recommendation":
        label.append(f"{item.priority}. {item.text}", style="bold")
        label.append(f"  [{t(lang, 'status.' + (item.status or 'gap'))}]", style=STATUS_STYLE.get(item.status or "", ""))
        if item.basis == "conclusion":
            label.append(f"  {t(lang, 'basis.conclusion')}", style="magenta")
    else:
        label.append(("! " if item.kind == "warning" else "i "), style=STYLES[item.kind])
        label.append(item.text)
    label.append(f"  {item.id}", style="dim")
    if item.goals:
        label.append(" · " + ", ".join(labels.get(goal, goal) for goal in item.goals), style="dim")
    node = parent.add(label)
    for trace in item.rules:
        rule = node.add(rule_label(trace, lang, ascii_only=plain, verdict=False))
        add_conditions(rule, trace, lang, ascii_only=plain, labels=labels)
    if item.evidence:
        evidence = node.add(Text(t(lang, "explain.evidence"), style="bold"))
        for entry in item.evidence:
            _evidence(evidence, entry, lang, labels)


def _evidence(parent: Tree, entry: Evidence, lang: str, labels: dict[str, str]) -> None:
    node = parent.add(Text.assemble(("• ", "cyan"), evidence_line(entry, lang, labels)))
    node.add(Text(entry.summary))
    if entry.note:
        node.add(Text(note_line(entry, lang), style="dim"))
    node.add(Text(f"“{entry.quote}”", style="italic dim"))


def render_why_not(answer: WhyNot, console: Console, labels: dict[str, str]) -> None:
    lang = answer.lang
    plain = ascii_only(console)
    console.print(Text.assemble((t(lang, "whynot.title", id=answer.id), "bold"), "  ", (answer.text, "dim")))
    goals = ", ".join(labels.get(goal, goal) for goal in answer.goals)
    if answer.kind == "rule":
        if answer.in_advice:
            line = t(lang, "whynot.rule_fired", goals=goals) if goals else t(lang, "whynot.rule_fired_general")
        else:
            line = t(lang, "whynot.rule_not_fired")
    elif answer.in_advice:
        if answer.priority is not None:
            line = t(lang, "whynot.in_advice", priority=answer.priority, goals=goals)
        else:
            line = t(lang, "whynot.in_advice_notice", goals=goals)
    else:
        line = t(lang, "whynot.not_in_advice")
    console.print(Text(line, style="green" if answer.in_advice else "yellow"))
    fired = sum(1 for trace in answer.rules if trace.fired)
    tree = Tree(Text(t(lang, "whynot.rules", count=len(answer.rules), fired=fired), style="bold"))
    for trace in answer.rules:
        node = tree.add(rule_label(trace, lang, ascii_only=plain))
        add_conditions(node, trace, lang, ascii_only=plain, labels=labels)
    console.print(tree)
    closest = next((trace for trace in answer.rules if not trace.fired), None)
    if closest is not None and not answer.in_advice:
        console.print(Text(t(lang, "whynot.needs", rule=closest.rule, conditions=t(lang, "whynot.and").join(needs(closest, lang, labels)))))
