"""The commands as a facilitator and a tool builder run them: `advisor workshop serve` and
`advisor serve --http` in their own processes, on 127.0.0.1."""

from __future__ import annotations

import ipaddress
import json
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest
import yaml

from advisor.web.network import lan_address
from advisor.workshop import store
from samples import EXAMPLE_FILE

from web_pages import walk

INSTALL = "pip install 'intranet-adoption-advisor[web]'"


def environment() -> dict:
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONUNBUFFERED": "1"}
    env.pop("LC_ALL", None)
    return env


class Running:
    """A server process and the lines of standard output it printed first."""

    def __init__(self, argv: list[str], cwd, lines: int):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "advisor", *argv], cwd=cwd, env=environment(),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        self.lines: list[str] = []
        timer = threading.Timer(60, self.process.kill)  # a server that never starts fails the test, not the suite
        timer.start()
        try:
            for _ in range(lines):
                line = self.process.stdout.readline()
                assert line, self.process.stderr.read()
                self.lines.append(line.rstrip("\n"))
        finally:
            timer.cancel()

    def stop(self, sig=signal.SIGINT) -> tuple[int, str, str]:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        out, err = self.process.communicate(timeout=30)
        return self.process.returncode, out, err


def test_workshop_serve_prints_the_addresses_and_keeps_every_answer_if_killed(tmp_path):
    path = store.create("Masterclass", lang="en", min_group_size=1, directory=tmp_path)
    server = Running(["workshop", "serve", path.name, "--host", "127.0.0.1", "--port", "0"], tmp_path, lines=3)
    try:
        join, presenter, first_qr_line = server.lines
        assert join.startswith("http://127.0.0.1:") and join.endswith("/")
        assert presenter.startswith(join + "present?token=")
        token = presenter.split("token=", 1)[1]
        assert len(token) >= 43 and token not in join
        assert set(first_qr_line) <= set("█▀▄ ")  # the QR code of the join address follows
        with httpx.Client(base_url=join, timeout=20) as projector, httpx.Client(base_url=join, timeout=20) as phone:
            assert projector.get(presenter).status_code == 303
            with projector.stream("GET", "/present/events") as events:
                lines = events.iter_lines()
                first = next(line for line in lines if line.startswith("data:"))
                assert json.loads(first[5:])["responses"] == 0
                sent, _ = walk(phone, {"team": "Blue", "goals": ["engagement"]})
                assert sent.status_code == 303
                change = next(line for line in lines if line.startswith("data:"))
                assert json.loads(change[5:])["responses"] == 1  # the count rises live
            assert 'aria-live="polite">1</p>' in projector.get("/present").text
    finally:
        code, out, err = server.stop(signal.SIGKILL)  # a pulled plug: nothing is lost
    assert code == -signal.SIGKILL
    saved = store.load(path)
    assert [r.team for r in saved.responses] == ["Blue"]
    assert "Participants:" in err and "Response 1 received (team Blue)." in err
    assert token not in err


def test_serve_http_answers_as_advise_does_and_stops_on_ctrl_c(tmp_path, cli):
    expected = subprocess.run(
        [sys.executable, "-m", "advisor", "advise", "--answers", EXAMPLE_FILE, "--format", "json", "--lang", "en"],
        capture_output=True, env=environment(), cwd=tmp_path,
    )
    assert expected.returncode == 0
    server = Running(["serve", "--http", "--port", "0", "--lang", "en"], tmp_path, lines=1)
    try:
        (url,) = server.lines
        assert url.startswith("http://127.0.0.1:")
        body = json.dumps(yaml.safe_load(Path(EXAMPLE_FILE).read_text(encoding="utf-8"))).encode()
        response = httpx.post(url + "v1/advice", content=body, timeout=20)
        assert response.status_code == 200
        assert response.content == expected.stdout  # byte for byte
        assert httpx.get(url + "healthz", timeout=20).json()["status"] == "ok"
    finally:
        code, out, err = server.stop(signal.SIGINT)
    assert code == 0, err
    assert "Stopped." in err and "Traceback" not in err


@pytest.mark.parametrize("argv", [["serve", "--http", "--port", "0"], ["workshop", "serve", "FILE", "--port", "0"]])
def test_without_the_web_extra_the_commands_say_what_to_install(argv, tmp_path, cli, monkeypatch):
    path = store.create("Masterclass", lang="en", directory=tmp_path)
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if it were not installed
    result = cli(*[str(path) if a == "FILE" else a for a in argv])
    assert result.code == 2
    assert INSTALL in result.err and "uvicorn" in result.err and "Traceback" not in result.err


def test_a_port_in_use_is_a_clear_error(tmp_path, cli):
    path = store.create("Masterclass", lang="en", directory=tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        for argv in (["serve", "--http", "--port", port], ["workshop", "serve", str(path), "--host", "127.0.0.1", "--port", port]):
            result = cli(*argv)
            assert result.code == 2 and f"port {port} is in use" in result.err and "--port" in result.err


def test_workshop_serve_needs_a_workshop_file(tmp_path, cli, write_yaml):
    answers = write_yaml({"goals": ["alignment"], "usage": {}})
    result = cli("workshop", "serve", str(answers), "--host", "127.0.0.1", "--port", "0")
    assert result.code == 2 and "not a workshop file" in result.err


def test_the_lan_address_is_this_computers_address_on_its_network():
    found = lan_address()  # a route lookup only: no packet leaves the machine
    if found is not None:
        address = ipaddress.ip_address(found)
        assert not address.is_loopback and not address.is_unspecified


def test_ctrl_c_stops_workshop_serve_at_once_with_a_projector_page_open(tmp_path):
    path = store.create("Masterclass", lang="en", directory=tmp_path)
    server = Running(["workshop", "serve", path.name, "--host", "127.0.0.1", "--port", "0"], tmp_path, lines=2)
    try:
        join, presenter = server.lines
        with httpx.Client(base_url=join, timeout=20) as projector:
            projector.get(presenter)
            with projector.stream("GET", "/present/events") as events:
                lines = events.iter_lines()
                next(line for line in lines if line.startswith("data:"))
                server.process.send_signal(signal.SIGINT)
                assert list(lines) is not None  # the stream ends: the server closed it
    finally:
        code, out, err = server.stop(signal.SIGINT)
    assert code == 0, err
    assert "Stopped. The responses are in" in err and "ERROR" not in err and "Traceback" not in err


def test_connections_are_accepted_with_nagles_algorithm_off():
    """asyncio sets TCP_NODELAY only on sockets whose protocol is TCP by name; without it each
    request on a kept-alive connection waited about 40 ms (benchmarks/http.py showed it)."""
    from advisor.web.network import bind

    listening = bind("127.0.0.1", 0, lang="en")
    try:
        assert listening.proto == socket.IPPROTO_TCP
        with socket.create_connection(listening.getsockname()):
            listening.setblocking(True)
            accepted, _ = listening.accept()
            with accepted:
                assert accepted.proto == socket.IPPROTO_TCP  # so the event loop turns Nagle off
    finally:
        listening.close()
