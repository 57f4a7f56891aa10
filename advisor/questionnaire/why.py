""""Why is this asked?": a question's help text, with the rules that read its answer for the
chosen goals and the findings of the study those rules rest on."""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from ..i18n import t


def explanation(flow, key: str, goals: list[str]) -> Panel:
    lang = flow.lang
    knowledge = flow.knowledge
    question = flow.questions[key]
    parts: list = [Text(question.help.get(lang))]
    if key == "goals":
        parts += [Text(""), Text(t(lang, "q.why_goals"), style="bold")]
        for profile in knowledge.goal_profiles.values():
            parts.append(_indented(Text.assemble((profile.label.get(lang), "cyan"), ": ", profile.strategy.get(lang)), 2))
            parts.append(_indented(Text(", ".join(profile.findings), style="dim"), 4))
    elif key.startswith("organisation."):
        pass  # its help says what it is for, and that no rule reads it
    else:
        need = flow.dependencies.needs(tuple(goals)).get(key, {"goals": [], "rules": []})
        parts += [Text(""), Text(t(lang, "q.why_rules", goals=flow.goal_labels(need["goals"] or goals)), style="bold")]
        for rule_id in need["rules"]:
            rule = knowledge.rules_by_id[rule_id]
            parts.append(_indented(Text.assemble((rule_id, "cyan"), f": {rule.description.get(lang)}"), 2))
        cited = {ref for rule_id in need["rules"] for ref in knowledge.rules_by_id[rule_id].findings}
        if cited:
            parts += [Text(""), Text(t(lang, "q.why_findings"), style="bold")]
            for ref in sorted(cited, key=knowledge.finding_order.__getitem__):
                item = knowledge.findings.get(ref) or knowledge.statements[ref]
                parts.append(_indented(Text.assemble((ref, "cyan"), ": ", item.summary.get(lang)), 2))
                note = getattr(item, "note", None)
                if note is not None:  # how an inferred relation was read, and more
                    parts.append(_indented(Text(f"{t(lang, 'note')}: {note.get(lang)}", style="dim"), 4))
    return Panel(Group(*parts), title=t(lang, "q.why_title"), title_align="left", border_style="cyan")


def _indented(text: Text, indent: int) -> Padding:
    """A paragraph whose continued lines keep its indentation."""
    return Padding(text, (0, 0, 0, indent))
