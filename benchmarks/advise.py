"""Speed and memory of the advice engine. Prints figures; asserts nothing.

    python benchmarks/advise.py [--quick]

Measures, on the shipped knowledge: advise() median and p99 and consultations per second; the
same for the raw engine call alone (the floor: asserting the facts and collecting the firings);
the start-up time of `advisor --version` and of `advisor advise --format json` (whole processes);
and memory growth over 100,000 consultations. Targets (from the issue): advise() median at most
1 ms and within 2x of the floor; --version under 100 ms; advise --format json under 400 ms;
memory growth under 5 MB.
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

from advisor import advise
from advisor.engine.compiler import facts_for
from advisor.reasoning.pipeline import advisor_for
from advisor.knowledge.load import shipped_knowledge
from advisor.schema import Answers

ANSWERS = {
    "goals": ["alignment", "engagement", "efficiency"],
    "usage": {"active_share": 8, "active_frequency": "weekly", "passive_share": 45, "passive_frequency": "weekly"},
    "purposes": {"ideas": "never", "expertise": "sometimes", "processes": "never", "strategy_dialogue": "never", "read_only": "often"},
}


def timings(call, repeat: int) -> list[float]:
    for _ in range(min(200, repeat)):  # warm up
        call()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return samples


def summary(name: str, samples: list[float]) -> float:
    samples = sorted(samples)
    median = statistics.median(samples)
    p99 = samples[int(len(samples) * 0.99) - 1]
    print(f"{name:<34} median {median * 1e3:7.3f} ms   p99 {p99 * 1e3:7.3f} ms   {1 / median:9.0f} per second")
    return median


def rss_kb() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def process_time(argv: list[str], repeat: int, cwd: str) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    repeat = 2_000 if args.quick else 20_000
    memory_runs = 10_000 if args.quick else 100_000

    knowledge = shipped_knowledge()
    engine = advisor_for(knowledge).engine
    answers = Answers.model_validate(ANSWERS)
    facts = facts_for(answers)
    print(f"knowledge {knowledge.version}: {len(knowledge.rules)} rules, engine {engine.name}, "
          f"{len(engine.run(facts))} firings for the sample answers")
    full = summary("advise(dict)", timings(lambda: advise(ANSWERS), repeat))
    summary("advise(Answers)", timings(lambda: advise(answers), repeat))
    floor = summary("raw engine call (floor)", timings(lambda: engine.run(facts_for(answers)), repeat))
    print(f"{'advise() / floor':<34} {full / floor:.2f}x")

    before = rss_kb()
    for _ in range(memory_runs):
        advise(ANSWERS)
    after = rss_kb()
    print(f"{'memory growth':<34} {(after - before) / 1024:.2f} MB over {memory_runs:,} consultations "
          f"(RSS {before / 1024:.1f} -> {after / 1024:.1f} MB)")

    script = Path(sys.executable).parent / "advisor"
    with tempfile.TemporaryDirectory() as workdir:
        Path(workdir, "answers.json").write_text(json.dumps(ANSWERS))
        runs = 5 if args.quick else 20
        version = process_time([str(script), "--version"], runs, workdir)
        advise_json = process_time([str(script), "advise", "--answers", "answers.json", "--format", "json"], runs, workdir)
    print(f"{'advisor --version':<34} {version * 1e3:7.1f} ms (median of {runs} processes)")
    print(f"{'advisor advise --format json':<34} {advise_json * 1e3:7.1f} ms (median of {runs} processes)")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
