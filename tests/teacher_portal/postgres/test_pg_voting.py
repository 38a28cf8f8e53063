"""Secret votes on PostgreSQL: exactly once under simultaneous submissions, and no ballot
lost between casting and closing.

The real app is served by werkzeug with threads on loopback, on its own PostgreSQL database;
each thread is a separate browser session of the same pupil, all posting at once.
"""

import threading
from pathlib import Path

from flask import Flask
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from teacher_portal.core.extensions import db
from teacher_portal.models import Pupil
from teacher_portal.models.voting import CastBallot, VoterRoll, VotingTask
from teacher_portal.voting import casting, tally
from tests.teacher_portal.conftest import AuthActions, make_app, serving
from tests.teacher_portal.factories import create_class, create_pupils, create_teacher
from tests.teacher_portal.voting.http_pupil import HttpPupil
from tests.teacher_portal.voting.vote_factories import create_task

SUBMISSIONS = 20
NICKNAMES = ["Ali", "Bo", "Cecilie", "Dina"]


def test_simultaneous_ballots_of_one_pupil_count_once_then_close(
    tmp_path: Path, postgres_url: str
) -> None:
    app = make_app(tmp_path, SQLALCHEMY_DATABASE_URI=postgres_url, WTF_CSRF_ENABLED=True)
    with app.app_context():
        school_class = create_class(create_teacher(admin=True))
        ali, *others = create_pupils(school_class, *NICKNAMES)
        task = create_task(school_class, method="plurality", secret=True)

    with serving(app) as base_url:
        answers = _cast_at_once(base_url, ali.card_token, task.id)
        for pupil, choice in zip(others, ["1", "1", "3"], strict=True):
            phone = HttpPupil(base_url)
            phone.sign_in(pupil.card_token)
            assert "outcome=counted" in phone.cast(task.id, [choice], phone.csrf_token(task.id))[1]

    outcomes = [location.rsplit("outcome=", 1)[-1] for _, location in answers]
    assert all(status == 303 for status, _ in answers)
    assert outcomes.count("counted") == 1
    assert outcomes.count("already_voted") == SUBMISSIONS - 1
    teacher = make_app(tmp_path, SQLALCHEMY_DATABASE_URI=postgres_url).test_client()  # no CSRF
    AuthActions(teacher).login()
    assert teacher.post(f"/votes/{task.id}/close").status_code == 302
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(VoterRoll)) == len(NICKNAMES)
        assert db.session.scalars(select(CastBallot.pupil_id)).all() == [None] * len(NICKNAMES)
        closed = db.session.get(VotingTask, task.id)
        assert closed.state == "closed"
        scores = closed.result["scores"]
    assert sum(scores.values()) == len(NICKNAMES)
    assert scores["1"] >= 2 and scores["3"] >= 1


def _cast_at_once(base_url: str, card_token: str, task_id: int) -> list[tuple[int, str]]:
    phones = [HttpPupil(base_url) for _ in range(SUBMISSIONS)]
    tokens = []
    for phone in phones:
        phone.sign_in(card_token)
        tokens.append(phone.csrf_token(task_id))
    start = threading.Barrier(SUBMISSIONS)
    answers: list[tuple[int, str]] = [(0, "")] * SUBMISSIONS

    def submit(index: int) -> None:
        start.wait()
        answers[index] = phones[index].cast(task_id, [str(1 + index % 3)], tokens[index])

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(SUBMISSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_a_ballot_committing_while_the_teacher_closes_is_counted_or_refused(
    tmp_path: Path, postgres_url: str
) -> None:
    """Under PostgreSQL's READ COMMITTED, the close must not count past a ballot that is
    stored but not yet committed. The casting thread is held just before its commit while
    the close runs; the ballot must then end up either counted or refused, never stored
    but missing from the count."""
    app = make_app(tmp_path, SQLALCHEMY_DATABASE_URI=postgres_url)
    with app.app_context():
        school_class = create_class(create_teacher(admin=True))
        (ali,) = create_pupils(school_class, "Ali")
        task = create_task(school_class, method="plurality", secret=True)
    about_to_commit = threading.Event()
    caster = CastingThread(app, task.id, ali.id, about_to_commit)

    def hold_the_commit(_session: Session) -> None:
        if threading.current_thread() is caster:
            about_to_commit.set()
            caster.closed.wait(timeout=1.0)  # the close gets its chance to overtake

    event.listen(Session, "before_commit", hold_the_commit)
    try:
        caster.start()
        assert about_to_commit.wait(timeout=10)
        closing = threading.Thread(target=_close, args=(app, task.id, caster.closed))
        closing.start()
        caster.join(timeout=30)
        closing.join(timeout=30)
    finally:
        event.remove(Session, "before_commit", hold_the_commit)

    with app.app_context():
        stored = db.session.scalar(select(func.count()).select_from(CastBallot))
        result = db.session.get(VotingTask, task.id).result
    counted = sum(result.get("scores", {}).values())  # no ballots: nothing to score
    assert caster.outcome in (casting.Outcome.COUNTED, casting.Outcome.NOT_OPEN)
    assert counted == stored == (1 if caster.outcome is casting.Outcome.COUNTED else 0)


def _close(app: Flask, task_id: int, closed: threading.Event) -> None:
    with app.app_context():
        assert tally.close(db.session.get(VotingTask, task_id))
    closed.set()


class CastingThread(threading.Thread):
    """Casts one web ballot through `casting.cast`, as the ballot view does."""

    def __init__(self, app: Flask, task_id: int, pupil_id: int, started: threading.Event) -> None:
        super().__init__(daemon=True)
        self.app, self.task_id, self.pupil_id = app, task_id, pupil_id
        self.closed = threading.Event()
        self.outcome: casting.Outcome | None = None

    def run(self) -> None:
        with self.app.app_context():
            rules = casting.task_rules(self.task_id)
            pupil = db.session.get(Pupil, self.pupil_id)
            self.outcome = casting.cast(rules, pupil, ["1"]).outcome
