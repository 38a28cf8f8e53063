"""A municipality's portal as real processes for the tests: web processes under gunicorn
(the README's line), `jagten worker` processes, a teacher's browser session as plain HTTP, and
a link to the game server that can stall (to stop a worker in the middle of a build)."""

import contextlib
import http.cookiejar
import json
import os
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from teacher_portal.background.processes import gunicorn_command, worker_command
from tests.real_components import free_port

START_SECONDS = 60


def eventually(condition: Callable[[], object], seconds: float, what: str) -> object:
    """The condition's first truthy value, polling; fails the test with `what` after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, f"not within {seconds} s: {what}"
        time.sleep(0.05)


class Portal:
    """The processes of one portal on one PostgreSQL database; each can be killed."""

    def __init__(self, database_url: str, instance: Path, log_dir: Path) -> None:
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "JAGTEN_INSTANCE_PATH": str(instance),
            "JAGTEN_SECRET_KEY": "processes-test",
            "JAGTEN_WTF_CSRF_ENABLED": "false",
            "JAGTEN_RATELIMIT_ENABLED": "false",
            "JAGTEN_BUILD_REGION_X": "2000",
            "JAGTEN_JOB_HEARTBEAT_SECONDS": "0.5",
            "JAGTEN_JOB_STALLED_SECONDS": "2",
            "JAGTEN_JOB_SWEEP_SECONDS": "0.5",
            "JAGTEN_LIVE_FALLBACK_SECONDS": "60",  # a projector update must come by NOTIFY
            "PYTHONUNBUFFERED": "1",
        }
        self.log_dir = log_dir
        self.webs: dict[str, tuple[subprocess.Popen, int]] = {}
        self.workers: list[subprocess.Popen] = []

    def _spawn(self, command: list[str], name: str) -> subprocess.Popen:
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 (kept for the process)
        return subprocess.Popen(command, env=self.env, stdout=log, stderr=subprocess.STDOUT)

    def start_web(self, name: str) -> None:
        port = free_port()
        process = self._spawn(gunicorn_command("127.0.0.1", port, 1, 4), f"web-{name}")
        self.webs[name] = (process, port)

    def start_worker(self) -> subprocess.Popen:
        process = self._spawn(worker_command(4), f"worker-{len(self.workers)}")
        self.workers.append(process)
        return process

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.webs[name][1]}"

    def wait_until_serving(self) -> None:
        for name, (process, port) in self.webs.items():
            eventually(
                lambda p=process, port=port: self._answers(p, port), START_SECONDS, f"web {name}"
            )

    def _answers(self, process: subprocess.Popen, port: int) -> bool:
        assert process.poll() is None, self.logs()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return True
        except OSError:
            return False

    def kill_web(self, name: str) -> None:
        """SIGKILL the web process (gunicorn's master and its worker): it dies mid-request."""
        process, _ = self.webs.pop(name)
        _kill_children(process.pid)
        process.kill()
        process.wait()

    def kill_worker(self, process: subprocess.Popen) -> None:
        process.kill()  # SIGKILL: no shutdown, no goodbye to the database
        process.wait()
        self.workers.remove(process)

    def worker_by_pid(self, pid: int) -> subprocess.Popen:
        return next(process for process in self.workers if process.pid == pid)

    def logs(self) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')[-3000:]}"
            for path in sorted(self.log_dir.glob("*.log"))
        )

    def stop(self) -> None:
        everyone = [process for process, _ in self.webs.values()] + self.workers
        for process in everyone:
            process.terminate()
        for process in everyone:
            try:
                process.wait(5)  # a projector stream may hold a web thread: no need to wait
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _kill_children(pid: int) -> None:
    """gunicorn's workers, so a killed web process takes nothing with it by chance."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        for child in children.read_text().split():
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(child), signal.SIGKILL)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A teacher's (or pupil's) cookies, used against any of the web processes."""

    def __init__(self) -> None:
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )

    def post(self, url: str, form: dict | None = None) -> tuple[int, str, str]:
        return self.request(url, form or {})

    def request(self, url: str, form: dict | None = None) -> tuple[int, str, str]:
        """GET, or POST with `form`: (status, location, body); redirects are not followed."""
        body = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
        try:
            with self.opener.open(url, body, timeout=30) as response:
                return response.status, "", response.read().decode()
        except urllib.error.HTTPError as answer:
            return answer.code, answer.headers.get("Location", ""), ""

    def json(self, url: str) -> dict:
        status, location, body = self.request(url)
        assert status == 200, f"{url}: {status} {location}"
        return json.loads(body)

    def cookie_header(self) -> str:
        return "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.cookies)


class StallingLink:
    """A TCP relay to the game server that stops passing the client's bytes after `limit`
    of them on each connection while stalling is on: a build then hangs halfway."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.limit: int | None = None
        self.stalled = threading.Event()  # some connection is held right now
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def stall_after(self, limit: int | None) -> None:
        self.limit = limit

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            threading.Thread(target=self._pipe, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, False), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, counted: bool) -> None:
        passed = 0
        try:
            while data := source.recv(65536):
                if counted and self.limit is not None and passed + len(data) > self.limit:
                    sink.sendall(data[: max(0, self.limit - passed)])
                    self.stalled.set()
                    return  # hold: the rest never arrives, the client waits for replies
                sink.sendall(data)
                passed += len(data)
        except OSError:
            pass
        if not (counted and self.stalled.is_set()):
            for end in (source, sink):
                end.close()

    def close(self) -> None:
        self._server.close()
