"""What a live workshop changes in the workshop file: responses from devices, collection open or
closed, reveals, a question reset; and files without these fields still load as before."""

from __future__ import annotations

import json

import pytest

from advisor.errors import AdvisorError
from advisor.schema import Answers
from advisor.workshop import live, store

from workshop_teams import BLUE, RED

PHONE = "a" * 64
OTHER = "b" * 64


def test_a_file_from_before_live_sessions_loads_and_is_written_as_it_was(make_workshop):
    path = make_workshop()
    text = path.read_text(encoding="utf-8")
    assert "device" not in text and "collection" not in text and "revealed" not in text
    workshop = store.load(path)
    assert workshop.collection is None and workshop.revealed is None
    assert all(response.device is None for response in workshop.responses)
    store.update(path, lambda w: w)
    assert path.read_text(encoding="utf-8") == text


def test_a_device_sends_one_response_and_changes_it(make_workshop):
    path = make_workshop({})
    workshop, response = live.submit(path, Answers.model_validate(BLUE), team="Blue", device=PHONE)
    assert (response.number, response.team, response.device) == (1, "Blue", PHONE)
    with pytest.raises(AdvisorError, match="sent its answers already"):
        live.submit(path, Answers.model_validate(RED), team=None, device=PHONE)
    workshop, changed = live.submit(path, Answers.model_validate(RED), team="Blue", device=PHONE, number=1)
    assert changed.number == 1 and [r.answers.goals for r in workshop.responses] == [RED["goals"]]
    with pytest.raises(AdvisorError, match="not sent from this phone"):
        live.submit(path, Answers.model_validate(BLUE), team="Mallory", device=OTHER, number=1)
    assert json.loads(path.read_text())["responses"][0]["device"] == PHONE


def test_more_responses_per_device_when_allowed_and_teams_stay_distinct(make_workshop):
    path = make_workshop({"Red": RED})
    live.submit(path, Answers.model_validate(BLUE), team="Blue", device=PHONE, per_device=2)
    with pytest.raises(AdvisorError) as refused:
        live.submit(path, Answers.model_validate(BLUE), team="red", device=PHONE, per_device=2)
    assert refused.value.problems[0].field == "team"
    live.submit(path, Answers.model_validate(BLUE), team=None, device=PHONE, per_device=2)
    anonymous = store.load(path).responses[-1]
    assert anonymous.team is None and anonymous.answers.organisation is None  # anonymised as `add` does


def test_closed_collection_refuses_answers_and_opens_again(make_workshop):
    path = make_workshop({})
    live.set_collection(path, False)
    assert store.load(path).collection == "closed"
    with pytest.raises(AdvisorError, match="closed"):
        live.submit(path, Answers.model_validate(BLUE), team=None, device=PHONE)
    live.set_collection(path, True)
    assert store.load(path).collection is None
    live.submit(path, Answers.model_validate(BLUE), team=None, device=PHONE)


def test_the_cap_holds_for_devices_too(make_workshop, monkeypatch):
    monkeypatch.setattr(store, "MAX_RESPONSES", 1)
    path = make_workshop({"Red": RED})
    with pytest.raises(AdvisorError, match="the most it can"):
        live.submit(path, Answers.model_validate(BLUE), team=None, device=PHONE)


def test_reset_clears_one_question_and_hides_its_screen(make_workshop):
    path = make_workshop()
    live.reveal(path, "question:usage.active_share")
    live.reveal(path, "ranking")
    live.reveal(path, "ranking")
    assert store.load(path).revealed == ["question:usage.active_share", "ranking"]
    workshop, cleared = live.reset_question(path, "usage.active_share")
    assert cleared == 3
    assert all(r.answers.usage.active_share == "unknown" for r in workshop.responses)
    assert all(r.answers.usage.active_frequency != "unknown" for r in workshop.responses[:2])  # others kept
    assert store.load(path).revealed == ["ranking"]
    with pytest.raises(AdvisorError):
        live.reset_question(path, "goals")


@pytest.mark.parametrize("text, expected", [("  Blue   team ", "Blue team"), ("", None), ("   ", None), ("Équipe 7", "Équipe 7")])
def test_team_names_are_tidied(text, expected):
    assert live.team_name(text, "en") == expected


@pytest.mark.parametrize("text", ["a\x1b[31m", "b\x00", "c\u202ed", "x" * 61])
def test_team_names_that_could_steer_a_terminal_or_are_too_long_are_refused(text):
    with pytest.raises(AdvisorError) as refused:
        live.team_name(text, "nl")
    assert refused.value.problems[0].field == "team"
