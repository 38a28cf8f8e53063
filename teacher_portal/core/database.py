"""Database set-up: SQLite pragmas on every connection, and upgrading the schema to head."""

import sqlite3
from typing import Any

import flask_migrate
from flask import Flask
from sqlalchemy import event

from teacher_portal.core.extensions import MIGRATIONS_DIR, db


def init_app(app: Flask) -> None:
    """Turn on WAL, foreign keys and a busy timeout for SQLite, so threads and cascades behave;
    the pragmas run once per pooled connection, not per request."""
    with app.app_context():
        event.listen(db.engine, "connect", _sqlite_pragmas)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    # In WAL mode NORMAL syncs at checkpoints, not at every commit: a crash of the portal
    # loses nothing, a power cut at most the last commits, and the file never corrupts.
    # Commits stop waiting for the disk, which is what a class voting at once waits on.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def upgrade_database(app: Flask) -> None:
    """Bring the database to the head revision; `jagten up` and the tests call this before use."""
    with app.app_context():
        flask_migrate.upgrade(directory=str(MIGRATIONS_DIR))
