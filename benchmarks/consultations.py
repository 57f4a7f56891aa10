"""One consultation, stage by stage, next to the raw engine floor; batch and check throughput.
Prints figures; asserts nothing.

    python benchmarks/consultations.py [--quick] [--rows 10000] [--memory 1000000]

Every figure is CPU time of this process (time.process_time), or wall time of a child process
where it says so, on the shipped knowledge:

- advise(): random answers, no repeats (one to three goals, as a survey gives them), and the
  same answers again; the raw engine run on the same answers beside them (the floor: asserting
  the facts and collecting the firings), and the floor of a repeat: validating the answers;
- build_advice on its own, and writing the advice as JSON (json.dumps against model_dump_json);
- `advisor batch` of a survey (benchmarks/batch.py's), on one core: JSON files, JSON lines,
  and two jobs; and `advisor check` with the grid, on the shipped rules and with every rule
  copied under a new id;
- memory: RSS growth over many consultations after a warm-up.

Runs on older versions of the advisor too (what they lack is reported as not available), so
the same script measures before and after a change.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from advisor.answers.read import parse_answers  # noqa: E402
from advisor.engine.compiler import facts_for  # noqa: E402
from advisor.knowledge.load import default_paths, shipped_knowledge  # noqa: E402
from advisor.reasoning.assembly import build_advice  # noqa: E402
from advisor.reasoning.pipeline import advisor_for  # noqa: E402
from advisor.render.json import dumps  # noqa: E402
from advisor.vocabulary import FREQUENCIES, GOALS, PURPOSE_LEVELS, PURPOSES  # noqa: E402

ADVISOR = Path(sys.executable).parent / "advisor"


def random_answers(count: int, seed: int = 12) -> list[dict]:
    generator = random.Random(seed)

    def share():
        return "unknown" if generator.random() < 0.1 else round(generator.uniform(0, 100), generator.choice([0, 1, 2]))

    found, seen = [], set()
    while len(found) < count:
        answers = {
            "goals": generator.sample(GOALS, generator.choice([1, 2, 3])),
            "usage": {
                "active_share": share(),
                "active_frequency": generator.choice(FREQUENCIES + ("unknown",)),
                "passive_share": share(),
                "passive_frequency": generator.choice(FREQUENCIES + ("unknown",)),
            },
            "purposes": {purpose: generator.choice(PURPOSE_LEVELS + ("unknown",)) for purpose in PURPOSES},
        }
        if repr(answers) not in seen:
            seen.add(repr(answers))
            found.append(answers)
    return found


def per_call(call, items) -> float:
    """Median CPU time of call(item), in microseconds."""
    samples = []
    clock = time.process_time
    for item in items:
        start = clock()
        call(item)
        samples.append(clock() - start)
    # process_time ticks in microseconds or coarser: the median of single calls is exact enough
    # only with a fine clock, so also take the mean over the whole run
    return statistics.median(samples) * 1e6, sum(samples) / len(samples) * 1e6


def row(name: str, *cells: str) -> None:
    print(f"| {name} | " + " | ".join(cells) + " |")


def consultation_figures(count: int) -> None:
    knowledge = shipped_knowledge()
    sets = random_answers(count)
    parsed = [parse_answers(answers) for answers in sets]
    repeat = sets[0]
    print(f"\nknowledge {knowledge.version}: {len(knowledge.rules)} rules; {count:,} random answer sets, no repeats\n")
    row("stage (CPU time, µs)", "durable: median / mean", "python: median / mean")
    row("---", "---:", "---:")
    results: dict[str, dict[str, tuple[float, float]]] = {}
    for engine in ("durable", "python"):
        try:
            advisor = advisor_for(knowledge, engine)
        except Exception:
            continue
        figures = results[engine] = {}
        figures["advise() random, no repeats"] = per_call(lambda answers: advisor.advise(answers), sets)
        for _ in range(200):
            advisor.advise(repeat)
        figures["advise() the same answers again"] = per_call(lambda answers: advisor.advise(answers), [repeat] * count)
        figures["floor: raw engine run"] = per_call(lambda answers: advisor.engine.run(facts_for(answers)), parsed)
        figures["floor of a repeat: validating the answers"] = per_call(parse_answers, sets)
        firings = [advisor.engine.run(facts_for(answers)) for answers in parsed[:2000]]
        pairs = list(zip(parsed, firings))
        figures["build_advice (direct, from the firings)"] = per_call(lambda pair: build_advice(knowledge, pair[0], pair[1], "en"), pairs)
    for stage in next(iter(results.values())):
        cells = []
        for engine in ("durable", "python"):
            median, mean = results.get(engine, {}).get(stage, (float("nan"), float("nan")))
            cells.append(f"{median:,.1f} / {mean:,.1f}")
        row(stage, *cells)
    advice = advisor_for(knowledge, "python").advise(sets[1])
    data = advice.model_dump(mode="json")
    dumped = per_call(lambda _: dumps(advice.model_dump(mode="json")), range(2000))
    pydantic = per_call(lambda _: advice.model_dump_json(indent=2), range(2000))
    same = dumps(data) == advice.model_dump_json(indent=2) + "\n"
    row("JSON: json.dumps(indent=2) / model_dump_json(indent=2)", f"{dumped[0]:,.1f} / {pydantic[0]:,.1f}", f"same bytes: {same}")


def process_seconds(argv: list[str], cwd: str, runs: int = 5) -> tuple[float, float]:
    """Median wall time and median CPU time (user and system) of a child process."""
    import resource

    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def batch_figures(rows: int) -> None:
    from batch import survey

    print()
    row(f"batch, {rows:,} rows, whole process: rows/s by wall time (by CPU time)", "durable", "python")
    row("---", "---:", "---:")
    one_core = ["taskset", "-c", str(min(os.sched_getaffinity(0)))] if shutil.which("taskset") else []
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "survey.csv"
        survey(path, rows)
        for label, extra, cores in (
            ("--format json (one file per row), one core", ["--format", "json"], one_core),
            ("--format jsonl, one core", ["--format", "jsonl"], one_core),
            ("--format json --jobs 2, two cores (CPU: all processes)", ["--format", "json", "--jobs", "2"], []),
        ):
            cells = []
            for engine in ("durable", "python"):
                out = Path(directory) / f"out-{engine}-{len(extra)}-{label[9:13]}"
                argv = cores + [str(ADVISOR), "batch", str(path), "--out", str(out), "--engine", engine, "--quiet"] + extra
                import resource

                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                seconds = time.perf_counter() - start
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                cells.append(f"{rows / seconds:,.0f} ({rows / cpu:,.0f})" if done.returncode == 0 else "not available")
                shutil.rmtree(out, ignore_errors=True)
            row(label, *cells)


def doubled_rules(target: Path) -> tuple[Path, Path]:
    """A copy of the shipped knowledge with every rule copied under a new id."""
    import copy

    import yaml

    class Plain(yaml.SafeDumper):  # the advisor reads no anchors or aliases
        def ignore_aliases(self, data):
            return True

    findings, rules = default_paths()
    shutil.copy(findings, target / "findings.yaml")
    shutil.copytree(rules, target / "rules")
    for path in sorted((target / "rules").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data and data.get("rules"):
            data["rules"] = data["rules"] + [dict(copy.deepcopy(rule), id=rule["id"] + "-copy") for rule in data["rules"]]
            path.write_text(yaml.dump(data, Dumper=Plain, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target / "findings.yaml", target / "rules"


def check_figures() -> None:
    print()
    row("advisor check with the grid (wall)", "durable", "python")
    row("---", "---:", "---:")
    with tempfile.TemporaryDirectory() as directory:
        findings, rules = doubled_rules(Path(directory))
        for label, extra in (("shipped rules", []), ("every rule copied under a new id", ["--findings", str(findings), "--rules", str(rules)])):
            cells = []
            for engine in ("durable", "python"):
                start = time.perf_counter()
                done = subprocess.run(
                    [str(ADVISOR), "check", "--format", "json", "--engine", engine] + extra, capture_output=True, text=True
                )
                seconds = time.perf_counter() - start
                try:
                    grid = json.loads(done.stdout)["grid"]
                    cells.append(f"{seconds:.1f} s, {grid['consultations']:,} engine runs, {grid['combinations']:,} sets")
                except (ValueError, KeyError, TypeError):
                    cells.append(f"{seconds:.1f} s (no report: exit {done.returncode})")
            row(label, *cells)


def startup_figures() -> None:
    print()
    row("start-up (median of 9 processes)", "wall ms", "CPU ms")
    row("---", "---:", "---:")
    with tempfile.TemporaryDirectory() as directory:
        Path(directory, "answers.json").write_text(json.dumps(random_answers(1)[0]))
        for name, argv in (
            ("advisor --version", [str(ADVISOR), "--version"]),
            ("advisor advise --format json", [str(ADVISOR), "advise", "--answers", "answers.json", "--format", "json"]),
        ):
            process_seconds(argv, directory, runs=1)  # the file system cache, and the knowledge cache where there is one
            wall, cpu = process_seconds(argv, directory, runs=9)
            row(name, f"{wall * 1e3:,.0f}", f"{cpu * 1e3:,.0f}")
    print("(the first question and --resume: benchmarks/startup.py)")


def memory_figures(count: int) -> None:
    def rss_mb() -> float:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    advisor = advisor_for(shipped_knowledge())
    sets = random_answers(20_000, seed=99)
    for answers in sets * 2:  # warm-up: every set twice
        advisor.advise(answers)
    before = rss_mb()
    for number in range(count):
        advisor.advise(sets[number % len(sets)] if number % 2 else sets[(number * 7919) % len(sets)])
    after = rss_mb()
    print(f"\nmemory: RSS {before:.1f} -> {after:.1f} MB over {count:,} consultations after the warm-up "
          f"(growth {after - before:+.1f} MB), engine {advisor.engine.name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer consultations and rows")
    parser.add_argument("--rows", type=int, default=None)
    parser.add_argument("--memory", type=int, default=None, help="consultations for the memory figure")
    parser.add_argument("--only", choices=("consultations", "batch", "check", "startup", "memory"), action="append")
    args = parser.parse_args()
    count = 2_000 if args.quick else 10_000
    rows = args.rows or (2_000 if args.quick else 10_000)
    parts = args.only or ["consultations", "batch", "check", "startup", "memory"]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    if "consultations" in parts:
        consultation_figures(count)
    if "batch" in parts:
        batch_figures(rows)
    if "check" in parts:
        check_figures()
    if "startup" in parts:
        startup_figures()
    if "memory" in parts:
        memory_figures(args.memory or (100_000 if args.quick else 1_000_000))


if __name__ == "__main__":
    main()
