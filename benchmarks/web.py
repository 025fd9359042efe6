"""Latency of the public site under concurrent load, on a real gunicorn server on 127.0.0.1.

Loads 200 States, 1,000 events and 100,000 references into a fresh database, starts
`treatywatch serve`, warms every worker, then sends a fixed number of requests per page from a
pool of threads (one httpx client each) and prints p50/p95/p99 latency and requests per second.

    PYTHONPATH=src /work/venv/bin/python benchmarks/web.py [--requests 600] [--concurrency 8]

Targets (2 cores): home p95 < 100 ms, /api/status p95 < 50 ms. The load generator shares the
machine with the server, so the figures are pessimistic.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx

TODAY = "2026-11-29"
TARGETS_MS = {"home": 100.0, "home, uncached": 100.0, "api status": 50.0}
PAGES = {
    "home": "/en/",
    # A new date on every request: nothing cached, the indicators counted by the database.
    "home, uncached": "/en/?as_of={day}",
    "state page": "/en/states/FRA/",
    "api status": "/api/status",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fill_database(states: int, events: int, references: int, seed: int = 7) -> dict[str, int]:
    """The bundle plus synthetic States, events and references up to the wanted counts."""
    from treatywatch.cli.bootstrap import setup_django

    setup_django()
    from treatywatch.events.models import Event
    from treatywatch.references.models import Reference
    from treatywatch.site.freshness import bump
    from treatywatch.treaties.loading import ensure_database
    from treatywatch.treaties.models import State

    ensure_database(date.fromisoformat(TODAY))
    rng = random.Random(seed)
    for index in range(states - State.objects.count()):
        code = f"X{chr(65 + index // 26)}{chr(65 + index % 26)}"
        State.objects.create(
            code=code,
            alpha2=f"X{chr(65 + index)}" if index < 26 else code[1:],
            name_en=f"Synthetic State {code}",
            name_fr=f"État synthétique {code}",
            name_es=f"Estado sintético {code}",
            un_status="other",
            un_regional_group="none",
            source_url="https://example.org/benchmark",
            source_date=date(2026, 1, 1),
        )
    codes = list(State.objects.values_list("code", flat=True))
    start = date(2023, 1, 1)

    def some_day() -> date:
        return start + timedelta(days=rng.randrange(1400))

    def review() -> str:
        roll = rng.random()
        return "confirmed" if roll < 0.85 else "pending" if roll < 0.95 else "rejected"

    new_events = []
    for index in range(events - Event.objects.count()):
        day = some_day()
        new_events.append(
            Event(
                slug=f"benchmark-event-{index}",
                title=f"Benchmark event {index}",
                starts_on=day if rng.random() > 0.1 else None,
                level=rng.choice(["international", "regional", "national"]),
                source_url=f"https://example.org/event/{index}",
                source_date=min(day + timedelta(days=3), date.fromisoformat(TODAY)),
                review=review(),
            )
        )
    Event.objects.bulk_create(new_events, batch_size=2000)
    through = Event.states.through
    through.objects.bulk_create(
        [
            through(event_id=event.pk, state_id=rng.choice(codes))
            for event in Event.objects.filter(slug__startswith="benchmark-")
        ],
        batch_size=2000,
    )
    batch: list[Reference] = []
    for index in range(references - Reference.objects.count()):
        day = some_day()
        batch.append(
            Reference(
                url=f"https://example.org/mention/{index}",
                title=f"Mention {index}",
                published_on=day if rng.random() > 0.05 else None,
                kind="adopted-document" if rng.random() < 0.2 else "public-domain",
                language=rng.choice(["en", "fr", "es", "de", "nl"]),
                country_id=rng.choice(codes),
                summary="Synthetic mention for the benchmark.",
                source_date=min(day + timedelta(days=2), date.fromisoformat(TODAY)),
                # About one mention in three is a syndicated copy of another.
                cluster=f"story-{index // 3}" if index % 3 else "",
                review=review(),
            )
        )
        if len(batch) == 5000:
            Reference.objects.bulk_create(batch)
            batch = []
    Reference.objects.bulk_create(batch)
    bump()  # bulk_create sends no signal
    from django.db import connections

    connections.close_all()
    return {
        "states": State.objects.count(),
        "events": Event.objects.count(),
        "references": Reference.objects.count(),
    }


def start_server(
    port: int, workers: int, env: dict[str, str]
) -> tuple[subprocess.Popen[bytes], float]:
    """The running server, and how long its first home page took (cold caches)."""
    command = [
        sys.executable, "-m", "treatywatch", "serve",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            started = time.perf_counter()
            if httpx.get(f"http://127.0.0.1:{port}/en/", timeout=30).status_code == 200:
                return server, (time.perf_counter() - started) * 1000
        except httpx.HTTPError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit(f"the server did not answer within 60 s: {server.stderr.read().decode()}")


def measure(base: str, path: str, requests: int, concurrency: int) -> dict[str, float] | str:
    """Latencies of `requests` GETs sent by `concurrency` threads, or why it was skipped.

    A `{day}` in the path becomes a different date for every request.
    """
    days = itertools.count()
    lock = threading.Lock()

    def next_path() -> str:
        with lock:
            offset = next(days)
        return path.format(day=(date(2026, 11, 29) - timedelta(days=offset)).isoformat())

    probe = httpx.get(base + next_path(), timeout=10)
    if probe.status_code != 200:
        return f"HTTP {probe.status_code}"
    share, extra = divmod(requests, concurrency)
    per_thread = [share + (i < extra) for i in range(concurrency)]

    def run(count: int) -> list[float]:
        timings = []
        with httpx.Client(base_url=base, timeout=10) as client:
            for _ in range(count):
                target = next_path()
                started = time.perf_counter()
                response = client.get(target)
                timings.append(time.perf_counter() - started)
                if response.status_code != 200:
                    raise RuntimeError(f"{target}: HTTP {response.status_code}")
        return timings

    # Warm every worker's caches before timing.
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(run, [5] * concurrency))
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        timings = sorted(t for batch in pool.map(run, per_thread) for t in batch)
    elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(timings, n=100, method="inclusive")
    return {
        "p50": cuts[49] * 1000,
        "p95": cuts[94] * 1000,
        "p99": cuts[98] * 1000,
        "rps": len(timings) / elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=600, help="timed requests per page")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--references", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=1_000)
    parser.add_argument("--states", type=int, default=200)
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="treatywatch-bench-"))
    os.environ.update({"TREATYWATCH_HOME": str(home), "TREATYWATCH_TODAY": TODAY})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "treatywatch.settings")
    started = time.perf_counter()
    counts = fill_database(args.states, args.events, args.references)
    print(
        f"database: {counts['states']} States, {counts['events']} events, "
        f"{counts['references']} references ({time.perf_counter() - started:.1f} s to load); "
        f"{os.cpu_count()} cores; {args.workers} gunicorn workers; "
        f"{args.concurrency} client threads; {args.requests} timed requests per page"
    )
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path[1:] or ["src"])}
    server, first_ms = start_server(port, args.workers, env)
    print(f"first home page after start (workers still warming up): {first_ms:.0f} ms")
    try:
        print(f"{'page':<15} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>8}  target")
        for name, path in PAGES.items():
            result = measure(f"http://127.0.0.1:{port}", path, args.requests, args.concurrency)
            if isinstance(result, str):
                print(f"{name:<15} not measured: {path} answered {result} (not served yet)")
                continue
            target = TARGETS_MS.get(name)
            verdict = (
                f"p95 < {target:.0f} ms: {'met' if result['p95'] < target else 'MISSED'}"
                if target
                else "-"
            )
            print(
                f"{name:<15} {result['p50']:>8.1f} {result['p95']:>8.1f} {result['p99']:>8.1f} "
                f"{result['rps']:>8.0f}  {verdict}"
            )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
