"""The production server `jagten up` runs the portal in: waitress, a well-kept pure-Python
WSGI server that serves with threads in one process (build jobs and chat listeners are
threads of that process too), reads each request whole before a thread handles it, and
flushes every chunk at once, so the projector's server-sent events reach the browser live.
"""

from flask import Flask
from waitress.server import BaseWSGIServer, MultiSocketServer, create_server

# A projector stream holds a thread for up to a minute; a class's phones poll in between.
# Below SQLAlchemy's default pool (5 + 10 overflow), so a request never waits for a connection.
THREADS = 12
# A class of phones and tablets keeps a few connections each open.
CONNECTION_LIMIT = 500


def production_server(app: Flask, host: str, port: int) -> BaseWSGIServer | MultiSocketServer:
    """Bound and listening (raises OSError when the port is taken); `run()` serves until
    KeyboardInterrupt. No `Server` header: the response does not name the software."""
    return create_server(
        app,
        host=host,
        port=port,
        threads=THREADS,
        connection_limit=CONNECTION_LIMIT,
        asyncore_use_poll=True,  # no select() limit of 1024 open sockets
        ident="",
    )
