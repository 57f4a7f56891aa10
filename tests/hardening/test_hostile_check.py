"""`advisor check` on a rule set many times larger than the shipped one: it ends, having looked at a
bounded number of answer sets, and says what it did not check. (The shipped rules are checked in
full: tests/commands/test_check.py.)"""

from __future__ import annotations

import json
import subprocess
import sys

from advisor.check import coverage


def _thresholds(count: int) -> str:
    """count gap rules and count sustain rules, each at its own threshold on one share."""
    lines = ["rules:"]
    for i in range(count):
        for kind, test, recommendation, fire, miss in (
            ("gap", f"lt: {i + 0.5}", "broaden-active-use", 0, 100),
            ("sustain", f"gte: {i + 0.5}", "sustain-broad-active-use", 100, 0),
        ):
            lines += [
                f"  - id: extra-{kind}-{i}", "    description: {en: An extra threshold on the active share., nl: Een extra grens op het aandeel actieven.}",
                "    findings: [alignment-active-breadth]", "    when:", "      - goal: alignment",
                "      - answer: usage.active_share", f"        {test}", f"    then: {{recommend: {recommendation}}}",
                "    examples:", "      - case: fires", "        fires: true",
                f"        answers: {{goals: [alignment], usage: {{active_share: {fire}}}}}",
                "      - case: misses", "        fires: false", f"        answers: {{goals: [alignment], usage: {{active_share: {miss}}}}}",
            ]
    return "\n".join(lines) + "\n"


def test_a_large_rule_set_is_checked_within_bounds_and_the_report_says_what_was_skipped(knowledge_copy):
    (knowledge_copy / "rules" / "extra.yaml").write_text(_thresholds(40), encoding="utf-8")
    command = [sys.executable, "-m", "advisor", "check", "--format", "json", "--engine", "python",
               "--findings", str(knowledge_copy / "findings.yaml"), "--rules", str(knowledge_copy / "rules")]
    # the timeout only tells a hang from an answer: the check takes seconds, and did not end before
    completed = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert completed.returncode == 3, completed.stderr  # the extra rules contradict each other
    report = json.loads(completed.stdout)
    rules = report["counts"]["rules"]
    assert rules == 54 + 80
    bound = coverage.MAX_WORK // rules
    grid = report["grid"]
    assert grid["combinations"] <= bound and grid["skipped"], grid["combinations"]
    assert sum(s["combinations"] for s in grid["skipped"]) > bound  # far more than was enumerated
    skipped = " ".join(report["skipped"])
    assert "pairs of rules not compared for opposite conclusions" in skipped
    assert "goal selections not enumerated in the grid" in skipped
    assert any(p["code"] == "contradiction" for p in report["problems"])  # what was checked, was reported
