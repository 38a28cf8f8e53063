"""The production server `jagten up` runs the portal in: waitress, a well-kept pure-Python
WSGI server that serves with threads in one process (build jobs and chat listeners are
threads of that process too), reads each request whole before a thread handles it, and
flushes every chunk at once, so the projector's server-sent events reach the browser live.
"""

import resource

from flask import Flask
from waitress.server import BaseWSGIServer, MultiSocketServer, create_server

# A projector stream holds a thread for up to a minute; a class's phones poll in between.
# Below SQLAlchemy's default pool (5 + 10 overflow), so a request never waits for a connection.
THREADS = 12
# Every phone keeps a connection open (a few, for a page with pictures): a school voting at
# once is hundreds. Beyond the limit waitress stops accepting, and a phone waits until an idle
# connection times out (2 minutes): 500 left 100 of the benchmark's 600 pupils waiting.
CONNECTION_LIMIT = 1000


def production_server(app: Flask, host: str, port: int) -> BaseWSGIServer | MultiSocketServer:
    """Bound and listening (raises OSError when the port is taken); `run()` serves until
    KeyboardInterrupt. No `Server` header: the response does not name the software."""
    _room_for_connections()
    return create_server(
        app,
        host=host,
        port=port,
        threads=THREADS,
        connection_limit=CONNECTION_LIMIT,
        asyncore_use_poll=True,  # no select() limit of 1024 open sockets
        ident="",
    )


def _room_for_connections() -> None:
    """A login session often allows 1,024 open files: too few for CONNECTION_LIMIT sockets
    plus the database and logs. Raise the soft limit as far as the hard one allows."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = CONNECTION_LIMIT + 256
    if soft != resource.RLIM_INFINITY and soft < wanted:
        ceiling = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, ceiling), hard))
