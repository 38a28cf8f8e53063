"""A throwaway PostgreSQL cluster: for the portal's PostgreSQL tests and the vote benchmark.

Debian's `postgresql` package gives the server binaries; no system service is used. The
cluster lives in a temporary folder, listens on a free loopback port with trust
authentication, runs as the `postgres` OS user when the tests run as root (PostgreSQL
refuses to run as root), and is stopped at the end of the session.
"""

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.real_components import free_port

SERVER_BINARIES = "/usr/lib/postgresql/*/bin"
# A test cluster need not survive a power cut: skipping the disk syncs makes it fast.
SPEED_SETTINGS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
# Room for several web processes' pools, workers, locks and listeners.
CONNECTION_SETTINGS = "-c max_connections=300"


@dataclass
class PostgresServer:
    """A running throwaway cluster; `new_database()` gives each test its own database."""

    host: str
    port: int
    data: Path

    def server_pids(self) -> list[int]:
        """The postmaster and its backends (for a benchmark's CPU count)."""
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        children = Path(f"/proc/{postmaster}/task/{postmaster}/children").read_text().split()
        return [postmaster, *map(int, children)]

    def url(self, database: str) -> str:
        return f"postgresql://postgres@{self.host}:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = f"portal_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def server_binaries() -> Path | None:
    """The newest installed server's bin folder (Debian keeps one per major version)."""
    folders = sorted(glob.glob(SERVER_BINARIES), key=lambda f: int(Path(f).parent.name))
    return Path(folders[-1]) if folders else None


def as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL will not run as root; run it as the `postgres` user the package created."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def run(command: list[str]) -> None:
    done = subprocess.run(as_server_user(command), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")


@contextmanager
def throwaway_cluster(durable: bool = False) -> Iterator[PostgresServer]:
    """initdb, start, wait until ready; `pg_ctl stop -m fast` leaves no process behind.
    `durable` keeps PostgreSQL's default disk syncs (a benchmark measures what a real
    server does); tests skip them."""
    binaries = server_binaries()
    if binaries is None:
        raise FileNotFoundError("PostgreSQL is not installed (apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="jagten-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    port = free_port()
    run([str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"])
    settings = CONNECTION_SETTINGS if durable else f"{SPEED_SETTINGS} {CONNECTION_SETTINGS}"
    options = f"-h 127.0.0.1 -p {port} -k {folder} {settings}"
    pg_ctl = str(binaries / "pg_ctl")
    log = str(folder / "log")
    run([pg_ctl, "start", "-w", "-t", "30", "-D", str(data), "-l", log, "-o", options])
    try:
        yield PostgresServer("127.0.0.1", port, data)
    finally:
        run([pg_ctl, "stop", "-m", "fast", "-w", "-D", str(data)])
        shutil.rmtree(folder, ignore_errors=True)
