"""A municipality's portal as real processes on one PostgreSQL database: two web processes
(gunicorn, the README's line) and `jagten worker`, against the session's real Minetest.

- a build started through web process A, which then dies, shows its progress on B and
  completes;
- a worker killed in the middle of a build: the job is run again by the next worker;
- one chat listener per vote across two workers, taken over when its worker dies;
- a vote cast through A redraws a projector connected to B (NOTIFY; no polling to fall back on);
- `jagten up --workers 2` starts gunicorn and a job worker and stops them all.
"""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select

from minecraft_scripts.server.managed_minetest import port_in_use
from teacher_portal.background import locks
from teacher_portal.core.extensions import db
from teacher_portal.lesson_runs import plans
from teacher_portal.models import BuildJob, GameServer, SchoolClass
from teacher_portal.voting import chat
from tests.real_components import free_port
from tests.teacher_portal.conftest import make_app
from tests.teacher_portal.factories import PASSWORD, create_class, create_pupil, create_teacher
from tests.teacher_portal.postgres.cluster import PostgresServer
from tests.teacher_portal.postgres.processes import (
    Browser,
    Portal,
    StallingLink,
    eventually,
)
from tests.teacher_portal.voting.event_stream import stream_events
from tests.teacher_portal.voting.vote_factories import create_task

pytestmark = pytest.mark.game_server

BUILD_SECONDS = 90
STALL_AFTER_BYTES = 3000  # past the first reads, into the stream of setBlocks


@pytest.fixture(scope="module")
def database_url(postgres_server: PostgresServer, tmp_path_factory) -> str:
    url = postgres_server.new_database()
    app = make_app(tmp_path_factory.mktemp("migrate"), SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        create_teacher(admin=True)
    return url


@pytest.fixture(scope="module")
def app(database_url: str, tmp_path_factory):
    """The test's own view of the database (the processes have theirs)."""
    return make_app(tmp_path_factory.mktemp("app"), SQLALCHEMY_DATABASE_URI=database_url)


@pytest.fixture(scope="module")
def portal(database_url: str, tmp_path_factory) -> Iterator[Portal]:
    folder = tmp_path_factory.mktemp("portal")
    portal = Portal(database_url, folder / "instance", folder)
    portal.start_web("a")
    portal.start_web("b")
    portal.start_worker()
    try:
        portal.wait_until_serving()
        yield portal
    finally:
        portal.stop()


def _class_on(app, host: str, port: int, name: str) -> int:
    """A class of its own teacher; its area in the world is allocated at its first build."""
    with app.app_context():
        teacher = create_teacher(f"{name}@example.org")
        school_class = create_class(teacher, name)
        db.session.add(GameServer(class_id=school_class.id, host=host, port=port))
        db.session.commit()
        return school_class.id


def _log_in_as(portal: Portal, name: str) -> Browser:
    """Through web process A; the session cookie is good on every process."""
    browser = Browser()
    form = {"email": f"{name}@example.org", "password": PASSWORD}
    status, _, _ = browser.post(f"{portal.url('a')}/login", form)
    return browser if status == 302 else pytest.fail("log-in failed")


def _start_build(browser: Browser, base_url: str, class_id: int, app) -> int:
    """The teacher's clicks: start the lesson, go to its build phase, press *Byg nu*."""
    plan, index = next(
        (plan, index)
        for plan in plans.startable_lessons()
        for index, phase in enumerate(plan.phases)
        if phase.build is not None
    )
    status, run_path, _ = browser.post(
        f"{base_url}/classes/{class_id}/lessons", {"lesson": plan.id}
    )
    assert status == 302 and run_path.startswith("/runs/"), (status, run_path)
    for step, form in (("phase", {"to": index}), ("build", {})):
        assert browser.post(f"{base_url}{run_path}/{step}", form)[0] == 302, step
    with app.app_context():
        return db.session.scalar(
            select(BuildJob.id).where(BuildJob.class_id == class_id).order_by(BuildJob.id.desc())
        )


def _final_status(browser: Browser, base_url: str, job_id: int, seen: list[dict]) -> dict:
    def finished() -> dict | None:
        status = browser.json(f"{base_url}/builds/{job_id}.json")
        seen.append(status)
        return status if status["state"] in ("done", "failed") else None

    return eventually(finished, BUILD_SECONDS, f"job {job_id} to finish")


def test_a_build_outlives_the_web_process_that_started_it(portal: Portal, app, game_server) -> None:
    class_id = _class_on(app, game_server.host, game_server.port, "byg")
    teacher = _log_in_as(portal, "byg")
    job_id = _start_build(teacher, portal.url("a"), class_id, app)
    portal.kill_web("a")  # SIGKILL: the process that queued the build is gone
    try:
        seen: list[dict] = []
        status = _final_status(teacher, portal.url("b"), job_id, seen)
        assert status["state"] == "done", status["error"]
        assert status["verified"] is True
        assert status["done"] == status["total"] > 0
        assert {s["state"] for s in seen} <= {"queued", "running", "done"}
        with app.app_context():
            job = db.session.get(BuildJob, job_id)
            x, z = job.origin_x, job.origin_z
            run_id = job.lesson_run_id
        run_page = teacher.request(f"{portal.url('b')}/runs/{run_id}")[2]
        assert "Bygget! Alt står på plads." in run_page
        with game_server.connect() as game:
            assert (game.get_blocks(x, 1, z, x + 60, 12, z + 60) != 0).sum() > 100
    finally:
        portal.start_web("a")
        portal.wait_until_serving()


def test_a_build_whose_worker_is_killed_is_run_again(portal: Portal, app, game_server) -> None:
    link = StallingLink(game_server.host, game_server.port)
    class_id = _class_on(app, "127.0.0.1", link.port, "stop")
    teacher = _log_in_as(portal, "stop")
    link.stall_after(STALL_AFTER_BYTES)
    try:
        job_id = _start_build(teacher, portal.url("b"), class_id, app)
        eventually(link.stalled.is_set, BUILD_SECONDS, "the build to reach the game server")
        assert teacher.json(f"{portal.url('a')}/builds/{job_id}.json")["state"] == "running"
        (worker,) = portal.workers
        portal.kill_worker(worker)  # SIGKILL in the middle of the build
        link.stall_after(None)
        portal.start_worker()  # as systemd or `jagten up` would
        status = _final_status(teacher, portal.url("a"), job_id, [])
        assert status["state"] == "done", status["error"]
        assert status["verified"] is True
        with app.app_context():
            assert db.session.get(BuildJob, job_id).attempts == 2  # run again, not from scratch
    finally:
        link.close()


def _listener_holders(database_url: str, task_id: int) -> list[str]:
    """The application names of the database sessions holding the vote's listener lock."""
    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2"
            " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            " AND l.classid::bigint = %s AND l.objid::bigint = %s",
            (locks.key_space(chat.LOCK), task_id),
        ).fetchall()
    return [name for (name,) in rows]


def test_one_chat_listener_across_workers_taken_over_when_its_worker_dies(
    portal: Portal, app, database_url: str, game_server
) -> None:
    portal.start_worker()  # two workers from here on
    with app.app_context():
        school_class = db.session.get(SchoolClass, _class_on(
            app, game_server.host, game_server.port, "chat"
        ))  # fmt: skip
        create_pupil(school_class, "Ali", minecraft_name="AliCraft")
        task = create_task(school_class, method="plurality")
    teacher = _log_in_as(portal, "chat")
    for web in ("a", "b"):  # a double click, through both processes
        assert teacher.post(f"{portal.url(web)}/votes/{task.id}/chat/start")[0] == 302

    holders = eventually(lambda: _listener_holders(database_url, task.id), 30, "a worker to listen")
    for _ in range(8):  # several sweeps of both workers: still exactly one
        assert len(holders) == 1
        time.sleep(0.25)
        holders = _listener_holders(database_url, task.id)
    first = holders[0]
    assert "Lytter" in teacher.request(f"{portal.url('b')}/votes/{task.id}")[2]

    portal.kill_worker(portal.worker_by_pid(int(first.rsplit(":", 1)[1])))
    taken_over = eventually(
        lambda: (h := _listener_holders(database_url, task.id)) and h[0] != first and h,
        30,
        "the other worker to take over",
    )
    assert len(taken_over) == 1

    assert teacher.post(f"{portal.url('b')}/votes/{task.id}/close")[0] == 302  # stops it
    eventually(lambda: not _listener_holders(database_url, task.id), 15, "the listener to stop")


def test_a_vote_cast_through_one_process_redraws_a_projector_on_another(
    portal: Portal, app
) -> None:
    with app.app_context():
        teacher_row = create_teacher("sse@example.org")
        school_class = create_class(teacher_row, "sse")
        ali = create_pupil(school_class, "Ali")
        task = create_task(school_class, method="plurality", secret=False)
    teacher = _log_in_as(portal, "sse")
    request = urllib.request.Request(
        f"{portal.url('b')}/votes/{task.id}/stream", headers={"Cookie": teacher.cookie_header()}
    )
    with urllib.request.urlopen(request, timeout=30) as stream:
        results = (payload for name, payload in stream_events(stream) if name == "results")
        assert "<strong>0</strong>" in json.loads(next(results))["html"]
        pupil = Browser()
        pupil.request(f"{portal.url('a')}/c/{ali.card_token}")
        cast_at = time.monotonic()
        _, location, _ = pupil.post(f"{portal.url('a')}/vote/{task.id}", {"choice": ["2"]})
        assert "outcome=counted" in location
        redrawn = json.loads(next(results))["html"]
        waited = time.monotonic() - cast_at
    assert "<strong>1</strong>" in redrawn
    assert waited < 10  # by NOTIFY: the stream's own fallback look is 60 s away


def test_up_with_workers_runs_gunicorn_and_a_job_worker(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": postgres_server.new_database(),
        "JAGTEN_INSTANCE_PATH": str(tmp_path / "instance"),
    }
    command = [sys.executable, "-m", "teacher_portal.cli", "up", "--no-minetest",
               "--workers", "2", "--port", str(port)]  # fmt: skip
    up = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        eventually(lambda: port_in_use(port), 60, "jagten up to serve")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as answer:
            assert answer.read() == b"ok"
        children = eventually(lambda: _all_started(up.pid), 30, "gunicorn's workers to start")
    finally:
        up.send_signal(signal.SIGTERM)
        output = up.communicate(timeout=60)[0].decode()
    assert up.returncode == 0, output
    assert "2 webprocesser, 1 jobprocesser" in output
    assert not any(_alive(pid) for pid in children), "a process outlived jagten up"
    assert not port_in_use(port)


def _all_started(pid: int) -> dict[int, str] | None:
    """The processes below `jagten up` once gunicorn's master, its 2 workers and the job
    worker are all there."""
    children = _descendants(pid)
    commands = list(children.values())
    web = sum("gunicorn" in command for command in commands)
    jobs = sum(command.endswith("worker --concurrency 20") for command in commands)
    return children if (web, jobs) == (3, 1) else None


def _descendants(pid: int) -> dict[int, str]:
    """Every process below `pid` with its command line."""
    found: dict[int, str] = {}
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        command = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        found[int(child)] = command.strip()
        found.update(_descendants(int(child)))
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    return state != "Z"
