"""The findings as the rules use them: each cited by a rule, one per outcome and usage."""

from __future__ import annotations

from ...i18n import t
from ..lint import Lint
from ..registry import declare


@declare("uncited-finding")
def uncited(lint: Lint) -> None:
    """A finding or statement no rule cites is evidence the advice never shows."""
    knowledge = lint.knowledge
    cited = {ref for rule in knowledge.rules for ref in rule.findings}
    for id_ in list(knowledge.findings) + list(knowledge.statements):
        if id_ not in cited:
            lint.add(
                "uncited-finding",
                "finding",
                id_,
                (),
                t(lint.lang, "check.uncited-finding", id=repr(id_)),
                t(lint.lang, "check.uncited-finding.hint"),
            )


@declare("duplicate-pair")
def pairs(lint: Lint) -> None:
    """One finding per (construct, usage) pair: a compound sentence becomes several findings."""
    seen: dict[tuple[str, str], str] = {}
    for finding in lint.knowledge.findings.values():
        pair = (finding.construct, finding.usage)
        if pair in seen:
            lint.add(
                "duplicate-pair",
                "finding",
                finding.id,
                ("usage",),
                t(
                    lint.lang, "check.duplicate-pair",
                    id=repr(finding.id), other=repr(seen[pair]), construct=pair[0], usage=pair[1],
                ),
                t(lint.lang, "check.duplicate-pair.hint"),
            )
        else:
            seen[pair] = finding.id
