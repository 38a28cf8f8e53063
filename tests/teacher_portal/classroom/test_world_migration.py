"""Upgrading a portal whose classes built in the old wrapping slots: each class keeps the land
its newest build stands on, unless a newer build of another class stands over it (that class
gets an area of its own at its next build). On SQLite here; PostgreSQL in tests/…/postgres."""

from pathlib import Path

import flask_migrate
from flask import Flask
from sqlalchemy import select, text

from teacher_portal import create_app
from teacher_portal.core.extensions import MIGRATIONS_DIR, db
from teacher_portal.models import WorldArea

BEFORE = "0007_job_queue"


def _old_portal(database_url: str) -> Flask:
    """A portal at the revision before areas: three classes, five slots of 200 blocks, the
    third class's build wrapped onto the first's land."""
    app = create_app(
        {"TESTING": True, "SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": database_url}
    )
    with app.app_context():
        flask_migrate.upgrade(directory=str(MIGRATIONS_DIR), revision=BEFORE)
        now = "2026-09-01 08:00:00"
        run = lambda sql, **values: db.session.execute(text(sql), values)  # noqa: E731
        run(
            "INSERT INTO teacher (id, name, email, password_hash, is_admin, created_at) "
            "VALUES (1, 'Tina', 't@example.org', 'x', true, :now)",
            now=now,
        )
        for class_id, slot in ((1, 0), (2, 1), (3, 0)):
            run(
                "INSERT INTO school_class (id, teacher_id, name, grade, school_year, class_code,"
                " build_slot, created_at) VALUES (:id, 1, :name, 6, '2026/27', :code, :slot, :now)",
                id=class_id, name=f"6.{class_id}", code=f"CODE{class_id}", slot=slot, now=now,
            )  # fmt: skip
        run(
            "INSERT INTO pupil (id, class_id, nickname, card_token, session_version, created_at)"
            " VALUES (1, 1, 'Ali', 'token', 0, :now)",
            now=now,
        )
        run("INSERT INTO game_server (id, kind, host, port) VALUES (1, 'minetest', 'h', 4711)")
        for job_id, class_id, x in ((1, 1, 2000), (2, 2, 2200), (3, 3, 2000)):
            run(
                "INSERT INTO build_job (id, class_id, kind, estate_id, variants, plots, sites,"
                " origin_x, origin_y, origin_z, state, done, total, created_at) VALUES"
                " (:id, :class_id, 'build', 'rosenhaven', '{}', '[]', '[]', :x, 0, 0, 'done',"
                " 1, 1, :now)",
                id=job_id, class_id=class_id, x=x, now=now,
            )  # fmt: skip
        db.session.commit()
    return app


def upgraded_areas(database_url: str) -> dict[int | None, tuple[int, int, str | None]]:
    """The areas after the upgrade; nothing else of the classes is lost on the way."""
    app = _old_portal(database_url)
    with app.app_context():
        flask_migrate.upgrade(directory=str(MIGRATIONS_DIR))
        count = lambda table: db.session.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar()  # noqa: E731
        assert [count(table) for table in ("school_class", "pupil", "build_job")] == [3, 1, 3]
        areas = db.session.scalars(select(WorldArea)).all()
        return {area.class_id: (area.x1, area.x2, area.world) for area in areas}


def test_the_newest_build_keeps_its_land_and_a_wrapped_one_gets_a_new_area(
    tmp_path: Path,
) -> None:
    areas = upgraded_areas(f"sqlite:///{tmp_path / 'old.sqlite'}")
    assert areas == {3: (2000, 2099, "h:4711"), 2: (2200, 2299, "h:4711")}  # rosenhaven: 100 wide
