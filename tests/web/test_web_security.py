"""Strangers on a shared network: the presenter's token, CSRF, body and rate limits, hostile
and malformed input. No request crashes the server or harms the workshop file."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from advisor.web.security import Keys
from advisor.workshop import store

from web_pages import csrf_of, presenter, presenter_csrf, walk

PRESENTER_ROUTES = [
    ("GET", "/present"),
    ("GET", "/present?screen=ranking"),
    ("GET", "/present/events"),
    ("GET", "/present/reset?question=usage.active_share"),
    ("POST", "/present/reveal"),
    ("POST", "/present/collection"),
    ("POST", "/present/reset"),
]


@pytest.mark.parametrize("method, url", PRESENTER_ROUTES)
def test_every_presenter_route_is_403_without_the_token(workshop, make_app, clients, method, url):
    app, keys = make_app(workshop)
    stranger = clients(app)
    walk(stranger, {"team": "Blue", "goals": ["engagement"]})  # a participant, with a device cookie
    wrong = Keys()  # another server's token, and its cookie name with this server's
    stranger.http.cookies.set(keys.presenter_cookie, wrong.presenter_token)
    data = {"csrf": "x", "screen": "ranking", "state": "closed", "question": "usage.active_share"}
    response = stranger.get(url) if method == "GET" else stranger.post(url, data=data)
    assert response.status_code == 403
    assert "For the presenter only" in response.text
    assert store.load(workshop).collection is None and not store.load(workshop).revealed


def test_a_wrong_token_in_the_address_is_403_and_sets_no_cookie(workshop, make_app, clients):
    app, keys = make_app(workshop)
    client = clients(app)
    almost = keys.presenter_token[:-1] + ("A" if keys.presenter_token[-1] != "A" else "B")
    for token in (almost, "", keys.presenter_token + "x", "%00"):
        response = client.get("/present", params={"token": token})
        assert response.status_code == 403
        assert keys.presenter_cookie not in response.headers.get("set-cookie", "")
    assert client.get("/present").status_code == 403


def test_the_token_never_appears_in_the_join_address_or_a_participants_page(workshop, make_app, clients):
    app, keys = make_app(workshop)
    phone = clients(app)
    pages = [phone.get("/"), phone.get("/answer/team"), walk(phone, {"goals": ["engagement"]})[0], phone.get("/thanks")]
    for page in pages:
        assert keys.presenter_token not in page.text
        assert keys.presenter_token not in str(page.headers)
    boss = presenter(clients(app), keys)
    page = boss.get("/present")
    assert keys.presenter_token not in page.text  # it lives in an HttpOnly cookie from here on
    cookie = next(v for k, v in boss.get("/present?token=" + keys.presenter_token).headers.multi_items() if k == "set-cookie")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie


def test_posts_need_this_devices_cookie_and_form_token(workshop, make_app, clients):
    app, _ = make_app(workshop)
    phone, attacker = clients(app), clients(app)
    phone.get("/answer")
    csrf = csrf_of(phone.get("/answer/team"))
    assert phone.post("/answer/team", data={"team": "Blue"}).status_code == 403  # no token
    assert phone.post("/answer/team", data={"team": "Blue", "csrf": "0" * 64}).status_code == 403
    attacker.get("/answer")
    assert attacker.post("/answer/team", data={"team": "Mallory", "csrf": csrf}).status_code == 403  # another device's token
    cookieless = clients(app)
    assert cookieless.post("/answer/team", data={"team": "X", "csrf": csrf}).status_code == 403
    assert phone.post("/answer/team", data={"team": "Blue", "csrf": csrf}).status_code == 303


def test_presenter_controls_need_the_form_token(workshop, make_app, clients):
    app, keys = make_app(workshop)
    boss = presenter(clients(app), keys)
    assert boss.post("/present/collection", data={"state": "closed"}).status_code == 403
    assert store.load(workshop).collection is None
    assert boss.post("/present/collection", data={"state": "closed", "csrf": presenter_csrf(boss)}).status_code == 303
    assert store.load(workshop).collection == "closed"


def test_bodies_over_64_kb_are_refused_with_413_and_nothing_is_written(workshop, make_app, clients):
    app, keys = make_app(workshop)
    phone = clients(app)
    phone.get("/answer")
    csrf = csrf_of(phone.get("/answer/team"))
    before = workshop.read_bytes()
    big = phone.post("/answer/team", data={"csrf": csrf, "team": "x" * 70_000})
    assert big.status_code == 413
    declared = phone.post("/answer/team", content=b"team=x", headers={"content-length": "100000", "content-type": "application/x-www-form-urlencoded"})
    assert declared.status_code in (400, 413)
    boss = presenter(clients(app), keys)
    assert boss.post("/present/collection", data={"csrf": presenter_csrf(boss), "state": "closed", "pad": "y" * 66_000}).status_code == 413
    assert workshop.read_bytes() == before
    # and the server still answers
    assert phone.post("/answer/team", data={"csrf": csrf, "team": "Blue"}).status_code == 303


def test_sending_too_often_from_one_device_is_429(workshop, make_app, clients):
    app, _ = make_app(workshop, per_device=10)
    phone = clients(app)
    codes = []
    for _ in range(5):
        response, _ = walk(phone, {"goals": ["engagement"]}, start="/answer?new=1")
        codes.append(response.status_code)
    assert codes[:3] == [303, 303, 303] and 429 in codes[3:]
    refused, _ = walk(phone, {"goals": ["engagement"]}, start="/answer?new=1")
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    assert len(store.load(workshop).responses) == 3


HOSTILE_TEAMS = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }} {% raw %}",
    "[bold red]rich markup[/]",
]


@pytest.mark.parametrize("team", HOSTILE_TEAMS)
def test_hostile_team_names_are_escaped_in_every_page(workshop, make_app, clients, team):
    app, keys = make_app(workshop)
    phone = clients(app)
    assert walk(phone, {"team": team, "goals": ["engagement"]})[0].status_code == 303
    for n in range(3):  # reach the minimum group size, so the team's comparison screen exists
        walk(clients(app, f"10.1.0.{n}"), {"team": f"T{n}", "goals": ["engagement"]})
    assert store.load(workshop).responses[0].team == team  # kept as typed: it is only text
    boss = presenter(clients(app), keys)
    comparison = boss.get("/present", params={"screen": "team:" + team.casefold()})
    assert f"The group and {escape(team)}" in comparison.text  # the team's own screen, found by its key
    pages = [phone.get("/thanks"), phone.get("/answer?change=1") and phone.get("/answer/review"), comparison]
    for page in pages:
        assert page.status_code == 200
        assert str(escape(team)) in page.text  # shown as text ...
        assert "<script>alert" not in page.text and "<img src=x" not in page.text  # ... never as markup
        assert ">49 " not in page.text and " 49 " not in page.text  # and never evaluated as a template


@pytest.mark.parametrize("team", ["Blue\x1b[2J", "Red\x07", "Evil\u202egnirts", "tab\there\x00"])
def test_team_names_that_could_steer_a_terminal_are_refused(workshop, make_app, clients, team):
    app, _ = make_app(workshop)
    phone = clients(app)
    phone.get("/answer")
    refused = phone.post("/answer/team", data={"csrf": csrf_of(phone.get("/answer/team")), "team": team})
    assert refused.status_code == 422 and "control characters" in refused.text


def test_the_terminal_line_about_a_response_is_neutralised(workshop, make_app, clients, monkeypatch):
    from advisor.cli.commands.workshop.actions import printable

    lines: list[str] = []
    app, _ = make_app(workshop, notify=lambda line: lines.append(printable(line)))
    walk(clients(app), {"team": "<script>x</script>", "goals": ["engagement"]})
    assert lines == ["Response 1 received (team <script>x</script>)."]
    assert printable("a\x1b[2Jb\u202e") == "a\\x1b[2Jb\\u202e"


MALFORMED = [
    ("post", "/answer/team", {"content": b"team=%ff%fe&csrf=", "headers": {"content-type": "application/x-www-form-urlencoded"}}),
    ("post", "/answer/team", {"content": b'{"team": "x"}', "headers": {"content-type": "application/json"}}),
    ("post", "/answer/team", {"content": b"&".join(b"f%d=1" % n for n in range(500)), "headers": {"content-type": "application/x-www-form-urlencoded"}}),
    ("post", "/answer/team", {"content": b"\xff\xfe\x00garbage"}),
    ("post", "/answer/goals", {"data": {"goals": ["world_peace", "alignment"]}}),
    ("post", "/answer/goals", {"data": {"goals": ["alignment"] * 50}}),
    ("post", "/answer/order", {"data": {"rank1": "x", "rank2": None}}),
    ("post", "/answer/usage.active_share", {"data": {"value": "typed", "typed": "1e308"}}),
    ("post", "/answer/usage.active_share", {"data": {"value": "typed", "typed": "NaN"}}),
    ("post", "/answer/usage.active_share", {"data": {"value": "999"}}),
    ("post", "/answer/__class__", {"data": {"value": "x"}}),
    ("post", "/answer/review", {"data": {}}),
    ("get", "/answer/%2e%2e%2f%2e%2e%2fetc%2fpasswd", {}),
    ("get", "/answer/" + "x" * 5000, {}),
    ("get", "/static/..%2f..%2fapp.py", {}),
    ("get", "/?lang=" + "<script>" * 100, {}),
    ("get", "/answer?change=" + "9" * 400, {}),
    ("put", "/", {}),
    ("get", "/present?screen=%00%ff", {}),
]


@pytest.mark.parametrize("method, url, options", MALFORMED, ids=[f"{m}-{u[:30]}-{i}" for i, (m, u, _) in enumerate(MALFORMED)])
def test_malformed_requests_never_crash_the_server_or_harm_the_file(workshop, make_app, clients, method, url, options):
    app, _ = make_app(workshop)
    walk(clients(app), {"team": "Blue", "goals": ["engagement"]})
    before = workshop.read_bytes()
    phone = clients(app)
    phone.get("/answer")
    options = dict(options)
    if "data" in options:
        options["data"] = {"csrf": csrf_of(phone.get("/answer/team")), **{k: v for k, v in options["data"].items() if v is not None}}
    response = getattr(phone.http, method)
    response = phone.loop.run_until_complete(response(url, **options))
    assert response.status_code < 500, response.text[:500]
    assert workshop.read_bytes() == before
    assert "Traceback" not in response.text
    # the server still serves a participant
    assert walk(clients(app, "10.9.9.9"), {"goals": ["efficiency"]})[0].status_code == 303


def test_the_language_links_stay_on_this_server(workshop, make_app, clients):
    page = clients(make_app(workshop)[0]).get("http://testserver//evil.example/x")
    assert page.status_code == 404
    assert 'href="//' not in page.text and 'href="/evil.example/x?lang=nl"' in page.text


def test_pages_carry_security_headers(workshop, make_app, clients):
    app, _ = make_app(workshop)
    page = clients(app).get("/")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert not re.search(r"(src|href)=\"https?://", page.text)  # nothing from the internet


def test_an_unknown_host_header_is_refused_when_the_hosts_are_named(workshop, make_app, clients):
    app, _ = make_app(workshop, allowed_hosts=["testserver", "127.0.0.1"])
    client = clients(app)
    assert client.get("/").status_code == 200
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400
