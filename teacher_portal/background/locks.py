"""One holder at a time, across every process: a lock in the database.

On PostgreSQL the lock is a session-level advisory lock on a connection of its own, held for
as long as the holder works. When the holder's process dies, PostgreSQL closes the session and
the lock is free at once, so another worker can take over. The embedded default has one
process, and a lock in memory does the same there.

A lock is named by a word and a number (`"chat-listener", task_id`): the word becomes the
advisory lock's first key, the number its second, so two names never share a lock.
"""

import os
import socket
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Protocol

from flask import current_app
from sqlalchemy import text

from teacher_portal.background.queue import uses_postgres
from teacher_portal.core.extensions import db

_HELD_HERE: set[tuple[str, str, int]] = set()  # (database, name, number)
_HELD_HERE_LOCK = threading.Lock()

_IS_HELD = text(
    "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
    " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    " AND classid::bigint = :space AND objid::bigint = :number AND objsubid = 2)"
)


class HeldLock(Protocol):
    def still_held(self) -> bool:
        """False once the lock may have gone (its database session ended)."""


def holder_name() -> str:
    """Who holds a lock: shown to PostgreSQL as the session's application name."""
    return f"jagten {socket.gethostname()}:{os.getpid()}"


def key_space(name: str) -> int:
    return zlib.crc32(name.encode()) & 0x7FFFFFFF


@contextmanager
def exclusive(name: str, number: int) -> Iterator[HeldLock | None]:
    """Hold the lock while the block runs; None (at once, no waiting) if another holds it."""
    if uses_postgres(current_app):
        with _advisory(name, number) as held:
            yield held
        return
    lock = _in_memory_key(name, number)
    with _HELD_HERE_LOCK:
        if lock in _HELD_HERE:
            held = None
        else:
            _HELD_HERE.add(lock)
            held = _InMemory()
    try:
        yield held
    finally:
        if held is not None:
            with _HELD_HERE_LOCK:
                _HELD_HERE.discard(lock)


def is_held(name: str, number: int) -> bool:
    """Whether anyone holds the lock now (in any process)."""
    if uses_postgres(current_app):
        return bool(db.session.scalar(_IS_HELD, {"space": key_space(name), "number": number}))
    return _in_memory_key(name, number) in _HELD_HERE


def _in_memory_key(name: str, number: int) -> tuple[str, str, int]:
    return current_app.config["SQLALCHEMY_DATABASE_URI"], name, number


class _InMemory:
    def still_held(self) -> bool:
        return True


class _Advisory:
    def __init__(self, connection) -> None:
        self.connection = connection

    def still_held(self) -> bool:
        try:
            self.connection.execute("SELECT 1")
        except Exception:  # any failure of the session means the lock may be gone
            return False
        return True


@contextmanager
def _advisory(name: str, number: int) -> Iterator[HeldLock | None]:
    import psycopg

    from teacher_portal.background.procrastinate_queue import libpq_url

    connection = psycopg.connect(
        libpq_url(current_app), autocommit=True, application_name=holder_name()
    )
    try:
        got = connection.execute(
            "SELECT pg_try_advisory_lock(%s::int4, %s::int4)", (key_space(name), number)
        ).fetchone()[0]
        yield _Advisory(connection) if got else None
        if got:  # released at once; a closed session's lock goes only when its backend ends
            with suppress(psycopg.Error):  # a broken session holds nothing
                connection.execute(
                    "SELECT pg_advisory_unlock(%s::int4, %s::int4)", (key_space(name), number)
                )
    finally:
        connection.close()  # ends the session: releases the lock if the holder failed
