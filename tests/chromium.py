"""Debian's Chromium, driven by Playwright, for the tests that look at pages in a real browser.

Playwright cannot download browsers here; it drives the system's Chromium (`executable_path`),
and the tests that use it skip where it is not installed (CI installs it: .ci/run). Screenshots
go to $ADVISOR_SCREENSHOTS when it is set (a folder outside the repository), else to the test's
temporary folder. tests/conftest.py loads this module as a plugin, so its fixtures (browser,
screenshots) are there for every test; a module that needs the browser says so:

    from chromium import needs_chromium
    pytestmark = needs_chromium
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
needs_chromium = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason="Debian's Chromium is not installed (apt-get install chromium)"
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """A browser context with a fresh profile, shared by a module's tests."""
    sync_api = pytest.importorskip("playwright.sync_api")
    sync_api.expect.set_options(timeout=10_000)
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True, args=ARGS,
        )
        context.set_default_timeout(10_000)
        yield context
        context.close()


@pytest.fixture
def screenshots(tmp_path) -> Path:
    folder = Path(os.environ.get("ADVISOR_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
