"""Fixtures for the workshop tests: workshop files with known responses."""

from __future__ import annotations

import pytest

from advisor.schema import Answers
from advisor.workshop import store

from workshop_teams import TEAMS


@pytest.fixture(autouse=True)
def _state_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture
def make_workshop(tmp_path):
    """A workshop file with the given {team or None: answers} responses."""

    def make(responses: dict | list = TEAMS, *, lang: str = "en", min_group_size: int = 3, name: str = "Masterclass"):
        path = store.create(name, lang=lang, min_group_size=min_group_size, directory=tmp_path, force=True)
        items = responses.items() if isinstance(responses, dict) else [(None, answers) for answers in responses]
        entries = [store.Entry(Answers.model_validate(answers), team) for team, answers in items]
        if entries:
            store.add_entries(path, entries)
        return path

    return make
