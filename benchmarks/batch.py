"""Throughput of `advisor batch`. Prints figures; asserts nothing.

    python benchmarks/batch.py [--rows 10000] [--format json|jsonl|markdown|html] [--jobs N] [--engine durable|python|both]

Writes a survey-like CSV (seeded: the same file every run; one row in a hundred has a bad cell),
then runs `advisor batch FILE --out DIR --quiet` in this process, on one core, for each engine,
and reports rows per second, whole run included: reading and validating the rows, the rules,
building and writing each advice file, the summary and results.csv. Target (from the issue): at
least 1,000 rows per second with JSON output on one core.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from advisor.batch.inputs import COLUMNS
from advisor.cli.main import main

GOALS = ["alignment", "engagement", "efficiency", "effectiveness", "knowledge_sharing", "communication_satisfaction"]
FREQUENCIES = ["daily", "weekly", "monthly", "less", ""]
LEVELS = ["never", "sometimes", "often", ""]


def survey(path: Path, rows: int, seed: int = 2026) -> int:
    """A survey export of ``rows`` respondents; returns how many rows have a bad cell."""
    generator = random.Random(seed)
    bad = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for index in range(rows):
            row = [
                f"resp-{index:06d}",
                generator.choice(["en", "nl"]),
                ";".join(generator.sample(GOALS, generator.choice([1, 2, 3]))),
                generator.choice(["", str(generator.randint(0, 60)), f"{generator.uniform(0, 60):.1f}"]),
                generator.choice(FREQUENCIES),
                generator.choice(["", str(generator.randint(5, 100))]),
                generator.choice(FREQUENCIES),
                *(generator.choice(LEVELS) for _ in range(5)),
                generator.choice(["", "Example BV", "Gemeente Voorbeeld"]),
                generator.choice(["", "250", "1200", "8000"]),
            ]
            if index % 100 == 99:
                row[3] = "a lot"  # usage.active_share: not a number
                bad += 1
            writer.writerow(row)
    return bad


def run(path: Path, out: Path, fmt: str, engine: str, jobs: int = 1) -> float:
    started = time.perf_counter()
    code = main(["batch", str(path), "--out", str(out), "--format", fmt, "--engine", engine, "--quiet"] + (["--jobs", str(jobs)] if jobs > 1 else []))
    seconds = time.perf_counter() - started
    assert code == 0, code
    return seconds


def main_(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--format", choices=("json", "jsonl", "markdown", "html"), default="json")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (more than one: not pinned to one core)")
    parser.add_argument("--engine", choices=("durable", "python", "both"), default="both")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity") and args.jobs == 1:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    engines = ["durable", "python"] if args.engine == "both" else [args.engine]
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "survey.csv"
        bad = survey(path, args.rows)
        print(f"input: {args.rows:,} rows ({bad} with a bad cell), {path.stat().st_size / 1e6:.1f} MB CSV; format {args.format}")
        main(["batch", str(path), "--out", str(Path(directory) / "warm"), "--engine", engines[0], "--quiet"])  # imports, knowledge
        for engine in engines:
            try:
                seconds = run(path, Path(directory) / engine, args.format, engine, args.jobs)
            except SystemExit:
                print(f"{engine}: not available here")
                continue
            print(f"{engine:8} {seconds:6.2f} s  {args.rows / seconds:8,.0f} rows/s  ({seconds / args.rows * 1e6:,.0f} µs per row)")
    print("targets: on one core >= 3,000 rows/s with --format jsonl, >= 1,500 with one JSON file per row; --jobs 2 >= 1.6x of one job")
    return 0


if __name__ == "__main__":
    sys.exit(main_())
