"""Load on the web server: many clients over loopback for a while, with a mixed load.

    python bench/web_load.py [--clients 200] [--seconds 60] [--max-requests 200000]
                             [--workers N] [--queue-size N] [--mix 80,10,10]
                             [--corpus FILE ...] [--json OUT]

Starts ``python -m uztranslit.web`` on 127.0.0.1 and a free port (never another
address), then runs --clients concurrent clients until --seconds have passed or
--max-requests were sent.  Each client picks, request by request:

- 80 %: a short text (one sentence to a paragraph) to /api/convert;
- 10 %: a 1 MB text (UTF-8 bytes) to /api/convert;
- 10 %: an upload of two files (100 KB each) to /api/convert-file, answered by a zip
(--mix changes the weights).

After a 503 a client waits 50-200 ms before its next request (the server asks for
1 s in Retry-After; a shorter wait keeps the pressure on).  Reported: answers by
status (only 200 and 503 are acceptable), dropped connections (a request that got
no answer), answers whose content is wrong, p50/p99 latency of each kind, the
throughput of converted requests and megabytes, and the server's memory (RSS of
the server and its workers: peak, and at the end).  The text is the seed article
and any --corpus files (read at run time, never copied).  The clients run in this
process (httpx, asyncio), on the same machine as the server: they take a share of
the cores too.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime
import io
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import time
import zipfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import httpx

import uztranslit

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_cef08cc270b87343.txt"
HOST = "127.0.0.1"  # loopback only
MB = 1_000_000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def descendants(pid: int) -> list[int]:
    """*pid*'s children, grandchildren and so on, from /proc."""
    found: list[int] = []
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                children = [int(child) for child in (task / "children").read_text().split()]
                found.extend(children)
                pending.extend(children)
        except OSError:
            continue
    return found


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of *pid* so far (0 if gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_bytes(pid: int) -> int:
    """Resident memory of *pid* and all its descendants, from /proc (0 if gone)."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(
                int(line.split()[1]) * 1024
                for line in status.splitlines()
                if line.startswith("VmRSS:")
            )
            for task in Path(f"/proc/{current}/task").iterdir():
                pending.extend(int(child) for child in (task / "children").read_text().split())
        except (OSError, StopIteration):
            continue
    return total


class Load:
    """The requests to send, made once, with their expected answers."""

    def __init__(self, corpus: list[Path]) -> None:
        text = "\n".join(path.read_text(encoding="utf-8") for path in [SEED, *corpus])
        paragraphs = [p.strip() for p in text.split("\n") if len(p.strip()) > 20]
        self.short = [(p, uztranslit.transliterate(p, to="latin")) for p in paragraphs[:200]]
        self.big_text = (text + "\n") * (MB // len(text.encode()) + 1)
        self.big_body = json.dumps({"text": self.big_text, "to": "latin"}).encode()
        self.big_length = len(uztranslit.transliterate(self.big_text, to="latin"))
        piece = (text + "\n") * (100_000 // len(text.encode()) + 1)
        self.file = piece.encode()
        self.file_expected = uztranslit.transliterate(piece, to="latin").encode()


class Tally:
    """What the clients saw."""

    def __init__(self) -> None:
        self.statuses: Counter[tuple[str, int]] = Counter()
        self.latency: defaultdict[str, list[float]] = defaultdict(list)
        self.dropped: Counter[str] = Counter()
        self.wrong = 0
        self.sent = 0
        # For each dropped connection: seconds the connection had been idle before the
        # request (None: the client's first request), seconds from the request to the
        # error, and the error.
        self.drops: list[tuple[float | None, float, str]] = []
        self.converted_bytes = 0


async def one_request(
    client: httpx.AsyncClient, load: Load, kind: str, tally: Tally, idle: float | None
) -> int:
    """Send one request of *kind*; its status (0 when the connection dropped)."""
    started = time.perf_counter()
    try:
        if kind == "short":
            text, expected = random.choice(load.short)
            answer = await client.post("/api/convert", json={"text": text, "to": "latin"})
            ok = answer.status_code != 200 or answer.json()["result"] == expected
            size = len(text.encode())
        elif kind == "1MB":
            answer = await client.post(
                "/api/convert",
                content=load.big_body,
                headers={"content-type": "application/json"},
            )
            ok = answer.status_code != 200 or len(answer.json()["result"]) == load.big_length
            size = len(load.big_body)
        else:
            files = [("file", ("a.txt", load.file)), ("file", ("b.txt", load.file))]
            answer = await client.post("/api/convert-file", files=files, data={"to": "latin"})
            if answer.status_code == 200:
                with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
                    ok = archive.read("b.txt") == load.file_expected
            else:
                ok = True
            size = 2 * len(load.file)
    except httpx.HTTPError as error:
        tally.dropped[f"{kind}: {type(error).__name__}"] += 1
        waited = round(time.perf_counter() - started, 2)
        tally.drops.append((idle and round(idle, 2), waited, repr(error.__cause__ or error)))
        return 0
    elapsed = time.perf_counter() - started
    tally.statuses[(kind, answer.status_code)] += 1
    if answer.status_code == 200:
        tally.latency[kind].append(elapsed)
        tally.converted_bytes += size
    if not ok:
        tally.wrong += 1
    return answer.status_code


KINDS = ("short", "1MB", "files")


async def client_loop(
    base: str, load: Load, tally: Tally, deadline: float, args: argparse.Namespace
) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=300.0) as client:
        last: float | None = None
        while time.monotonic() < deadline and tally.sent < args.max_requests:
            tally.sent += 1
            (kind,) = random.choices(KINDS, weights=args.mix)
            idle = None if last is None else time.monotonic() - last
            status = await one_request(client, load, kind, tally, idle)
            last = time.monotonic()
            if status == 503:
                await asyncio.sleep(random.uniform(0.05, 0.2))


async def sample_memory(pid: int, samples: list[int], stop: asyncio.Event) -> None:
    while not stop.is_set():
        samples.append(rss_bytes(pid))
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.5)


async def run_load(base: str, pid: int, args: argparse.Namespace, load: Load) -> dict[str, Any]:
    tally = Tally()
    samples: list[int] = []
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample_memory(pid, samples, stop))
    started = time.monotonic()
    deadline = started + args.seconds
    await asyncio.gather(
        *(client_loop(base, load, tally, deadline, args) for _ in range(args.clients))
    )
    elapsed = time.monotonic() - started
    stop.set()
    await sampler
    results = summarise(tally, elapsed, samples)
    results["server_cpu_s"] = {
        "event_loop_process": round(cpu_seconds(pid), 1),
        "workers_alive_at_end": round(sum(cpu_seconds(child) for child in descendants(pid)), 1),
        "this_client_process": round(time.process_time(), 1),
    }
    return results


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def summarise(tally: Tally, elapsed: float, samples: list[int]) -> dict[str, Any]:
    statuses: dict[str, int] = {}
    for (kind, status), count in sorted(tally.statuses.items()):
        statuses[f"{kind} {status}"] = count
    bad = sum(count for (_, status), count in tally.statuses.items() if status not in (200, 503))
    latency = {
        kind: {
            "count": len(values),
            "p50_ms": round(1000 * statistics.median(values), 1),
            "p99_ms": round(1000 * percentile(values, 0.99), 1),
        }
        for kind, values in sorted(tally.latency.items())
    }
    everything = [v for values in tally.latency.values() for v in values]
    converted = len(everything)
    return {
        "seconds": round(elapsed, 1),
        "requests": sum(tally.statuses.values()) + sum(tally.dropped.values()),
        "statuses": statuses,
        "rejected_503": sum(c for (_, s), c in tally.statuses.items() if s == 503),
        "errors_other_than_503": bad,
        "dropped_connections": dict(tally.dropped),
        "dropped_idle_and_wait_s": tally.drops,
        "wrong_answers": tally.wrong,
        "latency_of_200": latency,
        "all_200": {
            "count": converted,
            "p50_ms": round(1000 * statistics.median(everything), 1) if everything else None,
            "p99_ms": round(1000 * percentile(everything, 0.99), 1) if everything else None,
        },
        "throughput_requests_per_s": round(converted / elapsed, 1),
        "throughput_mb_per_s": round(tally.converted_bytes / MB / elapsed, 2),
        "server_rss_mb": {
            "start": round(samples[0] / MB, 1) if samples else None,
            "peak": round(max(samples) / MB, 1) if samples else None,
            "end": round(samples[-1] / MB, 1) if samples else None,
        },
    }


def start_server(args: argparse.Namespace) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [
        sys.executable, "-m", "uztranslit.web", "--host", HOST, "--port", str(port),
        "--queue-size", str(args.queue_size),
    ]  # fmt: skip
    if args.server_log:
        command += ["--log-level", "trace"]
    else:
        command += ["--no-access-log", "--log-level", "warning"]
    if args.workers:
        command += ["--workers", str(args.workers)]
    if args.keep_alive:
        command += ["--keep-alive", str(args.keep_alive)]
    log = args.server_log.open("wb") if args.server_log else None
    server = subprocess.Popen(command, stdout=log, stderr=log)
    base = f"http://{HOST}:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"{base}/api/health", timeout=5).raise_for_status()
            return server, base
        except httpx.HTTPError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def machine() -> dict[str, Any]:
    return {
        "date": datetime.date.today().isoformat(),
        "nproc": os.cpu_count(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "uztranslit": uztranslit.__version__,
        "load_average_before": [round(value, 2) for value in os.getloadavg()],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--workers", type=int, default=0, help="server workers (default: its own)")
    parser.add_argument("--queue-size", type=int, default=32)
    parser.add_argument(
        "--keep-alive", type=int, default=0, help="the server's --keep-alive (default: its own)"
    )
    parser.add_argument(
        "--mix",
        type=lambda text: [float(part) for part in text.split(",")],
        default=[80.0, 10.0, 10.0],
        help="weights of short texts, 1 MB texts and file uploads (default: 80,10,10)",
    )
    parser.add_argument("--corpus", type=Path, nargs="*", default=[])
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--server-log", type=Path, help="write the server's log here, at its most detailed"
    )
    args = parser.parse_args()
    load = Load(args.corpus)
    server, base = start_server(args)
    try:
        health = httpx.get(f"{base}/api/health").json()
        results = asyncio.run(run_load(base, server.pid, args, load))
        # The server still answers after the load.
        after = httpx.post(f"{base}/api/convert", json={"text": "Шаҳар"}).json()["result"]
    finally:
        server.terminate()
        server.wait(30)
    report = {
        "machine": machine(),
        "settings": {
            "clients": args.clients,
            "seconds": args.seconds,
            "max_requests": args.max_requests,
            "workers": health["workers"],
            "queue_size": health["limits"]["queue_size"],
            "keep_alive": args.keep_alive or "server default",
            "mix_short_1mb_files": args.mix,
        },
        "results": results,
        "answers_after_the_load": after == "Shahar",
    }
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
