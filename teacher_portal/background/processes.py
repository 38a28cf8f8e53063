"""A municipality's `jagten up`: web processes under gunicorn, and job worker processes.

    jagten up --workers 4 --job-workers 1

is the same as running, side by side (e.g. as systemd services, on one or more machines):

    gunicorn --workers 4 --worker-class gthread --threads 8 --preload 'teacher_portal:create_app()'
    jagten worker

This process starts both, restarts a job worker that dies, and stops everything on Ctrl+C or
SIGTERM (gunicorn restarts its own web workers). Several processes need PostgreSQL: the
embedded SQLite runs as one process, its background work in threads.
"""

import os
import subprocess
import sys
import time

import click

RESTART_PAUSE_SECONDS = 1.0
DEFAULT_THREADS = 8
STOP_SECONDS = 20.0


def gunicorn_command(host: str, port: int, workers: int, threads: int) -> list[str]:
    """The README's gunicorn line: gthread workers (an open projector stream holds a thread),
    `--reuse-port` so the kernel spreads connections over the workers."""
    return [
        sys.executable, "-m", "gunicorn",
        "--workers", str(workers), "--worker-class", "gthread", "--threads", str(threads),
        "--bind", f"{host}:{port}", "--reuse-port", "--preload", "--keep-alive", "30",
        "--graceful-timeout", "10", "--log-level", "warning",
        "teacher_portal:create_app()",
    ]  # fmt: skip


def worker_command(concurrency: int) -> list[str]:
    return [sys.executable, "-m", "teacher_portal.cli", "worker", "--concurrency", str(concurrency)]


class Supervisor:
    """The processes of one `jagten up`; a job worker that exits is started again."""

    def __init__(self, web: list[str], worker: list[str], job_workers: int) -> None:
        self.web_command, self.worker_command = web, worker
        self.web = subprocess.Popen(web)
        self.workers = [subprocess.Popen(worker) for _ in range(job_workers)]

    def watch(self) -> int:
        """Until the web server exits (its code is returned) or KeyboardInterrupt."""
        while self.web.poll() is None:
            for index, process in enumerate(self.workers):
                if process.poll() is not None:
                    click.echo(f"Jobprocessen stoppede ({process.returncode}); starter en ny.")
                    time.sleep(RESTART_PAUSE_SECONDS)
                    self.workers[index] = subprocess.Popen(self.worker_command)
            time.sleep(0.5)
        return self.web.returncode

    def stop(self) -> None:
        everyone = [self.web, *self.workers]
        for process in everyone:
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + STOP_SECONDS
        for process in everyone:
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def serve_with_workers(
    host: str, port: int, workers: int, job_workers: int, threads: int, concurrency: int
) -> None:
    """Run until Ctrl+C or SIGTERM (as KeyboardInterrupt); the database is migrated already."""
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    supervisor = Supervisor(
        gunicorn_command(host, port, workers, threads), worker_command(concurrency), job_workers
    )
    click.echo(
        f"Lærerportalen: http://{host}:{port}/  ({workers} webprocesser, "
        f"{job_workers} jobprocesser; stop med Ctrl+C)"
    )
    try:
        code = supervisor.watch()
    except KeyboardInterrupt:
        code = 0
    finally:
        supervisor.stop()
    if code:
        raise click.ClickException(f"Webserveren stoppede med kode {code}.")
