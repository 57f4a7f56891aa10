"""Fixtures for the web front end: a workshop file, its app, and clients of it (web_pages.py)."""

from __future__ import annotations

import pytest

from advisor.reasoning.pipeline import advisor_for
from advisor.web.app import create_workshop_app
from advisor.web.security import Keys
from advisor.workshop import store

from web_pages import Client


@pytest.fixture(autouse=True)
def _state_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture
def workshop(tmp_path):
    """A new, empty workshop file (minimum group size 3, English)."""
    return store.create("Masterclass Zwolle", lang="en", min_group_size=3, directory=tmp_path)


@pytest.fixture
def make_app():
    """An app for a workshop file, with its keys (the presenter token among them)."""

    def make(path, **options):
        keys = options.pop("keys", None) or Keys()
        app = create_workshop_app(path, advisor=advisor_for(), join_url="http://testserver/", keys=keys, **options)
        return app, keys

    return make


@pytest.fixture
def clients():
    """clients(app, address=...) -> a new Client; all are closed after the test."""
    made: list[Client] = []

    def make(app, address: str = "127.0.0.1") -> Client:
        made.append(Client(app, address))
        return made[-1]

    yield make
    for client in made:
        client.close()
