"""Start-up of the questionnaire: from launching `advisor` to its first question on screen.
Prints figures; asserts nothing.

    python benchmarks/startup.py [--runs N]

Runs the installed `advisor` (next to this Python) in a pseudo-terminal (pexpect) and times each
run from the spawn to the moment the first question's text arrives, then presses Ctrl-C. Also
times `advisor --resume` (which must load the whole knowledge base before it can ask anything)
and, in-process, the pieces the start-up is made of. Target (from the issue): the first question
within 400 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_MS = 400
ADVISOR = Path(sys.executable).parent / "advisor"


def first_question(args: list[str], env: dict[str, str], expect: str) -> float:
    import pexpect

    start = time.perf_counter()
    child = pexpect.spawn(str(ADVISOR), args, env=env, dimensions=(40, 120), encoding="utf-8", timeout=30)
    child.expect(expect)
    elapsed = time.perf_counter() - start
    child.send("\x03")
    child.expect(pexpect.EOF)
    child.close()
    return elapsed * 1000


def summary(name: str, samples: list[float], target: float | None = None) -> None:
    samples = sorted(samples)
    p90 = samples[max(0, round(0.9 * len(samples)) - 1)]
    line = (
        f"{name:<44} median {statistics.median(samples):6.0f} ms   min {samples[0]:5.0f}   "
        f"p90 {p90:5.0f}   max {samples[-1]:5.0f}   (n={len(samples)})"
    )
    if target is not None:
        line += f"   target < {target:.0f} ms: {'met' if statistics.median(samples) < target else 'NOT met'}"
    print(line)


def pieces() -> dict[str, float]:
    """In a fresh process: how long each part of the start-up takes on its own."""
    code = """
import json, time
t = {}
start = time.perf_counter()
import advisor.cli.main
t["advisor.cli.main (argument parsing, i18n)"] = time.perf_counter() - start
start = time.perf_counter()
import questionary
t["questionary + prompt_toolkit import"] = time.perf_counter() - start
start = time.perf_counter()
from advisor.questionnaire.preload import goals_preview
goals_preview("en")
t["first question read from questions.yaml"] = time.perf_counter() - start
start = time.perf_counter()
from advisor.knowledge.load import shipped_knowledge
shipped_knowledge()
t["knowledge base loaded and checked (background)"] = time.perf_counter() - start
print(json.dumps(t))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return {name: seconds * 1000 for name, seconds in json.loads(result.stdout).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    try:
        import pexpect  # noqa: F401
    except ImportError:
        sys.exit("needs pexpect: pip install pexpect (it is in the test extras)")
    if not ADVISOR.is_file():
        sys.exit(f"no advisor console script next to {sys.executable}: install the package first")

    with tempfile.TemporaryDirectory() as state:
        env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
        # the pty answers no cursor-position requests; without this prompt_toolkit waits for one
        env.update(XDG_STATE_HOME=state, LANG="en_GB.UTF-8", TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1")
        first_question([], env, "contribute to")  # warm the file system cache
        summary("advisor -> first question", [first_question([], env, "contribute to") for _ in range(args.runs)], TARGET_MS)
        nl = dict(env, LANG="nl_NL.UTF-8")
        summary("advisor (Dutch) -> first question", [first_question([], nl, "bijdragen") for _ in range(args.runs)], TARGET_MS)

        saved = Path(state) / "advisor" / "questionnaire.json"
        saved.parent.mkdir(parents=True, exist_ok=True)
        progress = {
            "format": "advisor-questionnaire", "version": 1, "saved_at": "", "lang": "en", "knowledge_version": "",
            "complete": False, "next": "usage.active_share", "answers": {"goals": ["alignment"], "usage": {}},
        }
        text = json.dumps(progress)
        samples = []
        for _ in range(args.runs):
            saved.write_text(text, encoding="utf-8")
            samples.append(first_question(["--resume"], env, "posted or reacted"))
        summary("advisor --resume -> next question", samples)

    print("\nparts, each measured alone in a fresh process:")
    for name, ms in pieces().items():
        print(f"  {name:<48} {ms:6.0f} ms")


if __name__ == "__main__":
    main()
