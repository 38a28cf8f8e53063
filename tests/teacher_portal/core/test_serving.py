"""The production server `jagten up` runs: its worker process has room for a school's
connections, and stops with `jagten up` however that stops."""

import os
import resource
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from minecraft_scripts.server.managed_minetest import port_in_use
from teacher_portal.core.serving import OPEN_CONNECTIONS
from tests.real_components import free_port


def _start_up(tmp_path: Path, preexec_fn=None) -> tuple[subprocess.Popen, int]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "teacher_portal.cli", "up", "--no-minetest", "--port", str(port)],
        env={**os.environ, "JAGTEN_INSTANCE_PATH": str(tmp_path / "instance")},
        stdout=subprocess.DEVNULL,
        preexec_fn=preexec_fn,
    )
    deadline = time.monotonic() + 60
    while True:
        assert process.poll() is None, "jagten up stopped"
        assert time.monotonic() < deadline, "the portal did not start"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return process, port
        except OSError:
            time.sleep(0.2)


def _server_processes(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in children]


def _open_files_limit(pid: int) -> int:
    line = next(
        line
        for line in Path(f"/proc/{pid}/limits").read_text().splitlines()
        if line.startswith("Max open files")
    )
    return int(line.split()[3])


def _gone(pid: int, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return True
        if state == "Z":  # ended, waiting for its parent to collect it
            return True
        time.sleep(0.1)
    return False


def test_the_server_process_gets_room_for_the_connections(tmp_path: Path) -> None:
    """Started under the 1,024 open files a login session often allows, `jagten up` raises
    the limit so that OPEN_CONNECTIONS phones and the database fit in the serving process."""
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    low = min(1024, hard)
    process, _port = _start_up(
        tmp_path, lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (low, hard))
    )
    try:
        (server,) = _server_processes(process.pid)
        assert _open_files_limit(server) >= min(OPEN_CONNECTIONS + 256, hard)
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(30)
    assert process.returncode == 0
    assert _gone(server)


def test_the_server_process_stops_when_jagten_up_is_killed_outright(tmp_path: Path) -> None:
    """No chance to clean up (kill -9): the serving process must not keep the port."""
    process, port = _start_up(tmp_path)
    (server,) = _server_processes(process.pid)
    process.kill()
    process.wait(10)
    assert _gone(server)
    assert not port_in_use(port)


def test_a_taken_port_is_named_and_nothing_is_served(tmp_path: Path) -> None:
    """Another program on the port: one line saying so, exit code 1, no address printed."""
    port = free_port()
    with socket.socket() as other:
        other.bind(("127.0.0.1", port))
        other.listen()
        result = subprocess.run(
            [sys.executable, "-m", "teacher_portal.cli", "up", "--no-minetest", "--port",
             str(port)],
            env={**os.environ, "JAGTEN_INSTANCE_PATH": str(tmp_path / "instance")},
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert result.returncode == 1
    assert f"Port {port} er optaget" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "http://" not in result.stdout
