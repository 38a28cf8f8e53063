"""Benchmark: pupils casting votes through the real portal under gunicorn, on loopback.

A fresh SQLite instance gets one class of 200 pupils and several open secret votes. 200
simulated pupils, each with their own session (signed in by their card link, CSRF token
read from the ballot page, kept-alive connection), cast one ballot in every vote at once.
The same connections then hammer the bare `/healthz` endpoint, so the ratio compares
like with like on this machine. Finally every vote is checked: counted == cast, and no
pupil is on a roll twice. Server CPU (gunicorn workers, from /proc) and this client's CPU
are measured per phase and printed per request, so it shows where the time goes. Run:

    .venv/bin/python benchmarks/votes.py [--pupils 200] [--votes 10] [--workers 2]

Targets (issue 6, 2-core machine): >= 1,000 votes/s, p99 < 200 ms, ratio >= 0.25.
With all pupils waiting on an answer at once, Little's law ties the two: the mean latency
is pupils / votes per second, so p99 < 200 ms for 200 pupils needs well over 1,000 votes/s.
"""

import argparse
import asyncio
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from teacher_portal import create_app
from teacher_portal.core.database import upgrade_database
from teacher_portal.core.extensions import db
from teacher_portal.models import Pupil, SchoolClass, Teacher
from teacher_portal.models.voting import CastBallot, VoterRoll, VotingTask
from teacher_portal.voting.options import text_options

CSRF_FIELD = re.compile(rb'name="csrf_token" value="([^"]+)"')
SESSION_COOKIE = re.compile(rb"set-cookie: (jagten_session=[^;]*)", re.IGNORECASE)
CONNECTION_CLOSE = re.compile(rb"connection: close", re.IGNORECASE)
HEALTH_REQUESTS_PER_PUPIL = 20


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(database_uri: str, pupils: int, votes: int) -> tuple[list[str], list[int]]:
    """A migrated instance with one class, its pupils' card tokens and open votes."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_uri, "SECRET_KEY": "bench"})
    upgrade_database(app)
    with app.app_context():
        teacher = Teacher(name="Bench", email="bench@example.org", is_admin=True)
        teacher.set_password("bench bench bench")
        school_class = SchoolClass(
            teacher=teacher, name="6.B", grade=6, school_year="2026/27", class_code="BENCH1"
        )
        db.session.add(school_class)
        db.session.flush()
        db.session.add_all(
            Pupil(class_id=school_class.id, nickname=f"Elev {i:03d}", card_token=f"card-{i:05d}")
            for i in range(pupils)
        )
        tasks = [
            VotingTask(
                class_id=school_class.id,
                question=f"Afstemning {n + 1}",
                options=text_options(["Legeplads", "Køkkenhave", "Bænke"]),
                method="ranked",
                state="open",
            )
            for n in range(votes)
        ]
        db.session.add_all(tasks)
        db.session.commit()
        return [f"card-{i:05d}" for i in range(pupils)], [task.id for task in tasks]


def start_gunicorn(
    port: int, env: dict[str, str], workers: int, worker_class: str, threads: int
) -> subprocess.Popen:
    """The default: 2 gthread workers (keep-alive), 1 thread each, one listening socket each.

    Measured here: more threads share one GIL, so 4 threads gave the same votes/s within the
    run-to-run noise but a p99 some 30 ms worse (requests interleave instead of finishing in
    turn); `--reuse-port` lets the kernel spread the pupils' connections over the workers'
    own sockets instead of whichever worker wins the accept race; `sync` workers (a new
    connection per request) and 3-4 workers were no faster on 2 cores.
    """
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "--workers", str(workers), "--worker-class", worker_class, "--threads", str(threads),
        "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--keep-alive", "30", "--preload",
        "--reuse-port",
        "teacher_portal:create_app()",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                pass
        except OSError:
            time.sleep(0.2)
            continue
        if len(worker_cpu_seconds(server)) == workers:  # each listens on its own socket
            time.sleep(0.5)
            return server
        time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start within 30 s")


def worker_cpu_seconds(server: subprocess.Popen) -> list[float]:
    """CPU seconds of each gunicorn worker (Linux /proc): shows how the load was spread."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
    if not children.exists():
        return []
    seconds = []
    for pid in children.read_text().split():
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        seconds.append((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"))
    return seconds


class Phone:
    """One pupil's HTTP/1.1 connection and session cookie: kept alive while the server keeps
    it (gthread workers); reopened for the next request when it says `Connection: close`
    (sync workers), as a phone's browser would."""

    def __init__(self, port: int) -> None:
        self.port, self.cookie, self.writer = port, b"", None

    async def connect(self) -> None:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)

    async def request(self, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
        if self.writer is None:
            await self.connect()
        head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n".encode()
        if self.cookie:
            head += b"Cookie: " + self.cookie + b"\r\n"
        if body:
            head += b"Content-Type: application/x-www-form-urlencoded\r\n"
        head += f"Content-Length: {len(body)}\r\n\r\n".encode()
        self.writer.write(head + body)
        headers = await self.reader.readuntil(b"\r\n\r\n")
        found = SESSION_COOKIE.search(headers)
        if found:
            self.cookie = found[1]
        length = re.search(rb"content-length: (\d+)", headers, re.IGNORECASE)
        content = await self.reader.readexactly(int(length[1])) if length else b""
        if CONNECTION_CLOSE.search(headers):
            self.close()
        return int(headers[9:12]), content

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def sign_in(phone: Phone, card: str, task_id: int) -> bytes:
    """Open the card link like a phone, then read the CSRF token from a ballot page."""
    await phone.request("GET", f"/c/{card}")
    _status, page = await phone.request("GET", f"/vote/{task_id}")
    return CSRF_FIELD.search(page)[1]


async def pupil_votes(
    phone: Phone, token: bytes, task_ids: list[int]
) -> tuple[list[float], list[int]]:
    latencies, statuses = [], []
    for number, task_id in enumerate(task_ids):
        body = (
            b"csrf_token="
            + token
            + f"&choice={1 + number % 3}&choice={1 + (number + 1) % 3}".encode()
        )
        began = time.perf_counter()
        status, _ = await phone.request("POST", f"/vote/{task_id}", body)
        latencies.append(time.perf_counter() - began)
        statuses.append(status)
    return latencies, statuses


async def health_checks(phone: Phone, count: int) -> None:
    for _ in range(count):
        await phone.request("GET", "/healthz")


class Meter:
    """Wall time, server CPU and this client's CPU over one phase of the run."""

    def __init__(self, server_cpu: Callable[[], float]) -> None:
        self.server_cpu = server_cpu

    def __enter__(self) -> "Meter":
        self.wall, self.server, self.client = (
            time.perf_counter(), self.server_cpu(), time.process_time()
        )  # fmt: skip
        return self

    def __exit__(self, *_exc: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.server = self.server_cpu() - self.server
        self.client = time.process_time() - self.client


async def run_load(
    port: int, cards: list[str], task_ids: list[int], server_cpu: Callable[[], float]
) -> dict[str, float]:
    """Sign everyone in, then all cast at once; then the same connections ask /healthz."""
    phones = [Phone(port) for _ in cards]
    first_vote = [task_ids[0]] * len(cards)
    tokens = await asyncio.gather(*map(sign_in, phones, cards, first_vote))
    with Meter(server_cpu) as voting:
        results = await asyncio.gather(*map(pupil_votes, phones, tokens, [task_ids] * len(cards)))
    latencies = sorted(latency for lat, _ in results for latency in lat)
    refused = sum(status != 303 for _, statuses in results for status in statuses)
    with Meter(server_cpu) as health:
        await asyncio.gather(*(health_checks(p, HEALTH_REQUESTS_PER_PUPIL) for p in phones))
    for phone in phones:
        phone.close()
    health_requests = len(phones) * HEALTH_REQUESTS_PER_PUPIL
    return {
        "votes": len(latencies),
        "refused": refused,
        "votes_per_s": len(latencies) / voting.wall,
        "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p99_ms": 1000 * latencies[int(len(latencies) * 0.99)],
        "health_per_s": health_requests / health.wall,
        "server_ms_per_vote": 1000 * voting.server / len(latencies),
        "client_ms_per_vote": 1000 * voting.client / len(latencies),
        "server_ms_per_health": 1000 * health.server / health_requests,
        "client_ms_per_health": 1000 * health.client / health_requests,
    }


def check_counts(database_uri: str, task_ids: list[int], pupils: int) -> list[str]:
    """Counted == cast in every vote, and no pupil on a roll twice."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_uri, "SECRET_KEY": "bench"})
    problems = []
    with app.app_context():
        for task_id in task_ids:
            ballots = db.session.scalar(select(func.count()).where(CastBallot.task_id == task_id))
            roll = db.session.scalar(select(func.count()).where(VoterRoll.task_id == task_id))
            distinct = db.session.scalar(
                select(func.count(VoterRoll.pupil_id.distinct())).where(
                    VoterRoll.task_id == task_id
                )
            )
            if not ballots == roll == distinct == pupils:
                problems.append(
                    f"vote {task_id}: {ballots} ballots, {roll} on the roll, {distinct} pupils"
                )
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pupils", type=int, default=200)
    parser.add_argument("--votes", type=int, default=10, help="open votes each pupil casts in")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-class", choices=["gthread", "sync"], default="gthread")
    parser.add_argument("--threads", type=int, default=1, help="per gthread worker")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jagten-votes-") as directory:
        database_uri = f"sqlite:///{Path(directory) / 'portal.sqlite'}"
        cards, task_ids = prepare(database_uri, args.pupils, args.votes)
        env = {
            **os.environ,
            "JAGTEN_SQLALCHEMY_DATABASE_URI": database_uri,
            "JAGTEN_SECRET_KEY": "bench",
        }
        port = free_port()
        server = start_gunicorn(port, env, args.workers, args.worker_class, args.threads)
        try:
            figures = asyncio.run(
                run_load(port, cards, task_ids, lambda: sum(worker_cpu_seconds(server)))
            )
            spread = worker_cpu_seconds(server)
        finally:
            server.terminate()
            server.wait(10)
        problems = check_counts(database_uri, task_ids, args.pupils)
    ratio = figures["votes_per_s"] / figures["health_per_s"]
    print(
        f"pupils {args.pupils}, votes each {args.votes}, "
        f"{args.workers} gunicorn {args.worker_class} workers ({args.threads} thread each)"
    )
    print(f"votes cast      {figures['votes']:.0f} ({figures['refused']:.0f} not accepted)")
    print(f"votes/s         {figures['votes_per_s']:.0f}   (target >= 1000)")
    print(f"p50             {figures['p50_ms']:.1f} ms")
    print(f"p99             {figures['p99_ms']:.1f} ms   (target < 200)")
    print(f"/healthz req/s  {figures['health_per_s']:.0f}")
    print(f"ratio           {ratio:.2f}   (target >= 0.25)")
    print("worker CPU s    " + ", ".join(f"{seconds:.1f}" for seconds in spread))
    print(
        f"CPU ms per vote      server {figures['server_ms_per_vote']:.2f}, "
        f"client {figures['client_ms_per_vote']:.2f}"
    )
    print(
        f"CPU ms per /healthz  server {figures['server_ms_per_health']:.2f}, "
        f"client {figures['client_ms_per_health']:.2f}"
    )
    print("counted == cast, nobody twice: " + ("yes" if not problems else "NO"))
    for problem in problems:
        print("  " + problem)
    if problems or figures["refused"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
