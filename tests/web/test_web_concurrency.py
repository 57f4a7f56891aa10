"""Many phones at once: every submission goes through the workshop file's lock and atomic
write, so 200 submissions sent at the same moment, half of them through a second server on the
same file, are all kept."""

from __future__ import annotations

import asyncio
import re

import httpx

from advisor.workshop import store

PHONES = 200


async def _answer(app, address: str, team: str, all_ready: asyncio.Event, ready: list) -> int:
    """One phone: join, answer (one goal, every question "don't know"), wait until every phone
    is at its review, then send."""
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as phone:
        location = (await phone.get("/answer")).headers["location"]
        csrf = re.search(r'name="csrf" value="([^"]+)"', (await phone.get(location)).text).group(1)
        while location != "/answer/review":
            step = location.rsplit("/", 1)[1]
            data = {"csrf": csrf}
            if step == "team":
                data["team"] = team
            elif step == "goals":
                data["goals"] = "engagement"
            else:
                data["value"] = "unknown"
            location = (await phone.post(location, data=data)).headers["location"]
        ready.append(address)
        if len(ready) == PHONES:
            all_ready.set()
        await all_ready.wait()
        return (await phone.post("/answer/review", data={"csrf": csrf})).status_code


def test_200_submissions_at_once_through_two_servers_are_all_kept(workshop, make_app, monkeypatch):
    # What is tested is the lock and the atomic replace; flushing each of 200 writes to the disk
    # (against a power cut) would only make the test wait on the disk.
    monkeypatch.setattr("advisor.files.write.os.fsync", lambda fd: None)
    first, _ = make_app(workshop)
    second, _ = make_app(workshop)  # a second `workshop serve` on the same file

    async def everyone():
        all_ready, ready = asyncio.Event(), []
        return await asyncio.gather(*(
            _answer(first if n % 2 else second, f"10.3.{n // 250}.{n % 250}", f"Team {n}" if n % 3 else "", all_ready, ready)
            for n in range(PHONES)
        ))

    codes = asyncio.run(everyone())
    assert codes == [303] * PHONES
    saved = store.load(workshop)
    assert len(saved.responses) == PHONES
    assert len({r.number for r in saved.responses}) == PHONES  # distinct (an anonymous one's is random)
    assert sorted(r.team for r in saved.responses if r.team) == sorted(f"Team {n}" for n in range(PHONES) if n % 3)
    assert len({r.device for r in saved.responses}) == PHONES
