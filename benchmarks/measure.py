"""Speed and memory of `advisor measure` on a large Viva Engage export. Prints figures; asserts nothing.

    python benchmarks/measure.py [--rows 1000000] [--repeat 3]

Writes a Viva Engage activity user detail CSV (the admin centre's header, concealed names, CRLF,
seeded: the same file every run) to a temporary folder, then times:
- the floor: merely reading the file with the csv module, row by row, doing nothing with the rows;
- `advisor measure` in this process (measure_exports: reading, checking every cell, counting);
- `advisor measure FILE --format json` as a command in a child process, start-up included, with
  the child's peak memory (ru_maxrss);
- the same command on a file of a tenth of the rows: flat memory means the same peak for both.
Target: under 10 s for 1,000,000 rows, with memory that does not grow with the file.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = (
    "Report Refresh Date,User Principal Name,Display Name,User State,State Change Date,Last Activity Date,"
    "Posted Count,Read Count,Liked Count,Assigned Products,Report Period"
)


def export(path: Path, rows: int, seed: int = 2026) -> None:
    """A 30-day export: most people read, about one in ten posts (participation inequality), one
    in a hundred is deleted; names concealed as the admin centre does (a 32-digit hash)."""
    generator = random.Random(seed)
    posts = [0] * 90 + [1] * 5 + [2, 3, 4, 5, 8] + [13, 21, 40]
    reads = [0] * 20 + list(range(1, 60))
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\ufeff" + HEADER + "\r\n")
        lines = []
        for person in range(rows):
            state = "Deleted" if person % 100 == 99 else "Activated"
            name = f"{generator.getrandbits(128):032X}"
            lines.append(
                f"2024-05-31T00:00:00Z,{name},{name},{state},,2024-05-30,"
                f"{generator.choice(posts)},{generator.choice(reads)},{generator.choice((0, 0, 0, 1, 2))},"
                "MICROSOFT 365 E5,30\r\n"
            )
            if len(lines) == 10_000:
                handle.writelines(lines)
                lines.clear()
        handle.writelines(lines)


def floor(path: Path) -> float:
    started = time.perf_counter()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for _ in csv.reader(handle):
            pass
    return time.perf_counter() - started


def in_process(path: Path) -> tuple[float, dict]:
    from advisor.measure import measure_exports

    started = time.perf_counter()
    measurement = measure_exports([path])
    return time.perf_counter() - started, measurement.usage


def command(path: Path) -> tuple[float, float]:
    """Seconds and the child's peak memory (MB) of `advisor measure FILE --format json`."""
    code = (
        "import resource, sys, time\n"
        "from advisor.cli.main import main\n"
        "started = time.perf_counter()\n"
        f"code = main(['measure', {str(path)!r}, '--format', 'json'])\n"
        "seconds = time.perf_counter() - started\n"
        "sys.stderr.write(f'{code} {seconds} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n')\n"
    )
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    exit_code, _, maxrss = result.stderr.strip().splitlines()[-1].split()
    assert exit_code == "0", result.stderr
    return wall, int(maxrss) / 1024  # ru_maxrss is in KB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (the machine is shared)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as directory:
        large, small = Path(directory) / "engage.csv", Path(directory) / "engage-tenth.csv"
        export(large, args.rows)
        export(small, args.rows // 10)
        size = large.stat().st_size / 1e6
        print(f"input: {args.rows:,} rows, {size:.0f} MB Viva Engage CSV (BOM, CRLF, concealed names); best of {args.repeat}")
        floor_s = min(floor(large) for _ in range(args.repeat))
        runs = [in_process(large) for _ in range(args.repeat)]
        inner_s, usage = min(runs, key=lambda run: run[0])
        commands = [command(large) for _ in range(args.repeat)]
        command_s, peak_mb = min(seconds for seconds, _ in commands), max(peak for _, peak in commands)
        small_s, small_mb = command(small)
        print(f"{'':38} {'seconds':>8} {'rows/s':>10} {'peak MB':>8}")
        print(f"{'floor: csv.reader, rows discarded':38} {floor_s:8.2f} {args.rows / floor_s:10,.0f} {'':>8}")
        print(f"{'measure_exports, in process':38} {inner_s:8.2f} {args.rows / inner_s:10,.0f} {'':>8}")
        print(f"{'advisor measure (child, start-up too)':38} {command_s:8.2f} {args.rows / command_s:10,.0f} {peak_mb:8.1f}")
        print(f"{f'  the same on {args.rows // 10:,} rows':38} {small_s:8.2f} {'':>10} {small_mb:8.1f}")
        print(f"measure / floor: {inner_s / floor_s:.1f}x; peak memory {peak_mb:.1f} MB for {size:.0f} MB of input, "
              f"{small_mb:.1f} MB for a tenth of it (target: under 10 s, flat memory)")
        print(f"usage: {usage}")
    return 0


if __name__ == "__main__":
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, like the other benchmarks
    raise SystemExit(main())
