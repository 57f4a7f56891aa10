"""A participant on a phone: join, answer only what the goals need, review and change, send,
change later; one response per device; everything in the workshop file, through its lock."""

from __future__ import annotations

import json

from advisor.knowledge.load import shipped_knowledge
from advisor.questionnaire.flow import Flow
from advisor.vocabulary import ANSWER_KEYS
from advisor.web.security import DEVICE_COOKIE, device_hash
from advisor.workshop import store

from web_pages import csrf_of, walk

BLUE = {
    "team": "Blue",
    "goals": ["alignment", "engagement"],
    "usage.active_share": "typed:12.5",
    "usage.active_frequency": "weekly",
    "usage.passive_share": "25-50",  # the band "25 to 50%", picked
}


def test_a_participant_answers_and_the_response_is_in_the_workshop_file(workshop, make_app, clients):
    app, _ = make_app(workshop)
    phone = clients(app)
    join = phone.get("/")
    assert join.status_code == 200 and "Masterclass Zwolle" in join.text
    sent, visited = walk(phone, BLUE)
    assert sent.status_code == 303 and sent.headers["location"] == "/thanks"
    thanks = phone.get("/thanks")
    assert "Thank you" in thanks.text and "Response 1, team Blue." in thanks.text
    saved = store.load(workshop)
    (response,) = saved.responses
    assert response.team == "Blue" and response.number == 1
    assert response.answers.goals == ["alignment", "engagement"]
    assert response.answers.usage.active_share == 12.5
    assert response.answers.usage.active_frequency == "weekly"
    assert response.answers.usage.passive_share == "25-50"  # the band as picked, no figure made up
    # the file keeps the hash of the device cookie, never the cookie itself
    token = phone.http.cookies[DEVICE_COOKIE]
    assert response.device == device_hash(token)
    assert token not in workshop.read_text()


def test_only_the_questions_the_goals_need_are_asked_in_the_questionnaires_order(workshop, make_app, clients):
    app, _ = make_app(workshop)
    flow = Flow(shipped_knowledge(), "en")
    for goals in (["efficiency"], ["engagement"], ["communication_satisfaction", "alignment"]):
        _, visited = walk(clients(app), {"team": "", "goals": goals})
        needed = [key for key in flow.plan(goals) if key in ANSWER_KEYS]
        order = ["order"] if len(goals) > 1 else []
        assert visited == ["team", "goals"] + order + needed + ["review"], goals
    assert len(store.load(workshop).responses) == 3


def test_dont_know_is_offered_on_every_question_and_recorded_as_unknown(workshop, make_app, clients):
    app, _ = make_app(workshop)
    phone = clients(app)
    phone.get("/answer")
    phone.post("/answer/team", data={"csrf": csrf_of(phone.get("/answer/team")), "team": ""})
    phone.post("/answer/goals", data={"csrf": csrf_of(phone.get("/answer/goals")), "goals": ["efficiency"]})
    flow = Flow(shipped_knowledge(), "en")
    for key in [k for k in flow.plan(["efficiency"]) if k in ANSWER_KEYS]:
        page = phone.get(f"/answer/{key}")
        assert 'value="unknown"' in page.text and "Don&#39;t know" in page.text, key
        assert phone.post(f"/answer/{key}", data={"csrf": csrf_of(page), "value": "unknown"}).status_code == 303
    assert phone.post("/answer/review", data={"csrf": csrf_of(phone.get("/answer/review"))}).status_code == 303
    (response,) = store.load(workshop).responses
    assert response.team is None  # anonymous
    assert all(response.answers.value(key) == "unknown" for key in ANSWER_KEYS)


def test_back_and_change_before_sending(workshop, make_app, clients):
    app, _ = make_app(workshop)
    phone = clients(app)
    phone.get("/answer")
    csrf = csrf_of(phone.get("/answer/team"))
    phone.post("/answer/team", data={"csrf": csrf, "team": "Red"})
    phone.post("/answer/goals", data={"csrf": csrf, "goals": ["alignment"]})
    phone.post("/answer/usage.active_share", data={"csrf": csrf, "value": "0-10"})
    # the back link of the next question leads to the one before
    page = phone.get("/answer/purposes.strategy_dialogue")
    assert 'href="/answer/usage.active_share"' in page.text
    phone.post("/answer/purposes.strategy_dialogue", data={"csrf": csrf, "value": "never"})
    review = phone.get("/answer/review")
    assert "Under 10%" in review.text and "Red" in review.text
    # change the goals from the review: efficiency needs other questions, asked before the review
    changed = phone.post("/answer/goals", data={"csrf": csrf, "goals": ["alignment", "efficiency"], "review": "1"})
    assert changed.headers["location"] == "/answer/order"
    moved = phone.post("/answer/order", data={"csrf": csrf, "rank1": "efficiency", "rank2": "alignment", "review": "1"})
    assert moved.headers["location"] != "/answer/review"  # a question efficiency needs is not answered yet
    sent, _ = walk(phone, {"goals": ["efficiency", "alignment"], "usage.active_share": "0-10", "purposes.strategy_dialogue": "never"},
                   start=moved.headers["location"])
    assert sent.status_code == 303
    (response,) = store.load(workshop).responses
    assert response.answers.goals == ["efficiency", "alignment"] and response.team == "Red"
    assert response.answers.usage.active_share == "0-10"


def test_answers_the_goals_no_longer_need_are_left_out(workshop, make_app, clients):
    app, _ = make_app(workshop)
    phone = clients(app)
    phone.get("/answer")
    csrf = csrf_of(phone.get("/answer/team"))
    phone.post("/answer/team", data={"csrf": csrf, "team": ""})
    phone.post("/answer/goals", data={"csrf": csrf, "goals": ["efficiency"]})
    phone.post("/answer/purposes.ideas", data={"csrf": csrf, "value": "often"})
    phone.post("/answer/goals", data={"csrf": csrf, "goals": ["communication_satisfaction"], "review": "1"})
    sent, _ = walk(phone, {"goals": ["communication_satisfaction"]}, start="/answer")
    assert sent.status_code == 303
    (response,) = store.load(workshop).responses
    assert response.answers.purposes.ideas == "unknown"


def test_a_participant_changes_their_own_answer_and_no_one_else_can(workshop, make_app, clients):
    app, _ = make_app(workshop)
    phone, other = clients(app), clients(app)
    walk(phone, BLUE)
    page = phone.get("/")
    assert 'href="/answer?change=1"' in page.text
    review = phone.get("/answer?change=1")
    assert review.headers["location"] == "/answer/review"
    assert "12.5%" in phone.get("/answer/review").text
    csrf = csrf_of(phone.get("/answer/review"))
    assert phone.post("/answer/usage.active_frequency", data={"csrf": csrf, "value": "daily", "review": "1"}).headers["location"] == "/answer/review"
    assert phone.post("/answer/review", data={"csrf": csrf}).status_code == 303
    (response,) = store.load(workshop).responses
    assert response.number == 1 and response.answers.usage.active_frequency == "daily"
    assert response.answers.usage.active_share == 12.5  # kept as it was
    # another phone cannot open it
    other.get("/")
    assert other.get("/answer?change=1").headers["location"] == "/"
    assert 'change=1' not in other.get("/").text


def test_one_response_per_device_unless_the_facilitator_allows_more(workshop, make_app, clients):
    app, _ = make_app(workshop)
    phone = clients(app)
    walk(phone, {"team": "", "goals": ["engagement"]})
    assert phone.get("/answer?new=1").headers["location"] == "/thanks"
    assert "Send another response" not in phone.get("/").text
    assert len(store.load(workshop).responses) == 1

    app2, _ = make_app(workshop, per_device=2)
    passed_around = clients(app2)
    walk(passed_around, {"team": "Green", "goals": ["engagement"]})
    assert "Send another response" in passed_around.get("/thanks").text
    walk(passed_around, {"team": "Yellow", "goals": ["efficiency"]}, start="/answer?new=1")
    assert passed_around.get("/answer?new=1").headers["location"] == "/thanks"
    teams = [r.team for r in store.load(workshop).responses]
    assert sorted(teams, key=lambda team: team or "") == [None, "Green", "Yellow"]


def test_errors_are_shown_beside_their_field_in_the_participants_language(workshop, make_app, clients):
    app, _ = make_app(workshop)
    phone = clients(app)
    phone.get("/answer?lang=nl")
    page = phone.get("/answer/team")
    assert '<html lang="nl">' in page.text and "De naam van uw team" in page.text
    csrf = csrf_of(page)
    phone.post("/answer/team", data={"csrf": csrf, "team": ""})
    refused = phone.post("/answer/goals", data={"csrf": csrf})
    assert refused.status_code == 422
    assert 'id="goals-error"' in refused.text and "Kies minstens één uitkomst" in refused.text
    assert 'aria-describedby="goals-hint goals-error"' in refused.text
    assert 'href="#goals-field"' in refused.text  # the summary links to the field
    phone.post("/answer/goals", data={"csrf": csrf, "goals": ["alignment"]})
    nothing = phone.post("/answer/usage.active_share", data={"csrf": csrf})
    assert nothing.status_code == 422 and "Kies een van de antwoorden" in nothing.text
    typed = phone.post("/answer/usage.active_share", data={"csrf": csrf, "value": "typed", "typed": "veel"})
    assert typed.status_code == 422
    assert 'id="typed-error"' in typed.text and 'value="veel"' in typed.text  # what was typed stays
    assert 'aria-invalid="true"' in typed.text
    over = phone.post("/answer/usage.active_share", data={"csrf": csrf, "value": "typed", "typed": "120"})
    assert over.status_code == 422 and 'id="typed-error"' in over.text
    assert phone.post("/answer/usage.active_share", data={"csrf": csrf, "value": "typed", "typed": "12.5"}).status_code == 303


def test_team_names_as_the_workshop_allows(workshop, make_app, clients):
    anonymous, _ = make_app(workshop, teams="anonymous")
    _, visited = walk(clients(anonymous), {"goals": ["engagement"]})
    assert visited[0] == "goals"
    required, _ = make_app(workshop, teams="required")
    phone = clients(required)
    phone.get("/answer")
    refused = phone.post("/answer/team", data={"csrf": csrf_of(phone.get("/answer/team")), "team": "  "})
    assert refused.status_code == 422 and "Enter your team" in refused.text


def test_a_team_name_taken_by_another_phone_is_refused(workshop, make_app, clients):
    app, _ = make_app(workshop)
    walk(clients(app), {"team": "Blue", "goals": ["engagement"]})
    phone = clients(app)
    phone.get("/answer")
    refused = phone.post("/answer/team", data={"csrf": csrf_of(phone.get("/answer/team")), "team": "blue"})
    assert refused.status_code == 422 and "has answered already" in refused.text
    assert len(store.load(workshop).responses) == 1


def test_the_response_cap_of_the_workshop_file_holds(workshop, make_app, clients, monkeypatch):
    monkeypatch.setattr(store, "MAX_RESPONSES", 2)
    app, _ = make_app(workshop)
    for n in range(2):
        assert walk(clients(app, f"10.0.0.{n}"), {"goals": ["engagement"]})[0].status_code == 303
    refused, _ = walk(clients(app, "10.0.0.9"), {"goals": ["engagement"]})
    assert refused.status_code == 409 and "holds 2 responses" in refused.text
    assert len(store.load(workshop).responses) == 2


def test_nothing_is_shown_of_other_peoples_answers(workshop, make_app, clients):
    app, _ = make_app(workshop)
    walk(clients(app), {"team": "Secret team", "goals": ["engagement"]})
    phone = clients(app)
    for url in ("/", "/answer/team", "/thanks"):
        assert "Secret team" not in phone.get(url).text


def test_the_language_switch_keeps_the_page(workshop, make_app, clients):
    app, _ = make_app(workshop)
    phone = clients(app)
    page = phone.get("/")
    assert 'href="/?lang=nl"' in page.text
    dutch = phone.get("/?lang=nl")
    assert "Beginnen" in dutch.text
    assert "Beginnen" in phone.get("/").text  # remembered


def test_the_workshop_file_stays_readable_by_the_terminal_commands(workshop, make_app, clients, cli):
    app, _ = make_app(workshop)
    walk(clients(app), {"team": "Blue", "goals": ["engagement"]})
    status = cli("workshop", "status", str(workshop), "--format", "json")
    assert status.code == 0, status.err
    assert json.loads(status.out)["teams"][0]["team"] == "Blue"
    added = cli("workshop", "add", str(workshop), "-", stdin='{"goals": ["efficiency"], "usage": {}}')
    assert added.code == 0, added.err
    assert len(store.load(workshop).responses) == 2
