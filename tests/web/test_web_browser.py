"""In a real browser (Debian's Chromium, driven by Playwright): a participant answers on a phone
by keyboard alone, and a presenter on a projector sees the count rise live and reveals.

Playwright cannot download browsers here; it drives the system's Chromium. Where that is not
installed these tests skip (CI installs it: .ci/run). Screenshots go to $ADVISOR_SCREENSHOTS
when it is set (a folder outside the repository), else to the test's temporary folder.
"""

from __future__ import annotations

import asyncio
import threading
import time
from contextlib import contextmanager

import httpx
from chromium import needs_chromium  # the browser and screenshots fixtures: tests/chromium.py

from advisor.schema import Answers
from advisor.web.network import bind
from advisor.workshop import store

from web_pages import walk


def expect(locator):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)

pytestmark = needs_chromium


@contextmanager
def serving(app):
    """The app on 127.0.0.1, on a free port, in a thread of this process."""
    import uvicorn

    sock = bind("127.0.0.1", 0, lang="en")
    server = uvicorn.Server(uvicorn.Config(app, lifespan="off", log_level="warning", access_log=False, timeout_graceful_shutdown=1))
    thread = threading.Thread(target=lambda: asyncio.run(server.serve(sockets=[sock])), daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def tab_to(page, selector: str, limit: int = 25) -> None:
    """Press Tab until the element the selector names has the focus (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_a_participant_answers_on_a_phone_by_keyboard_alone(browser, workshop, make_app, screenshots):
    app, _ = make_app(workshop)
    page = browser.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    with serving(app) as join:
        page.goto(join)
        tab_to(page, 'a[href="/answer"]')
        page.keyboard.press("Enter")
        page.wait_for_url("**/answer/team")
        tab_to(page, "#team-field")
        page.keyboard.type("Phone team")
        page.keyboard.press("Enter")  # Enter in the field sends the form
        page.wait_for_url("**/answer/goals")
        tab_to(page, "#goal-alignment")
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
        page.keyboard.press("Space")  # engagement, the next goal
        tab_to(page, "button[type=submit]")
        page.keyboard.press("Enter")
        page.wait_for_url("**/answer/order")
        tab_to(page, "#rank1")
        page.keyboard.press("ArrowDown")  # engagement first
        tab_to(page, "#rank2")
        page.keyboard.press("ArrowUp")
        tab_to(page, "button[type=submit]")
        page.keyboard.press("Enter")
        page.wait_for_url("**/answer/usage.active_share")
        tab_to(page, 'input[name="value"]')
        for _ in range(4):  # past the four bands to "another percentage"
            page.keyboard.press("ArrowDown")
        tab_to(page, "#typed-field")
        page.keyboard.type("12.5")
        page.screenshot(path=str(screenshots / "participant-question-390x844.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
        page.set_viewport_size({"width": 360, "height": 740})
        assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nor on a small phone
        page.set_viewport_size({"width": 390, "height": 844})
        before = page.url
        page.keyboard.press("Enter")
        while True:  # the other questions the goals need: the first answer of each
            page.wait_for_url(lambda url, before=before: url != before)
            page.wait_for_load_state()
            if "/answer/review" in page.url:
                break
            before = page.url
            tab_to(page, 'input[name="value"]')
            page.keyboard.press("Space")
            tab_to(page, "button[type=submit]")
            page.keyboard.press("Enter")
        assert "12.5%" in page.inner_text("main") and "Phone team" in page.inner_text("main")
        tab_to(page, "form button[type=submit]")
        page.keyboard.press("Enter")
        page.wait_for_url("**/thanks")
        assert "Thank you" in page.inner_text("h1")
        page.screenshot(path=str(screenshots / "participant-thanks-390x844.png"), full_page=True)
        page.set_viewport_size({"width": 360, "height": 740})
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.close()
    (response,) = store.load(workshop).responses
    assert response.team == "Phone team"
    assert response.answers.goals == ["engagement", "alignment"]
    assert response.answers.usage.active_share == 12.5


def test_a_presenter_sees_the_count_rise_live_and_reveals(browser, tmp_path, make_app, screenshots):
    path = store.create("Masterclass Zwolle", lang="en", min_group_size=2, directory=tmp_path)
    store.add_entries(path, [store.Entry(Answers.model_validate({"goals": ["alignment"], "usage": {"active_share": 8}}), "Blue")])
    app, keys = make_app(path)
    page = browser.new_page()
    page.set_viewport_size({"width": 1280, "height": 720})
    with serving(app) as join:
        app.state.live.join_url = join  # the address the QR code shows: this server's
        page.goto(join + "present?token=" + keys.presenter_token)
        assert page.url == join + "present"  # the token is gone from the address bar
        assert page.inner_text("#count") == "1"
        page.evaluate("window.stillTheSamePage = true")
        with httpx.Client(base_url=join, timeout=20) as phone:  # a participant sends, elsewhere
            assert walk(phone, {"team": "Red", "goals": ["engagement", "alignment"], "usage.active_share": "25-50"})[0].status_code == 303
        expect(page.locator("#count")).to_have_text("2")  # Playwright polls; the page's policy forbids eval
        assert page.evaluate("window.stillTheSamePage === true")  # updated live, not reloaded
        page.screenshot(path=str(screenshots / "presenter-responses-1280x720.png"))
        page.keyboard.press("Space")  # the next screen: the group's goals, hidden
        page.wait_for_selector("body[data-screen='ranking']")
        assert "Press r or space to reveal" in page.inner_text("main")
        page.keyboard.press("r")
        page.wait_for_selector("body[data-screen='ranking'][data-revealed='true']")
        assert "pts" in page.inner_text("main")
        page.screenshot(path=str(screenshots / "presenter-revealed-1280x720.png"))
        page.keyboard.press("PageDown")  # a clicker: the first question, hidden ...
        page.wait_for_selector("body[data-screen^='question:']")
        page.keyboard.press("PageDown")  # ... and the next press reveals it
        page.wait_for_selector("body[data-revealed='true'][data-screen^='question:']")
        page.close()
    assert "ranking" in store.load(path).revealed
