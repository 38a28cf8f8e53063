"""`jagten up`: what `make run` starts, as a real process on a free port."""

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from minecraft_scripts.server.managed_minetest import port_in_use
from teacher_portal.voting.projector import STREAM_SECONDS
from tests.real_components import free_port, require
from tests.teacher_portal.conftest import make_app
from tests.teacher_portal.factories import PASSWORD, create_class, create_pupils, create_teacher
from tests.teacher_portal.voting.vote_factories import create_task


def _start_up(tmp_path: Path, *args: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**os.environ, "JAGTEN_INSTANCE_PATH": str(tmp_path / "instance")}
    command = [sys.executable, "-m", "teacher_portal.cli", "up", "--port", str(port), *args]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    deadline = time.monotonic() + 60
    while not port_in_use(port):
        assert process.poll() is None, process.stdout.read()
        assert time.monotonic() < deadline, "the portal did not start"
        time.sleep(0.2)
    return process, port


def _stop(process: subprocess.Popen) -> str:
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=30)
    return output


def test_up_serves_the_portal_with_its_embedded_defaults(tmp_path: Path) -> None:
    process, port = _start_up(tmp_path, "--no-minetest")
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz") as response:
            assert response.read() == b"ok"
            assert response.headers["Server"] == "Jagten"  # names no server software
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as response:
            page = response.read().decode()
            assert response.url.endswith("/setup")  # a new install leads to set-up
            assert 'lang="da"' in page
    finally:
        output = _stop(process)
    assert f"http://127.0.0.1:{port}/" in output
    assert (tmp_path / "instance" / "jagten.sqlite").exists()
    assert (tmp_path / "instance" / "secret_key").exists()
    assert process.returncode == 0


@pytest.mark.game_server
def test_up_uses_a_game_server_that_already_answers(tmp_path: Path, game_server) -> None:
    process, _port = _start_up(tmp_path)
    output = _stop(process)
    assert f"{game_server.host}:{game_server.port}" in output
    assert "bruger den" in output  # it says it uses the running server, and starts no second one


PROBE = """
import signal, subprocess, sys, time, urllib.request
from mcpi.minecraft import Minecraft
from minecraft_scripts.server.managed_minetest import port_in_use

def start_up():
    up = subprocess.Popen([sys.executable, "-m", "teacher_portal.cli", "up", "--port", "5000"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 90
    while not (port_in_use(5000) and port_in_use(4711)):
        assert up.poll() is None and time.monotonic() < deadline, "jagten up did not start"
        time.sleep(0.2)
    return up

def wait_closed(port):
    deadline = time.monotonic() + 20
    while port_in_use(port) and time.monotonic() < deadline:
        time.sleep(0.2)
    return not port_in_use(port)

up = start_up()
print(urllib.request.urlopen("http://127.0.0.1:5000/healthz").read().decode())
mc = Minecraft.create()
mc.postToChat("hej")
mc.setBlock(1, 1, 1, 5)
print("block", mc.getBlock(1, 1, 1))
up.send_signal(signal.SIGTERM)  # as a service manager stops it
print(up.communicate(timeout=60)[0])
print("stopped", wait_closed(4711), wait_closed(5000))
up = start_up()
up.kill()  # no chance to clean up: the kernel stops Minetest with it
up.wait()
print("killed", wait_closed(4711))
"""


@pytest.mark.game_server
def test_up_starts_its_own_minetest_that_mcpi_reaches(tmp_path: Path) -> None:
    """As `make run` does on a fresh machine: in a network namespace of its own, so that
    the suite's game server does not hold port 4711."""
    if os.geteuid() != 0 or not Path("/usr/bin/unshare").exists():
        require("needs root and unshare for a network namespace of its own")
    env = {**os.environ, "JAGTEN_INSTANCE_PATH": str(tmp_path / "instance")}
    script = f"ip link set lo up && exec {sys.executable} -c '{PROBE}'"
    result = subprocess.run(
        ["unshare", "--net", "bash", "-c", script],
        env=env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "ok"
    assert "block 5" in lines
    assert any("Minetest kører" in line for line in lines)
    assert "stopped True True" in lines  # nothing left behind
    assert lines[-1] == "killed True"
    assert (tmp_path / "instance" / "minetest-world" / "world.mt").exists()


class _Browser:
    """Cookies and CSRF tokens over plain HTTP, as a browser keeps them."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str, timeout: float = 10) -> Any:
        return self.opener.open(self.base + path, timeout=timeout)

    def post_form(self, path: str, form_page: str, data: dict[str, str]) -> Any:
        page = self.get(form_page).read().decode()
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
        body = urllib.parse.urlencode({**data, "csrf_token": token}, doseq=True).encode()
        return self.opener.open(self.base + path, data=body, timeout=10)


def _next_event(stream: Any) -> str:
    """The next server-sent event's name, skipping the retry line and keep-alives."""
    lines: list[str] = []
    while True:
        line = stream.readline().decode().rstrip("\n")
        if line:
            lines.append(line)
        elif any(part.startswith("event:") for part in lines):
            return next(part for part in lines if part.startswith("event:"))[6:].strip()
        else:
            lines.clear()


def test_up_streams_the_projectors_live_results_through_its_server(tmp_path: Path) -> None:
    """The projector's server-sent events reach a client through `jagten up`'s production
    server as they happen: a ballot cast while the stream is open arrives on it at once."""
    database = tmp_path / "instance" / "jagten.sqlite"
    database.parent.mkdir()
    app = make_app(tmp_path, SQLALCHEMY_DATABASE_URI=f"sqlite:///{database}")
    with app.app_context():
        school_class = create_class(create_teacher(admin=True))
        (ali,) = create_pupils(school_class, "Ali")
        task = create_task(school_class, secret=False)
    process, port = _start_up(tmp_path, "--no-minetest")
    try:
        teacher, pupil = (_Browser(f"http://127.0.0.1:{port}") for _ in range(2))
        logged_in = teacher.post_form(
            "/login", "/login", {"email": "teacher@example.org", "password": PASSWORD}
        )
        assert logged_in.url.endswith("/classes/")
        with teacher.get(f"/votes/{task.id}/stream") as stream:
            assert stream.headers["Content-Type"].startswith("text/event-stream")
            assert stream.headers["Server"] == "Jagten"
            started = time.monotonic()
            assert _next_event(stream) == "results"
            pupil.get(f"/c/{ali.card_token}")
            cast = pupil.post_form(f"/vote/{task.id}", f"/vote/{task.id}", {"choice": "2"})
            assert "/done" in cast.url
            assert _next_event(stream) == "results"  # the new count, pushed
            assert time.monotonic() - started < STREAM_SECONDS / 2  # not at the stream's end
    finally:
        _stop(process)
