"""End to end, in a real pseudo-terminal, with the installed `advisor`: three teams answer the
questionnaire (one in Dutch), the facilitator presents every screen with its reveals on an 80x24
terminal, and exports the handout.

Run with `pytest -s` to see every presenter screen as text.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

ADVISOR = Path(sys.executable).parent / "advisor"
DOWN, ENTER = "\x1b[B", "\r"
ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")
HEADER = re.compile(r"^ Masterclass Zwolle · (?P<title>.+?) +(?P<index>\d+)/(?P<count>\d+) *$", re.M)

# Each team: its goals (in the order of the goals question) and, per question, which option it
# picks (by position; 0 when not listed). Green answers the questions in Dutch.
TEAMS = {
    "Blue": {"lang": "en", "goals": ["alignment", "engagement"],
             "picks": {"usage.active_share": 0, "usage.active_frequency": 1, "usage.passive_share": 1,
                       "usage.passive_frequency": 1, "purposes.strategy_dialogue": 2}},
    "Red": {"lang": "en", "goals": ["engagement", "efficiency"],
            "picks": {"usage.active_share": 2, "usage.active_frequency": 0, "usage.passive_share": 3,
                      "usage.passive_frequency": 0, "purposes.ideas": 1, "purposes.read_only": 0}},
    "Green": {"lang": "nl", "goals": ["knowledge_sharing"],
              "picks": {"usage.active_share": 1, "usage.active_frequency": 1, "purposes.ideas": 1,
                        "purposes.expertise": 0, "purposes.processes": 2}},
}


@pytest.fixture
def env(tmp_path):
    assert ADVISOR.exists(), f"the advisor console script is not installed next to {sys.executable}"
    environment = dict(os.environ)
    environment.update(
        XDG_STATE_HOME=str(tmp_path / "state"),
        LANG="en_GB.UTF-8",
        TERM="xterm-256color",
        NO_COLOR="1",
        PROMPT_TOOLKIT_NO_CPR="1",  # pexpect does not answer cursor position requests
    )
    for name in ("LC_ALL", "LC_MESSAGES", "COLUMNS", "LINES"):
        environment.pop(name, None)
    return environment


def spawn(args, env, cwd, rows, columns):
    return pexpect.spawn(str(ADVISOR), args, env=env, cwd=str(cwd), dimensions=(rows, columns), encoding="utf-8", timeout=30)


def collect(team: str, plan: dict, questions: dict, env, cwd) -> None:
    from advisor.vocabulary import GOALS

    lang = plan["lang"]
    child = spawn(["workshop", "collect", "masterclass-zwolle.workshop.json", "--team", team, "--lang", lang], env, cwd, 50, 220)
    child.expect(re.escape(questions["goals"].prompt.get(lang)))
    pointer = 0
    for goal in plan["goals"]:  # tick each goal in the checkbox, then confirm
        index = GOALS.index(goal)
        child.send(DOWN * (index - pointer) + " ")
        pointer = index
    child.send(ENTER)
    for _ in plan["goals"][1:]:  # the ranking: keep the order as ticked
        child.expect(re.escape(questions["goals"].rank_prompt.get(lang)))
        child.send(ENTER)
    from advisor.questionnaire.flow import Flow
    from advisor.knowledge.load import shipped_knowledge

    for key in Flow(shipped_knowledge(), lang).plan(plan["goals"])[1:]:  # the questions these goals need
        question = questions[key]
        child.expect(re.escape(question.prompt.get(lang)))
        if question.kind in ("text", "number"):
            child.send(ENTER)  # optional: left empty
        else:
            child.send(DOWN * plan["picks"].get(key, 0) + ENTER)
    child.expect(rf"(Added response|Inzending) \d+ .*team {team}")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before


def test_three_teams_present_and_export(env, tmp_path):
    from advisor.knowledge.load import shipped_knowledge
    from advisor.vocabulary import UNKNOWN

    knowledge = shipped_knowledge()
    questions = {question.key: question for question in knowledge.questions}
    run = subprocess.run([str(ADVISOR), "workshop", "new", "Masterclass Zwolle", "--lang", "en"],
                         env=env, cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr

    for team, plan in TEAMS.items():
        collect(team, plan, questions, env, tmp_path)

    # the workshop file holds what each team picked
    workshop = json.loads((tmp_path / "masterclass-zwolle.workshop.json").read_text(encoding="utf-8"))
    responses = {r["team"]: r["answers"] for r in workshop["responses"]}
    assert list(responses) == list(TEAMS)
    from advisor.questionnaire.flow import Flow

    for team, plan in TEAMS.items():
        assert responses[team]["goals"] == plan["goals"]
        asked = Flow(knowledge, plan["lang"]).plan(plan["goals"])
        for key, pick in plan["picks"].items():
            section, name = key.split(".")
            given = responses[team].get(section, {}).get(name, UNKNOWN)
            expected = questions[key].choices[pick].answer if key in asked else UNKNOWN  # a band as the band; not asked: unknown
            assert given == expected, (team, key)

    screens = present(env, tmp_path)
    titles = [title for title, _ in screens]
    assert titles[0] == "Responses" and titles[-1] == "To take home"
    assert "The group and Red" in titles and any(t.startswith("Finding 1 of") for t in titles)
    last = dict(screens)  # the last frame shown of each screen: all revealed by then
    assert "pts" in last["The group's goals"]
    assert all("Group answer" in text or "Fewer than 3 answers" in text for title, text in last.items() if title.startswith("Question"))

    out = tmp_path / "handout.html"
    run = subprocess.run([str(ADVISOR), "workshop", "export", "masterclass-zwolle.workshop.json", "--format", "html",
                          "--out", str(out)], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    html = out.read_text(encoding="utf-8")
    ids, stack = [], []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            ids.extend(value for name, value in attrs if name == "id")
            assert not any(name in ("src", "href") for name, _ in attrs)
            if tag not in ("meta", "br"):
                stack.append(tag)

        def handle_endtag(self, tag):
            assert stack.pop() == tag

    Parser().feed(html)
    assert stack == []
    assert ids == ["goals", "strategy", "recommendations", "answers", "teams", "evidence", "caveats"]
    assert "http" not in html and "//" not in html
    assert all(f"<th>{team}</th>" in html for team in TEAMS)


def present(env, cwd) -> list[tuple[str, str]]:
    """Walk the presenter on 80x24 to its last screen, revealing each hidden screen (with r on
    questions, with space elsewhere), going back once; return (title, text) of every frame."""
    child = spawn(["workshop", "present", "masterclass-zwolle.workshop.json"], env, cwd, 24, 80)
    frames: list[tuple[str, str]] = []
    seen_hidden: set[str] = set()
    went_back = False

    def frame() -> tuple[str, int, int, str]:
        child.expect("q quit")
        raw = child.before + child.after
        text = ANSI.sub("", raw.split("\x1b[2J")[-1]).replace("\r", "")
        match = HEADER.search(text)
        assert match, text
        lines = text[match.start():].split("\n")
        assert len(lines) <= 24 and max(len(line) for line in lines) <= 80, text
        frames.append((match["title"], "\n".join(lines)))
        print("\n".join(lines) + "\n" + "-" * 80)
        return match["title"], int(match["index"]), int(match["count"]), "\n".join(lines)

    title, index, count, text = frame()
    while True:
        if "Press r or space to reveal" in text:
            seen_hidden.add(title)
            child.send("r" if title.startswith("Question") else " ")
        elif index == count:
            break
        elif index == 5 and not went_back:
            went_back = True
            child.send("\x1b[D")  # ← back once: the revealed screen stays revealed
        else:
            child.send(" ")
        previous = title
        title, index, count, text = frame()
        if previous in seen_hidden and title == previous:
            assert "Press r" not in text  # revealed in place
    assert "The group's goals" in seen_hidden and any(t.startswith("Question") for t in seen_hidden)
    assert len({t for t, _ in frames}) == count  # every screen was shown
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    return frames


def test_collect_interrupted_then_resumed(env, tmp_path):
    from advisor.knowledge.load import shipped_knowledge

    questions = {question.key: question for question in shipped_knowledge().questions}
    assert subprocess.run([str(ADVISOR), "workshop", "new", "Masterclass Zwolle"], env=env, cwd=tmp_path).returncode == 0
    child = spawn(["workshop", "collect", "masterclass-zwolle.workshop.json", "--team", "Ops"], env, tmp_path, 50, 220)
    child.expect(re.escape(questions["goals"].prompt.get("en")))
    child.send(DOWN * 3 + " " + ENTER)  # effectiveness
    child.expect(re.escape(questions["purposes.expertise"].prompt.get("en")))
    child.sendcontrol("c")
    child.expect(r"Continue with:\r?\n  advisor workshop collect masterclass-zwolle\.workshop\.json --team Ops --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    status = json.loads(subprocess.run([str(ADVISOR), "workshop", "status", "masterclass-zwolle.workshop.json", "--format", "json"],
                                       env=env, cwd=tmp_path, capture_output=True, text=True).stdout)
    assert status["responses"] == 0  # nothing added yet

    child = spawn(["workshop", "collect", "masterclass-zwolle.workshop.json", "--team", "Ops", "--resume"], env, tmp_path, 50, 220)
    child.expect(re.escape(questions["purposes.expertise"].prompt.get("en")))  # where it stopped: the goal is kept
    child.send(DOWN * 2 + ENTER)  # often
    for key in ("organisation.name", "organisation.employees"):
        child.expect(re.escape(questions[key].prompt.get("en")))
        child.send(ENTER)
    child.expect(r"Added response 1 \(team Ops\)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    workshop = json.loads((tmp_path / "masterclass-zwolle.workshop.json").read_text(encoding="utf-8"))
    answers = workshop["responses"][0]["answers"]
    assert answers["goals"] == ["effectiveness"] and answers["purposes"]["expertise"] == "often"
    assert list((tmp_path / "state" / "advisor" / "workshops").iterdir()) == []  # the save file is gone
