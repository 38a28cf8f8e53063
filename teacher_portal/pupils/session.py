"""Pupil sign-in: a session kind of its own, never a password and never a Flask-Login user.

A pupil's session holds the pupil id and the `session_version` it was issued for; revoking the
card bumps the version, which ends every session of that pupil at once.

Checking the session needs only a lean row (one compiled Core select), so `pupil_required`
does just that and the `Pupil` object is loaded when a view or template first touches
`current_pupil`: a cast ballot, the busiest pupil request, never loads it.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Flask, g, redirect, session, url_for
from flask_login import logout_user
from sqlalchemy import bindparam, select
from sqlalchemy.engine import Row
from werkzeug.local import LocalProxy

from teacher_portal.core.extensions import db
from teacher_portal.models import Pupil

_PUPIL_KEY = "pupil"
_PUPILS = Pupil.__table__
_SESSION_PUPIL = select(
    _PUPILS.c.id, _PUPILS.c.class_id, _PUPILS.c.household_id, _PUPILS.c.session_version
).where(_PUPILS.c.id == bindparam("id"))


def signed_in_pupil() -> Row | None:
    """The session's pupil as a row (`id`, `class_id`, `household_id`), or None when the
    session holds no pupil or a revoked one (then the session forgets it)."""
    if "signed_in_pupil" not in g:
        g.signed_in_pupil = _pupil_row_from_session()
    return g.signed_in_pupil


def _pupil_row_from_session() -> Row | None:
    stored = session.get(_PUPIL_KEY)
    if not isinstance(stored, dict):
        return None
    row = db.session.connection().execute(_SESSION_PUPIL, {"id": stored.get("id")}).first()
    if row is None or row.session_version != stored.get("version"):
        session.pop(_PUPIL_KEY, None)
        return None
    return row


def _load_current_pupil() -> Pupil | None:
    if "current_pupil" not in g:
        row = signed_in_pupil()
        g.current_pupil = None if row is None else db.session.get(Pupil, row.id)
    return g.current_pupil


current_pupil: Pupil | None = LocalProxy(_load_current_pupil)  # type: ignore[assignment]


def sign_in_pupil(pupil: Pupil) -> None:
    """Start a pupil session, ending any teacher session in this browser."""
    logout_user()
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language
    session[_PUPIL_KEY] = {"id": pupil.id, "version": pupil.session_version}
    session.permanent = True
    g.current_pupil = pupil
    g.pop("signed_in_pupil", None)  # read again from the new session when asked


def sign_out_pupil() -> None:
    session.pop(_PUPIL_KEY, None)
    g.current_pupil = None
    g.signed_in_pupil = None


def pupil_required(view: Callable[..., Any]) -> Callable[..., Any]:
    """Send anyone who is not a signed-in pupil to the class-code page."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if signed_in_pupil() is None:
            return redirect(url_for("pupils.login.enter_code"))
        return view(*args, **kwargs)

    return wrapped


def init_app(app: Flask) -> None:
    app.context_processor(lambda: {"current_pupil": _load_current_pupil()})
