"""Background work on PostgreSQL, within one process: procrastinate's job row is written in
the caller's transaction, an advisory lock has one holder across sessions, and a NOTIFY sent
in a committed transaction reaches a LISTENing waiter."""

from pathlib import Path

from sqlalchemy import text

from teacher_portal import background
from teacher_portal.background import live, locks
from teacher_portal.core.extensions import db
from tests.teacher_portal.conftest import make_app

JOBS = text("SELECT task_name, args->>'number' FROM procrastinate_jobs ORDER BY id")


@background.task("tests.pg_record")
def pg_record(number: int) -> None:
    """Never run here: these tests look at the queue's rows."""


def test_a_job_is_queued_exactly_when_its_transaction_commits(
    tmp_path: Path, postgres_url: str
) -> None:
    app = make_app(tmp_path, SQLALCHEMY_DATABASE_URI=postgres_url)
    with app.app_context():
        background.defer("tests.pg_record", "pg-1", number=1)
        db.session.rollback()
        background.defer("tests.pg_record", "pg-2", number=2)
        background.defer("tests.pg_record", "pg-3", unique=True, number=3)
        background.defer("tests.pg_record", "pg-3", unique=True, number=4)  # one waits: skipped
        db.session.commit()
        queued = db.session.execute(JOBS).all()
        assert queued == [("tests.pg_record", "2"), ("tests.pg_record", "3")]
        assert background.may_be_running("pg-2") and background.may_be_running("pg-3")
        assert not background.may_be_running("pg-1")


def test_an_advisory_lock_has_one_holder_across_sessions(tmp_path: Path, postgres_url: str) -> None:
    app = make_app(tmp_path, SQLALCHEMY_DATABASE_URI=postgres_url)
    with app.app_context():
        with locks.exclusive("tests", 7) as first:
            assert first is not None and first.still_held()
            assert locks.is_held("tests", 7)
            with locks.exclusive("tests", 7) as second:  # another database session
                assert second is None
        assert not locks.is_held("tests", 7)  # closing the session let it go


def test_a_committed_notify_reaches_a_listening_waiter(tmp_path: Path, postgres_url: str) -> None:
    app = make_app(tmp_path, SQLALCHEMY_DATABASE_URI=postgres_url)
    with app.app_context():
        start = live.version("vote:0")
        assert live.wait("vote:0", start, 10) != start  # this process now LISTENs
        before = live.version("vote:1")
        live.announce("vote:1")
        db.session.rollback()
        assert live.wait("vote:1", before, 0.5) == before  # rolled back: nothing was sent
        live.announce("vote:1")
        db.session.commit()
        assert live.wait("vote:1", before, 10) != before
