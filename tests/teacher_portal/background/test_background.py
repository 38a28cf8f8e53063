"""Background work on the embedded default: deferred work and announcements happen only if
the transaction commits, and a lock has one holder."""

import threading

from flask import Flask

from teacher_portal import background
from teacher_portal.background import live, locks
from teacher_portal.core.extensions import db
from tests.teacher_portal.factories import create_class, default_teacher

ran: list[int] = []
done = threading.Event()


@background.task("tests.record")
def record(number: int) -> None:
    ran.append(number)
    done.set()


def test_deferred_work_runs_after_the_commit_and_never_after_a_rollback(app: Flask) -> None:
    ran.clear()
    with app.app_context():
        create_class(default_teacher())  # some write in the session's transaction
        background.defer("tests.record", "tests-1", number=1)
        db.session.rollback()
        background.defer("tests.record", "tests-2", number=2)
        assert background.may_be_running("tests-2")  # from the defer on, not only the thread
        db.session.commit()
        background.wait("tests-2", 10)
    assert ran == [2]


def test_an_announcement_wakes_a_waiter_only_when_its_transaction_commits(app: Flask) -> None:
    with app.app_context():
        seen = live.version("topic")
        live.announce("topic")
        db.session.rollback()
        assert live.wait("topic", seen, 0.05) == seen  # nothing was announced
        live.announce("topic")
        db.session.commit()
        assert live.wait("topic", seen, 5) != seen


def test_a_lock_has_one_holder_until_it_is_let_go(app: Flask) -> None:
    with app.app_context():
        with locks.exclusive("tests", 7) as first:
            assert first is not None and first.still_held()
            assert locks.is_held("tests", 7)
            with locks.exclusive("tests", 7) as second:
                assert second is None
            with locks.exclusive("tests", 8) as other:
                assert other is not None  # another number is another lock
        assert not locks.is_held("tests", 7)
