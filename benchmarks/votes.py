"""Benchmark: pupils casting votes through the real portal under gunicorn, on loopback.

A fresh SQLite instance gets one class of 200 pupils and several open secret votes. 200
simulated pupils, each with their own session (signed in by their card link, CSRF token
read from the ballot page, kept-alive connection), cast one ballot in every vote at once.
The same connections then hammer the bare `/healthz` endpoint, so the ratio compares
like with like on this machine. Finally every vote is checked: counted == cast, and no
pupil is on a roll twice. Run:

    .venv/bin/python benchmarks/votes.py [--pupils 200] [--votes 10] [--workers 2]

Targets (issue 6, 2-core machine): >= 1,000 votes/s, p99 < 200 ms, ratio >= 0.25.
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
from pathlib import Path

from sqlalchemy import func, select

from teacher_portal import create_app
from teacher_portal.database import upgrade_database
from teacher_portal.extensions import db
from teacher_portal.models import Pupil, SchoolClass, Teacher
from teacher_portal.models.voting import CastBallot, VoterRoll, VotingTask
from teacher_portal.voting.options import text_options

CSRF_FIELD = re.compile(rb'name="csrf_token" value="([^"]+)"')
SESSION_COOKIE = re.compile(rb"set-cookie: (jagten_session=[^;]*)", re.IGNORECASE)
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


def start_gunicorn(port: int, env: dict[str, str], workers: int) -> subprocess.Popen:
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "--workers", str(workers), "--worker-class", "gthread", "--threads", "4",
        "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--keep-alive", "30", "--preload",
        "teacher_portal:create_app()",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return server
        except OSError:
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
    """One pupil's kept-alive HTTP/1.1 connection and session cookie."""

    def __init__(self, port: int) -> None:
        self.port, self.cookie = port, b""

    async def connect(self) -> None:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)

    async def request(self, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
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
        return int(headers[9:12]), content


async def pupil_votes(
    phone: Phone, card: str, task_ids: list[int], start: asyncio.Event
) -> tuple[list[float], list[int]]:
    await phone.connect()
    await phone.request("GET", f"/c/{card}")
    status, page = await phone.request("GET", f"/vote/{task_ids[0]}")
    token = CSRF_FIELD.search(page)[1]
    await start.wait()
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


async def health_checks(phone: Phone, count: int, start: asyncio.Event) -> None:
    await start.wait()
    for _ in range(count):
        await phone.request("GET", "/healthz")


async def run_load(port: int, cards: list[str], task_ids: list[int]) -> dict[str, float]:
    phones = [Phone(port) for _ in cards]
    start = asyncio.Event()
    pairs = zip(phones, cards, strict=True)
    voters = [asyncio.create_task(pupil_votes(p, c, task_ids, start)) for p, c in pairs]
    await asyncio.sleep(0)
    while not all(getattr(p, "cookie", b"") for p in phones):  # everyone signed in
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.5)
    began = time.perf_counter()
    start.set()
    results = await asyncio.gather(*voters)
    vote_seconds = time.perf_counter() - began
    latencies = sorted(latency for lat, _ in results for latency in lat)
    refused = sum(status != 303 for _, statuses in results for status in statuses)

    start = asyncio.Event()
    checks = [
        asyncio.create_task(health_checks(p, HEALTH_REQUESTS_PER_PUPIL, start)) for p in phones
    ]
    began = time.perf_counter()
    start.set()
    await asyncio.gather(*checks)
    health_seconds = time.perf_counter() - began
    for phone in phones:
        phone.writer.close()
    return {
        "votes": len(latencies),
        "refused": refused,
        "votes_per_s": len(latencies) / vote_seconds,
        "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p99_ms": 1000 * latencies[int(len(latencies) * 0.99)],
        "health_per_s": len(phones) * HEALTH_REQUESTS_PER_PUPIL / health_seconds,
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
        server = start_gunicorn(port, env, args.workers)
        try:
            figures = asyncio.run(run_load(port, cards, task_ids))
            spread = worker_cpu_seconds(server)
        finally:
            server.terminate()
            server.wait(10)
        problems = check_counts(database_uri, task_ids, args.pupils)
    ratio = figures["votes_per_s"] / figures["health_per_s"]
    print(
        f"pupils {args.pupils}, votes each {args.votes}, gunicorn workers {args.workers} (gthread)"
    )
    print(f"votes cast      {figures['votes']:.0f} ({figures['refused']:.0f} not accepted)")
    print(f"votes/s         {figures['votes_per_s']:.0f}   (target >= 1000)")
    print(f"p50             {figures['p50_ms']:.1f} ms")
    print(f"p99             {figures['p99_ms']:.1f} ms   (target < 200)")
    print(f"/healthz req/s  {figures['health_per_s']:.0f}")
    print(f"ratio           {ratio:.2f}   (target >= 0.25)")
    print("worker CPU s    " + ", ".join(f"{seconds:.1f}" for seconds in spread))
    print("counted == cast, nobody twice: " + ("yes" if not problems else "NO"))
    for problem in problems:
        print("  " + problem)
    if problems or figures["refused"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
