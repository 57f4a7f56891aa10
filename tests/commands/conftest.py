"""The fixture of each code of `advisor check` (tests/commands/test_check.py) is marked
``check_code(CODE)``, and ``pytest -k CODE`` selects it."""

from __future__ import annotations


def pytest_configure(config):
    config.addinivalue_line("markers", "check_code(code): the fixture of an `advisor check` problem code")


def pytest_collection_modifyitems(items):
    for item in items:
        for mark in item.iter_markers("check_code"):
            item.extra_keyword_matches.add(mark.args[0])
