"""The workshop file: creation, validation, anonymity, and safe concurrent adds."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from advisor.errors import AdvisorError
from advisor.schema import Answers
from advisor.workshop import store

from workshop_teams import BLUE, RED


def test_new_workshop_file_is_named_after_the_workshop(tmp_path):
    path = store.create("Masterclass Zwolle – Ça va", lang="nl", min_group_size=4, directory=tmp_path)
    assert path.name == "masterclass-zwolle-ca-va.workshop.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "advisor-workshop"
    assert (data["name"], data["lang"], data["min_group_size"], data["responses"]) == ("Masterclass Zwolle – Ça va", "nl", 4, [])


def test_new_refuses_to_overwrite_unless_forced(tmp_path, make_workshop):
    path = make_workshop()
    with pytest.raises(AdvisorError, match="exists already"):
        store.create("Masterclass", lang="en", directory=tmp_path)
    assert len(store.load(path).responses) == 3  # untouched
    store.create("Masterclass", lang="en", directory=tmp_path, force=True)
    assert store.load(path).responses == []


def test_anonymous_answers_lose_the_organisation(make_workshop):
    path = make_workshop({None: BLUE, "Blue": BLUE})
    named, anonymous = sorted(store.load(path).responses, key=lambda response: response.team is None)
    assert anonymous.team is None and anonymous.answers.organisation is None
    assert named.team == "Blue" and named.answers.organisation.name == "Blue BV"


def test_a_team_answers_once_unless_replaced(make_workshop):
    path = make_workshop({"Blue": BLUE})
    _, added, problems = store.add_entries(path, [store.Entry(Answers.model_validate(RED), "  blue ")])
    assert added == [] and "has answered already" in problems[0].message
    workshop, added, problems = store.add_entries(path, [store.Entry(Answers.model_validate(RED), "BLUE")], replace=True)
    assert problems == [] and len(workshop.responses) == 1
    assert workshop.responses[0].answers.goals == RED["goals"] and workshop.responses[0].number == 2


def test_load_rejects_other_files_and_damage(tmp_path, make_workshop):
    answers_file = tmp_path / "answers.yaml"
    answers_file.write_text("goals: [alignment]\nusage: {}\n", encoding="utf-8")
    with pytest.raises(AdvisorError, match="not a workshop file"):
        store.load(answers_file)
    path = make_workshop()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["responses"][1]["answers"]["usage"]["active_share"] = 120
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    with pytest.raises(AdvisorError) as error:
        store.load(path)
    problem = error.value.problems[0]
    assert problem.field == "responses[1].answers.usage.active_share" and problem.line is not None


def test_writes_leave_no_temporary_files(tmp_path, make_workshop):
    make_workshop()
    names = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert names == [".masterclass.workshop.json.lock", "masterclass.workshop.json"]


ADDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from advisor.schema import Answers
    from advisor.workshop import store

    path, who, count, go = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    while not go.exists():
        time.sleep(0.001)
    answers = Answers.model_validate({"goals": ["alignment"], "usage": {"active_share": 8}})
    for index in range(count):
        store.add_entries(path, [store.Entry(answers, f"{who}-{index}")])
    """
)


def test_two_processes_adding_at_once_lose_nothing(tmp_path, make_workshop):
    path = make_workshop([])
    go = tmp_path / "go"
    count = 40
    adders = [
        subprocess.Popen([sys.executable, "-c", ADDER, str(path), who, str(count), str(go)])
        for who in ("left", "right")
    ]
    go.touch()  # both start together
    assert [adder.wait(timeout=120) for adder in adders] == [0, 0]
    responses = store.load(path).responses
    assert len(responses) == 2 * count
    assert sorted(r.team for r in responses) == sorted(f"{who}-{i}" for who in ("left", "right") for i in range(count))
    assert sorted(r.number for r in responses) == list(range(1, 2 * count + 1))


def _hold_lock(path, seconds: float) -> subprocess.Popen:
    """Another process holding the workshop file's lock for a while; returns once it holds it."""
    code = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from advisor.files.lock import locked
        with locked(Path({str(path)!r})):
            print("held", flush=True)
            time.sleep({seconds})
    """)
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_a_writer_that_must_wait_says_so(tmp_path):
    from advisor.files.lock import locked

    path = tmp_path / "w.workshop.json"
    holder = _hold_lock(path, 1.0)
    said = []
    with locked(path, waiting=said.append, wait=30):
        assert holder.poll() is not None or said  # it waited for the other, after saying so
    holder.communicate()
    assert said == [path]
    with locked(path, waiting=said.append, wait=30):  # free now: nothing to say
        pass
    assert said == [path]


def test_a_lock_held_too_long_is_a_clear_error_not_a_hang(tmp_path):
    from advisor.files.lock import locked

    path = tmp_path / "w.workshop.json"
    holder = _hold_lock(path, 5.0)
    try:
        with pytest.raises(AdvisorError) as caught:
            with locked(path, waiting=lambda _: None, wait=0.3):
                pass
        assert "lock" in caught.value.render()
    finally:
        holder.kill()
        holder.communicate()
