"""Migrations: an empty database upgraded to head has exactly the tables of the models."""

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask

from teacher_portal.core.extensions import db
from tests.teacher_portal.conftest import make_app


def test_upgrade_from_empty_matches_the_models(tmp_path: Path) -> None:
    app = make_app(tmp_path)  # runs upgrade_database on an empty SQLite file
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)
        tables = set(db.inspect(connection).get_table_names())
    assert differences == []
    assert set(db.metadata.tables) <= tables


def test_sqlite_runs_in_wal_mode_with_foreign_keys(app: Flask) -> None:
    with app.app_context(), db.engine.connect() as connection:
        journal = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        foreign_keys = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
    assert journal == "wal"
    assert foreign_keys == 1


def test_upgrade_is_idempotent(tmp_path: Path) -> None:
    make_app(tmp_path)
    make_app(tmp_path)  # a second `jagten up` on the same database changes nothing
    with sqlite3.connect(tmp_path / "portal.sqlite") as connection:
        (version,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert version
