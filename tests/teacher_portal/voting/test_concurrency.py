"""Fifty simultaneous submissions for the same pupil count once: the database decides.

The real app, served by werkzeug with threads on loopback, on a real SQLite file in WAL
mode; fifty threads, each its own browser session of the same pupil, post at once.
"""

import sqlite3
import threading
from pathlib import Path

from sqlalchemy import func, select

from teacher_portal.core.extensions import db
from teacher_portal.models.voting import CastBallot, VoterRoll
from tests.teacher_portal.conftest import make_app, serving
from tests.teacher_portal.factories import create_class, create_pupil, create_teacher
from tests.teacher_portal.voting.http_pupil import HttpPupil
from tests.teacher_portal.voting.vote_factories import create_task

SUBMISSIONS = 50


def test_fifty_simultaneous_ballots_of_one_pupil_count_once(tmp_path: Path) -> None:
    app = make_app(tmp_path, WTF_CSRF_ENABLED=True)
    with app.app_context():
        school_class = create_class(create_teacher(admin=True))
        ali = create_pupil(school_class, "Ali")
        task = create_task(school_class, method="plurality")
    database = tmp_path / "portal.sqlite"
    assert sqlite3.connect(database).execute("PRAGMA journal_mode").fetchone()[0] == "wal"

    with serving(app) as base_url:
        phones = [HttpPupil(base_url) for _ in range(SUBMISSIONS)]
        tokens = []
        for phone in phones:
            phone.sign_in(ali.card_token)
            tokens.append(phone.csrf_token(task.id))
        start = threading.Barrier(SUBMISSIONS)
        answers: list[tuple[int, str]] = [(0, "")] * SUBMISSIONS

        def submit(index: int) -> None:
            start.wait()
            choice = str(1 + index % 3)
            answers[index] = phones[index].cast(task.id, [choice], tokens[index])

        threads = [threading.Thread(target=submit, args=(i,)) for i in range(SUBMISSIONS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    outcomes = [location.rsplit("outcome=", 1)[-1] for _, location in answers]
    assert all(status == 303 for status, _ in answers)
    assert outcomes.count("counted") == 1
    assert outcomes.count("already_voted") == SUBMISSIONS - 1
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(CastBallot)) == 1
        assert db.session.scalar(select(func.count()).select_from(VoterRoll)) == 1
