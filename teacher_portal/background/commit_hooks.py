"""Run something once the session's transaction commits, and never if it rolls back.

Background work and live announcements both need this: a job thread must not start before
its row is visible, and a projector must not redraw for a ballot that was refused.
"""

from collections.abc import Callable

from flask_sqlalchemy.session import Session
from sqlalchemy import event

from teacher_portal.core.extensions import db

_PENDING = "jagten_after_commit"


def after_commit(callback: Callable[[], None]) -> None:
    """Call `callback` after the current transaction of `db.session` commits."""
    db.session.info.setdefault(_PENDING, []).append(callback)


@event.listens_for(Session, "after_commit")
def _run_pending(session: Session) -> None:
    for callback in session.info.pop(_PENDING, ()):
        callback()


@event.listens_for(Session, "after_rollback")
def _forget_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)
