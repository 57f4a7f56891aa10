"""Round trip and throughput of `advisor serve --http`, beside the in-process floor. Prints
figures; asserts nothing.

    python benchmarks/http.py [--requests 2000] [--connections 8] [--engine durable|python|both]

Starts the server as a separate process on 127.0.0.1 (port 0), as a tool would, and measures
POST /v1/advice: the round trip of one request at a time on one kept-alive connection (median,
p95, p99), and requests per second with several connections at once. The floor is the same
work in this process without HTTP: Advisor.advise() and the JSON the server writes. The answers
vary over the combination grid, in the long form, alternating en/nl.
"""

from __future__ import annotations

import os
import sys

# This file is named http.py, as the endpoint it measures; run as a script, its folder comes
# first on sys.path and would hide the standard library's http package.
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import argparse  # noqa: E402
import http.client  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from urllib.parse import urlsplit  # noqa: E402

from advisor.check.grid import combinations  # noqa: E402
from advisor.knowledge.load import shipped_knowledge  # noqa: E402
from advisor.reasoning.pipeline import advisor_for  # noqa: E402
from advisor.render.json import dumps  # noqa: E402


def requests(count: int) -> list[dict]:
    grid = list(combinations(shipped_knowledge()))
    step = max(1, len(grid) // count)
    return [{"id": n, "lang": ("en", "nl")[n % 2], "answers": a} for n, a in enumerate(grid[::step][:count])]


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def start(engine: str) -> tuple[subprocess.Popen, str, float]:
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "advisor", "serve", "--http", "--port", "0", "--engine", engine],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    url = process.stdout.readline().strip()
    if not url:
        raise RuntimeError(process.stderr.read().strip()[:300])
    host, port = urlsplit(url).hostname, urlsplit(url).port
    while True:  # the address is printed just before the server starts answering
        try:
            connection = http.client.HTTPConnection(host, port, timeout=10)
            connection.request("GET", "/healthz")
            connection.getresponse().read()
            connection.close()
            break
        except OSError:
            time.sleep(0.01)
    return process, url, time.perf_counter() - began


def post(connection: http.client.HTTPConnection, body: bytes) -> bytes:
    connection.request("POST", "/v1/advice", body=body, headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    assert response.status == 200, data[:300]
    return data


def measure(engine: str, bodies: list[bytes], connections: int) -> None:
    try:
        process, url, startup = start(engine)
    except RuntimeError as error:
        print(f"{engine}: not available here ({error})")
        return
    host, port = urlsplit(url).hostname, urlsplit(url).port
    try:
        one = http.client.HTTPConnection(host, port, timeout=30)
        post(one, bodies[0])  # warm
        samples = []
        for body in bodies:
            began = time.perf_counter()
            post(one, body)
            samples.append((time.perf_counter() - began) * 1000)
        one.close()

        share = [bodies[n::connections] for n in range(connections)]

        def client(mine: list[bytes]) -> None:
            connection = http.client.HTTPConnection(host, port, timeout=30)
            for body in mine:
                post(connection, body)
            connection.close()

        threads = [threading.Thread(target=client, args=(mine,)) for mine in share]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        concurrent = len(bodies) / (time.perf_counter() - began)
    finally:
        process.terminate()
        process.wait()

    floor = in_process(engine, bodies)
    print(
        f"{engine:8} HTTP: start-up {startup * 1000:4.0f} ms | one at a time: median {statistics.median(samples):.2f} ms, "
        f"p95 {percentile(samples, 0.95):.2f} ms, p99 {percentile(samples, 0.99):.2f} ms, {1000 / statistics.mean(samples):,.0f} requests/s"
        f" | {connections} connections: {concurrent:,.0f} requests/s"
    )
    print(f"{'':8} floor (advise() and its JSON, in this process): median {floor[0]:.2f} ms, {floor[1]:,.0f} per second")


def in_process(engine: str, bodies: list[bytes]) -> tuple[float, float]:
    advisor = advisor_for(engine=engine)
    requests_ = [json.loads(body) for body in bodies]
    samples = []
    began = time.perf_counter()
    for request in requests_:
        one = time.perf_counter()
        dumps({"id": request["id"], "advice": advisor.advise(request["answers"], request["lang"]).model_dump(mode="json")})
        samples.append((time.perf_counter() - one) * 1000)
    return statistics.median(samples), len(requests_) / (time.perf_counter() - began)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--engine", choices=("durable", "python", "both"), default="both")
    args = parser.parse_args(argv)
    bodies = [json.dumps(request).encode() for request in requests(args.requests)]
    print(f"{len(bodies):,} requests to POST /v1/advice on 127.0.0.1, answers from the combination grid, alternating en/nl")
    for engine in ["durable", "python"] if args.engine == "both" else [args.engine]:
        measure(engine, bodies, args.connections)
    return 0


if __name__ == "__main__":
    sys.exit(main())
