"""Secret ballots cannot be joined to pupils: checked in the schema and in the rows."""

import sqlite3

import pytest
from flask import Flask
from sqlalchemy import inspect, select

from teacher_portal.core.extensions import db
from teacher_portal.models.voting import CastBallot, VoterRoll
from tests.teacher_portal.conftest import sign_in_pupil
from tests.teacher_portal.factories import create_class, create_pupils, default_teacher
from tests.teacher_portal.voting.vote_factories import create_task

NICKNAMES = [f"Elev{i:02d}" for i in range(12)]


def _database_file(app: Flask) -> str:
    return app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///")


@pytest.fixture
def secret_vote(app: Flask) -> tuple[Flask, list[int]]:
    """Twelve pupils cast secret ballots, in the order of their ids."""
    with app.app_context():
        school_class = create_class(default_teacher())
        pupils = create_pupils(school_class, *NICKNAMES)
        task = create_task(school_class, method="ranked", secret=True)
    for index, pupil in enumerate(pupils):
        client = app.test_client()
        sign_in_pupil(client, pupil.card_token)
        choice = [str(1 + index % 3), str(1 + (index + 1) % 3)]
        assert client.post(f"/vote/{task.id}", data={"choice": choice}).status_code == 303
    return app, [pupil.id for pupil in pupils]


def test_the_ballot_table_has_nothing_that_points_at_a_pupil_or_a_time(app: Flask) -> None:
    with app.app_context():
        columns = {c["name"]: c for c in inspect(db.engine).get_columns("vote_ballot")}
    assert set(columns) == {"id", "task_id", "pupil_id", "household_id", "ranking"}
    assert not any("time" in str(c["type"]).lower() or "date" in str(c["type"]).lower()
                   for c in columns.values())  # fmt: skip
    with sqlite3.connect(_database_file(app)) as raw:
        for table in ("vote_ballot", "voter_roll"):
            sql = raw.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
            assert "WITHOUT ROWID" in sql[0].upper()
            with pytest.raises(sqlite3.OperationalError, match="rowid"):
                raw.execute(f"SELECT rowid FROM {table}")


def test_secret_rows_hold_no_pupil_and_their_order_is_not_the_voting_order(secret_vote) -> None:
    app, pupil_ids = secret_vote
    with app.app_context():
        assert db.session.scalars(select(CastBallot.pupil_id)).all() == [None] * len(pupil_ids)
        assert db.session.scalars(select(CastBallot.household_id)).all() == [None] * len(pupil_ids)
        roll = db.session.scalars(select(VoterRoll.pupil_id)).all()
        assert sorted(roll) == sorted(pupil_ids)  # the teacher sees who voted
    with sqlite3.connect(_database_file(app)) as raw:
        stored = [row[0] for row in raw.execute("SELECT ranking FROM vote_ballot")]
        keys = [row[0] for row in raw.execute("SELECT id FROM vote_ballot")]
    cast_order = [f'["{1 + i % 3}", "{1 + (i + 1) % 3}"]' for i in range(len(pupil_ids))]
    # Rows come back in the order of their random keys, not in the order they were cast.
    assert keys == sorted(keys)
    assert sorted(stored) == sorted(cast_order)


def test_the_teacher_page_shows_turnout_but_no_votes_while_open(secret_vote, client, auth) -> None:
    auth.login()
    page = client.get("/votes/1").text
    assert "12 / 12" in page
    assert "tælles op, når afstemningen lukker" in page
    assert "Fører lige nu" not in page
