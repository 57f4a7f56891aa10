"""Running the examples each rule carries: the answers under which it must (or must not) fire."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import AdvisorError
from ..reasoning.pipeline import Advisor
from ..schema import Example, Rule


@dataclass(frozen=True)
class ExampleResult:
    rule: str
    case: str
    expected: bool  # expected to fire
    fired: bool
    rejected: bool  # the answers were refused
    invalid: bool = False  # the example says the answers must be refused
    detail: str = ""

    @property
    def ok(self) -> bool:
        if self.invalid or self.rejected:
            return self.invalid and self.rejected
        return self.fired == self.expected

    @property
    def test_id(self) -> str:
        return f"{self.rule}-{self.case}"


def run_example(advisor: Advisor, rule: Rule, example: Example) -> ExampleResult:
    try:
        advice = advisor.advise(example.answers)
    except AdvisorError as error:
        return ExampleResult(rule.id, example.case, example.fires, False, True, example.invalid, error.render())
    fired = rule.id in advice.trace
    detail = "the answers were accepted" if example.invalid else ""
    return ExampleResult(rule.id, example.case, example.fires, fired, False, example.invalid, detail)


def run_examples(advisor: Advisor) -> list[ExampleResult]:
    rules = advisor.knowledge.rules
    return [run_example(advisor, rule, example) for rule in rules for example in rule.examples]
