"""Clients of the web app that answer the way a phone's browser without JavaScript would: plain
form posts, following the server's redirects (a module of its own: several folders have a
conftest)."""

from __future__ import annotations

import asyncio
import re

import httpx

from advisor.web.security import Keys


class Client:
    """A synchronous client of an ASGI app (httpx through its ASGI transport): one browser with
    its own cookies, at its own network address."""

    def __init__(self, app, address: str = "127.0.0.1"):
        self.loop = asyncio.new_event_loop()
        self.http = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app, client=(address, 40000)), base_url="http://testserver"
        )

    def get(self, url: str, **options) -> httpx.Response:
        return self.loop.run_until_complete(self.http.get(url, **options))

    def post(self, url: str, **options) -> httpx.Response:
        return self.loop.run_until_complete(self.http.post(url, **options))

    def close(self) -> None:
        self.loop.run_until_complete(self.http.aclose())
        self.loop.close()


def csrf_of(page: httpx.Response) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)


def fields_for(step: str, answers: dict) -> dict:
    """The form a person fills in at one step. answers: team, goals (in order) and answer keys
    (a band ('25-50') or a choice is picked; "typed:12.5" types a percentage; missing: don't know)."""
    if step == "team":
        return {"team": answers.get("team") or ""}
    if step == "goals":
        return {"goals": list(answers["goals"])}
    if step == "order":
        return {f"rank{place}": goal for place, goal in enumerate(answers["goals"], 1)}
    value = answers.get(step, "unknown")
    if isinstance(value, str) and value.startswith("typed:"):
        return {"value": "typed", "typed": value[len("typed:"):]}
    return {"value": str(value)}


def walk(client: Client, answers: dict, start: str = "/answer") -> tuple[httpx.Response, list[str]]:
    """Answer every step the server leads to, then send from the review. Returns the response to
    the send and the steps visited."""
    response = client.get(start)
    location = response.headers.get("location", start)
    visited: list[str] = []
    for _ in range(30):
        assert response.status_code in (200, 303), response.text[:500]
        if response.status_code == 303:
            location = response.headers["location"]
            assert location.startswith("/answer/"), location
            response = client.get(location)
            continue
        step = location.split("/answer/", 1)[1].split("?", 1)[0]
        visited.append(step)
        data = {"csrf": csrf_of(response)}
        if step == "review":
            return client.post("/answer/review", data=data), visited
        data.update(fields_for(step, answers))
        response = client.post(f"/answer/{step}", data=data)
        assert response.status_code == 303, f"{step}: {response.status_code} {response.text[:800]}"
    raise AssertionError(f"no review after {visited}")


def presenter(client: Client, keys: Keys) -> Client:
    """Log a client in as the presenter (the token in the address, swapped for a cookie)."""
    response = client.get("/present?token=" + keys.presenter_token)
    assert response.status_code == 303 and response.headers["location"] == "/present"
    return client


def presenter_csrf(client: Client) -> str:
    return csrf_of(client.get("/present"))
