"""Migrations on PostgreSQL: an empty database upgraded to head has exactly the models' schema."""

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from teacher_portal import create_app
from teacher_portal.background.queue import QUEUE_TABLE_PREFIX, portal_table
from teacher_portal.core.database import upgrade_database
from teacher_portal.core.extensions import MIGRATIONS_DIR, db
from tests.teacher_portal.conftest import make_app


def test_upgrade_from_empty_reaches_head_and_matches_the_models(
    tmp_path: Path, postgres_url: str
) -> None:
    app = make_app(tmp_path, SQLALCHEMY_DATABASE_URI=postgres_url)
    with app.app_context(), db.engine.connect() as connection:
        assert connection.dialect.name == "postgresql"
        options = {"compare_type": True, "include_name": portal_table}  # not the job queue's
        context = MigrationContext.configure(connection, opts=options)
        differences = compare_metadata(context, db.metadata)
        tables = set(db.inspect(connection).get_table_names())
        head = context.get_current_revision()
    assert differences == []
    assert set(db.metadata.tables) <= tables
    assert {"procrastinate_jobs", "procrastinate_workers"} <= tables  # the job queue's own
    others = tables - set(db.metadata.tables) - {"alembic_version"}
    assert all(table.startswith(QUEUE_TABLE_PREFIX) for table in others), others
    assert head == _head_revision()


def test_a_second_upgrade_changes_nothing(tmp_path: Path, postgres_url: str) -> None:
    app = make_app(tmp_path, SQLALCHEMY_DATABASE_URI=postgres_url)
    upgrade_database(app)  # a second `jagten up` on the same database
    with app.app_context(), db.engine.connect() as connection:
        versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    assert [version for (version,) in versions] == [_head_revision()]


def _head_revision() -> str:
    """The newest revision in the migrations folder, read from the files, not the database."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config).get_current_head()


def test_database_url_from_the_environment_selects_postgres(
    tmp_path: Path, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's set-up: `DATABASE_URL`, also in the older `postgres://` spelling."""
    monkeypatch.setenv("JAGTEN_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", postgres_url.replace("postgresql://", "postgres://", 1))
    app = create_app()
    upgrade_database(app)
    with app.app_context(), db.engine.connect() as connection:
        assert connection.dialect.name == "postgresql"
        assert "voter_roll" in db.inspect(connection).get_table_names()


def test_old_slots_become_areas_on_postgresql(postgres_url: str) -> None:
    from tests.teacher_portal.classroom.test_world_migration import upgraded_areas

    areas = upgraded_areas(postgres_url)
    assert areas == {3: (2000, 2099, "h:4711"), 2: (2200, 2299, "h:4711")}
