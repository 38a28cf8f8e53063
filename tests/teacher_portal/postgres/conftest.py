"""A throwaway PostgreSQL cluster for the portal's PostgreSQL tests, and a fresh database per test.

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
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.real_components import free_port, require

SERVER_BINARIES = "/usr/lib/postgresql/*/bin"
# A test cluster need not survive a power cut: skipping the disk syncs makes it fast.
SPEED_SETTINGS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


@dataclass
class PostgresServer:
    """A running throwaway cluster; `new_database()` gives each test its own database."""

    host: str
    port: int

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


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """initdb, start, wait until ready; `pg_ctl stop -m fast` leaves no process behind."""
    binaries = server_binaries()
    if binaries is None:
        require("PostgreSQL is not installed (apt-get install postgresql)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        require("the Python package psycopg is not installed (pip install 'psycopg[binary]')")
    folder = Path(tempfile.mkdtemp(prefix="jagten-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    port = free_port()
    run([str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"])
    options = f"-h 127.0.0.1 -p {port} -k {folder} {SPEED_SETTINGS}"
    pg_ctl = str(binaries / "pg_ctl")
    log = str(folder / "log")
    run([pg_ctl, "start", "-w", "-t", "30", "-D", str(data), "-l", log, "-o", options])
    try:
        yield PostgresServer("127.0.0.1", port)
    finally:
        run([pg_ctl, "stop", "-m", "fast", "-w", "-D", str(data)])
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """A new, empty database of the session's cluster, so tests never see each other's rows."""
    return postgres_server.new_database()
