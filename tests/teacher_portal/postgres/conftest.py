"""The portal's PostgreSQL tests: one throwaway cluster per session (`cluster.py`), and a
fresh database per test.

Debian's `postgresql` package gives the server binaries; no system service is used. The
cluster lives in a temporary folder, listens on a free loopback port with trust
authentication, runs as the `postgres` OS user when the tests run as root (PostgreSQL
refuses to run as root), and is stopped at the end of the session.
"""

from collections.abc import Iterator

import pytest

from tests.real_components import require
from tests.teacher_portal.postgres.cluster import PostgresServer, server_binaries, throwaway_cluster


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    if server_binaries() is None:
        require("PostgreSQL is not installed (apt-get install postgresql)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        require("the Python package psycopg is not installed (pip install 'psycopg[binary]')")
    with throwaway_cluster() as server:
        yield server


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """A new, empty database of the session's cluster, so tests never see each other's rows."""
    return postgres_server.new_database()
