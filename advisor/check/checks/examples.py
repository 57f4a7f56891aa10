"""The examples each rule carries (a case where it fires and a near miss where it does not) hold."""

from __future__ import annotations

from ...i18n import t
from ..examples import ExampleResult, run_examples
from ..lint import Lint
from ..registry import declare


@declare("example-fails")
def examples(lint: Lint) -> None:
    results = run_examples(lint.advisor)
    positions = {
        (rule.id, example.case): index for rule in lint.knowledge.rules for index, example in enumerate(rule.examples)
    }
    for result in results:
        if result.ok:
            continue
        lint.add(
            "example-fails",
            "rules",
            result.rule,
            ("examples", positions[(result.rule, result.case)]),
            t(lint.lang, "check.example-fails", rule=repr(result.rule), case=repr(result.case), what=_what(lint, result)),
            t(lint.lang, "check.example-fails.hint", test=result.test_id),
        )
    lint.examples = {"run": len(results), "passed": sum(1 for r in results if r.ok)}


def _what(lint: Lint, result: ExampleResult) -> str:
    if result.invalid:
        return t(lint.lang, "check.example-fails.accepted")
    if result.rejected:
        return t(lint.lang, "check.example-fails.refused", detail=result.detail.splitlines()[0] if result.detail else "")
    return t(lint.lang, "check.example-fails.should_fire" if result.expected else "check.example-fails.should_not_fire")
