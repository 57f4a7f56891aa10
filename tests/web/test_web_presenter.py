"""The presenter in a browser: the present screens of the terminal, hidden answers until
revealed, the minimum group size exactly as in the terminal, and the controls."""

from __future__ import annotations

from urllib.parse import unquote

from markupsafe import escape

from advisor.reasoning.pipeline import advisor_for
from advisor.workshop import store
from advisor.workshop.screens import build_screens
from advisor.workshop.summary import summarise

from web_pages import presenter, presenter_csrf, walk

TEAMS = [
    {"team": "Blue", "goals": ["alignment", "engagement"], "usage.active_share": "0-10", "usage.active_frequency": "weekly"},
    {"team": "Red", "goals": ["engagement", "alignment"], "usage.active_share": "25-50", "usage.active_frequency": "daily"},
    {"team": "", "goals": ["alignment"], "usage.active_share": "10-25"},
]


def answered(app, clients, count: int) -> None:
    for n, answers in enumerate(TEAMS[:count]):
        assert walk(clients(app, f"10.2.0.{n}"), answers)[0].status_code == 303


def deck(boss) -> list[str]:
    """The screen keys, in order, by following the next links from the first screen."""
    keys, url = [], "/present"
    while url:
        page = boss.get(url)
        assert page.status_code == 200
        keys.append(unquote(page.text.split('data-screen="', 1)[1].split('"', 1)[0]))
        url = page.text.split('data-next="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    return keys


def test_the_screens_are_the_terminals_screens(workshop, make_app, clients):
    app, keys = make_app(workshop)
    answered(app, clients, 3)
    boss = presenter(clients(app), keys)
    terminal = [screen.key for screen in build_screens(summarise(store.load(workshop), advisor_for()), workshop.name)]
    assert deck(boss) == terminal
    assert terminal[0] == "responses" and "ranking" in terminal and "team:blue" in terminal and terminal[-1] == "end"


def test_the_first_screen_shows_the_count_and_the_join_address_as_a_qr_code(workshop, make_app, clients):
    app, keys = make_app(workshop)
    answered(app, clients, 1)
    page = presenter(clients(app), keys).get("/present")
    assert '<p class="big" id="count" aria-live="polite">1</p>' in page.text
    assert '<svg viewBox="0 0' in page.text and "QR code of the join address http://testserver/" in page.text
    assert '<p class="join-url">http://testserver/</p>' in page.text
    assert keys.presenter_token not in page.text


def test_below_the_minimum_group_size_only_the_count_is_shown(workshop, make_app, clients):
    app, keys = make_app(workshop)
    answered(app, clients, 2)
    boss = presenter(clients(app), keys)
    assert deck(boss) == ["responses"]
    page = boss.get("/present?screen=ranking")  # not there yet: the first screen instead
    assert 'data-screen="responses"' in page.text and "1 to go" in page.text
    refused = boss.post("/present/reveal", data={"csrf": presenter_csrf(boss), "screen": "ranking"})
    assert refused.status_code == 409
    assert store.load(workshop).revealed is None


def test_answers_stay_hidden_until_revealed_and_the_reveal_is_in_the_file(workshop, make_app, clients):
    app, keys = make_app(workshop)
    answered(app, clients, 3)
    boss = presenter(clients(app), keys)
    hidden = boss.get("/present?screen=ranking")
    assert "Press r or space to reveal" in hidden.text and "pts" not in hidden.text
    assert 'data-revealable="true" data-revealed="false"' in hidden.text
    revealed = boss.post("/present/reveal", data={"csrf": presenter_csrf(boss), "screen": "ranking"})
    assert revealed.status_code == 303 and revealed.headers["location"] == "/present?screen=ranking"
    shown = boss.get("/present?screen=ranking")
    assert "pts" in shown.text and "The group&#39;s goals:" in shown.text
    assert store.load(workshop).revealed == ["ranking"]
    # a second server on the same file (a laptop and the projector's own) sees it revealed
    second, second_keys = make_app(workshop)
    assert "pts" in presenter(clients(second), second_keys).get("/present?screen=ranking").text


def test_a_question_answered_by_fewer_than_the_minimum_stays_withheld(workshop, make_app, clients):
    app, keys = make_app(workshop)
    answered(app, clients, 3)  # only Blue and Red answered how often: 2 < 3
    boss = presenter(clients(app), keys)
    page = boss.get("/present?screen=question:usage.active_frequency")
    assert "Fewer than 3 answers: hidden" in page.text and 'data-revealable="false"' in page.text
    refused = boss.post("/present/reveal", data={"csrf": presenter_csrf(boss), "screen": "question:usage.active_frequency"})
    assert refused.status_code == 409
    shares = boss.get("/present?screen=question:usage.active_share")
    assert 'data-revealable="true"' in shares.text


def test_close_and_open_collection(workshop, make_app, clients):
    app, keys = make_app(workshop)
    boss = presenter(clients(app), keys)
    closed = boss.post("/present/collection", data={"csrf": presenter_csrf(boss), "state": "closed", "back": "/present?screen=responses"})
    assert closed.headers["location"] == "/present?screen=responses"
    phone = clients(app)
    assert "closed at the moment" in phone.get("/").text
    assert phone.get("/answer").headers["location"] == "/"
    assert "Questions closed" in boss.get("/present").text
    boss.post("/present/collection", data={"csrf": presenter_csrf(boss), "state": "open", "back": "https://elsewhere.example/"})
    assert walk(phone, {"goals": ["engagement"]})[0].status_code == 303


def test_reset_one_question(workshop, make_app, clients):
    app, keys = make_app(workshop)
    answered(app, clients, 3)
    boss = presenter(clients(app), keys)
    screen = "question:usage.active_share"
    boss.post("/present/reveal", data={"csrf": presenter_csrf(boss), "screen": screen})
    confirm = boss.get("/present/reset?question=usage.active_share")
    assert confirm.status_code == 200 and "cannot be undone" in confirm.text
    done = boss.post("/present/reset", data={"csrf": presenter_csrf(boss), "question": "usage.active_share"})
    assert done.headers["location"] == "/present?screen=question%3Ausage.active_share"
    workshop_now = store.load(workshop)
    assert all(r.answers.usage.active_share == "unknown" for r in workshop_now.responses)
    assert screen not in (workshop_now.revealed or [])


def test_the_team_comparison_and_the_findings_with_the_dutch_quote(workshop, make_app, clients):
    app, keys = make_app(workshop)
    answered(app, clients, 3)
    boss = presenter(clients(app), keys)
    team = boss.get("/present?screen=team:blue")
    assert "The group and Blue" in team.text and "Goals of Blue" in team.text
    keys_now = deck(boss)
    finding = next(key for key in keys_now if key.startswith("finding:"))
    page = boss.get("/present", params={"screen": finding})
    assert '<blockquote lang="nl">' in page.text
    end = boss.get("/present?screen=end")
    assert "Caveats" in end.text and "advisor workshop export" in end.text
    advice = summarise(store.load(workshop), advisor_for()).advice
    (correlation,) = [caveat.text for caveat in advice.caveats if caveat.id == "correlation-not-causation"]
    assert str(escape(correlation)) in end.text  # the study's caveat is always on screen
    recommendations = boss.get("/present?screen=recommendations")
    assert "practitioner heuristics, not results of the study" in recommendations.text  # as the terminal says


def test_responses_from_the_terminal_show_on_the_presenters_screen(workshop, make_app, clients, cli):
    app, keys = make_app(workshop)
    boss = presenter(clients(app), keys)
    assert '<p class="big" id="count" aria-live="polite">0</p>' in boss.get("/present").text
    assert cli("workshop", "add", str(workshop), "-", stdin='{"goals": ["efficiency"], "usage": {}}').code == 0
    assert '<p class="big" id="count" aria-live="polite">1</p>' in boss.get("/present").text


def test_the_presenter_pages_in_dutch(workshop, make_app, clients):
    app, keys = make_app(workshop, lang="nl")
    answered(app, clients, 3)
    boss = presenter(clients(app), keys)
    assert "inzendingen" in boss.get("/present").text
    assert "Druk op r of spatie" in boss.get("/present?screen=ranking").text
