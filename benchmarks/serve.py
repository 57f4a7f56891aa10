"""Round-trip time of `advisor serve --stdio`. Prints figures; asserts nothing.

    python benchmarks/serve.py [--requests 2000] [--engine durable|python|both]

Starts the server as a separate process, as a tool in another language would, and measures:
the time to the first answer (start-up included); the round trip of one request at a time
(write a line, wait for its answer: median, p95, p99); and the throughput when requests are
pipelined (all written, then all read). The answers vary over the combination grid.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import threading
import time

from advisor.check.grid import combinations
from advisor.knowledge.load import shipped_knowledge


def requests(count: int) -> list[bytes]:
    grid = list(combinations(shipped_knowledge()))
    step = max(1, len(grid) // count)
    chosen = grid[::step][:count]
    return [json.dumps({"id": n, "lang": ("en", "nl")[n % 2], "answers": a}).encode() + b"\n" for n, a in enumerate(chosen)]


def start(engine: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "advisor", "serve", "--stdio", "--engine", engine],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(engine: str, lines: list[bytes]) -> None:
    started = time.perf_counter()
    process = start(engine)
    process.stdin.write(lines[0])
    process.stdin.flush()
    first = process.stdout.readline()
    if not first:
        print(f"{engine}: not available here ({process.stderr.read().decode().strip()[:200]})")
        process.wait()
        return
    startup = time.perf_counter() - started
    samples = []
    for line in lines:
        began = time.perf_counter()
        process.stdin.write(line)
        process.stdin.flush()
        answer = process.stdout.readline()
        samples.append(time.perf_counter() - began)
        assert b'"advice"' in answer, answer[:200]
    # pipelined: a writer thread feeds every request while this thread reads the answers
    began = time.perf_counter()
    writer = threading.Thread(target=lambda: (process.stdin.writelines(lines), process.stdin.flush()))
    writer.start()
    for _ in lines:
        process.stdout.readline()
    pipelined = time.perf_counter() - began
    writer.join()
    process.stdin.close()
    process.wait()
    ms = [s * 1000 for s in samples]
    print(
        f"{engine:8} first answer {startup * 1000:6.0f} ms | one at a time: median {statistics.median(ms):.2f} ms, "
        f"p95 {percentile(ms, 0.95):.2f} ms, p99 {percentile(ms, 0.99):.2f} ms | pipelined {len(lines) / pipelined:,.0f} requests/s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--engine", choices=("durable", "python", "both"), default="both")
    args = parser.parse_args(argv)
    lines = requests(args.requests)
    print(f"{len(lines):,} requests, answers from the combination grid, alternating en/nl")
    for engine in ["durable", "python"] if args.engine == "both" else [args.engine]:
        measure(engine, lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
