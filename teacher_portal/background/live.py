"""Live announcements across processes: "this topic changed", e.g. a vote's results.

`announce(topic)` is part of the caller's transaction, so nobody hears of a change that was
rolled back. `wait(topic, seen, timeout)` blocks until the topic's version moves past `seen`.

- SQLite (one process): announcements go straight to the waiting threads after the commit.
- PostgreSQL: `announce` sends `NOTIFY jagten_live, '<topic>'` in the transaction, and each
  web process has one thread that LISTENs on its own connection (started when the first
  stream waits) and wakes its waiting threads. A vote cast in one process thus redraws a
  projector connected to any other. While that connection is down (a database restart)
  every waiter is woken once it is back, so a missed announcement costs one extra check.
"""

import logging
import threading
import time
from collections import defaultdict

from flask import Flask, current_app
from sqlalchemy import bindparam, func, literal, select

from teacher_portal.background.commit_hooks import after_commit
from teacher_portal.background.queue import uses_postgres
from teacher_portal.core.extensions import db

log = logging.getLogger(__name__)

EXTENSION = "jagten_live"
CHANNEL = "jagten_live"
RECONNECT_SECONDS = 1.0
_NOTIFY = select(func.pg_notify(literal(CHANNEL), bindparam("topic")))


class LocalHub:
    """Versions of topics in this process, and the threads waiting for them to move."""

    def __init__(self) -> None:
        self._versions: dict[str, int] = defaultdict(int)
        self._everything = 0  # moves every topic at once (after a lost connection)
        self._changed = threading.Condition()

    def version(self, topic: str) -> int:
        return self._versions[topic] + self._everything

    def bump(self, topic: str | None = None) -> None:
        with self._changed:
            if topic is None:
                self._everything += 1
            else:
                self._versions[topic] += 1
            self._changed.notify_all()

    def announce(self, topic: str) -> None:
        after_commit(lambda: self.bump(topic))

    def wait(self, topic: str, seen: int, timeout: float) -> int:
        with self._changed:
            self._changed.wait_for(lambda: self.version(topic) != seen, timeout)
            return self.version(topic)


class PostgresHub(LocalHub):
    """Announces with NOTIFY; hears every process's announcements through one LISTEN."""

    def __init__(self, conninfo: str) -> None:
        super().__init__()
        self.conninfo = conninfo
        self._listener: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def announce(self, topic: str) -> None:
        db.session.connection().execute(_NOTIFY, {"topic": topic})

    def wait(self, topic: str, seen: int, timeout: float) -> int:
        self._ensure_listening()
        return super().wait(topic, seen, timeout)

    def _ensure_listening(self) -> None:
        with self._start_lock:
            if self._listener is None:
                self._listener = threading.Thread(
                    target=self._listen_forever, name="jagten-live", daemon=True
                )
                self._listener.start()

    def _listen_forever(self) -> None:
        import psycopg

        while True:
            try:
                with psycopg.connect(self.conninfo, autocommit=True) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    self.bump()  # anything announced while we were not listening
                    for notification in connection.notifies():
                        self.bump(notification.payload)
            except psycopg.Error as error:
                log.warning("live announcements: %s; listening again", error)
            time.sleep(RECONNECT_SECONDS)


def init_app(app: Flask) -> None:
    # How long a waiting stream trusts the announcements before it looks for itself.
    app.config.setdefault("LIVE_FALLBACK_SECONDS", 5.0)
    if uses_postgres(app):
        from teacher_portal.background.procrastinate_queue import libpq_url

        app.extensions[EXTENSION] = PostgresHub(libpq_url(app))
    else:
        app.extensions[EXTENSION] = LocalHub()


def hub() -> LocalHub:
    return current_app.extensions[EXTENSION]


def announce(topic: str) -> None:
    """Tell every process that `topic` changed, once the current transaction commits."""
    hub().announce(topic)


def version(topic: str) -> int:
    return hub().version(topic)


def wait(topic: str, seen: int, timeout: float) -> int:
    """The topic's version once it differs from `seen`, or after `timeout` seconds."""
    return hub().wait(topic, seen, timeout)
