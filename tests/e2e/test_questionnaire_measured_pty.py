"""`advisor --usage-from EXPORT` in a real pseudo-terminal: the usage is measured before the first
question, shown once the goals are chosen and not asked again; the purposes are asked; the report
says the usage was measured, with the period and of whom, beside the correlation caveat."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from measure_exports import viva_engage  # noqa: E402

from test_questionnaire_pty import DOWN, ENTER, SPACE, Terminal  # noqa: E402

pytest.importorskip("pexpect")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

# 2 of 8 employees posted (25%), 3 of 8 read (37.5%)
PEOPLE = [("Anna", "Activated", 4, 12, 0), ("Bram", "Activated", 1, 3, 0), ("Cor", "Activated", 0, 30, 2), ("Dirk", "Activated", 0, 0, 0)]


def test_the_questionnaire_with_measured_usage(tmp_path):
    viva_engage(tmp_path / "engage.csv", PEOPLE)
    term = Terminal("--usage-from", "engage.csv", "--employees", "8", home=tmp_path, lang="en_GB.UTF-8", colour=False)
    term.answer("contribute to\\?", SPACE + ENTER)  # alignment
    term.answer("Use these measured figures\\?", ENTER)  # use them
    term.answer("strategy discussed", DOWN + ENTER)  # sometimes
    term.answer("Name of your organisation", ENTER)
    term.answer("Number of employees", ENTER)
    term.answer("What next\\?", DOWN * 2 + ENTER)  # save the answers
    term.answer("Save as", ENTER)
    term.answer("Saved: ", "")
    term.answer("What next\\?", DOWN * 3 + ENTER)  # done
    code, screen = term.finish()
    assert code == 0, screen
    flat = " ".join(screen.split())
    assert "Measured from a Viva Engage export covering the 30 days up to 2024-05-31, of 8 employees" in flat
    assert "What share of your employees posted or reacted" not in screen
    assert "The usage figures were measured, not estimated" in flat
    assert flat.index("Caveats") < flat.index("The usage figures were measured, not estimated")
    saved = yaml.safe_load((tmp_path / "answers.yaml").read_text(encoding="utf-8"))
    assert saved["usage"]["active_share"] == 25 and saved["purposes"]["strategy_dialogue"] == "sometimes"
    assert saved["measured"]["platform"] == "viva-engage"
