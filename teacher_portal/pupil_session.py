"""Pupil sign-in: a session kind of its own, never a password and never a Flask-Login user.

A pupil's session holds the pupil id and the `session_version` it was issued for; revoking the
card bumps the version, which ends every session of that pupil at once.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Flask, g, redirect, session, url_for
from flask_login import logout_user
from werkzeug.local import LocalProxy

from teacher_portal.extensions import db
from teacher_portal.models import Pupil

_PUPIL_KEY = "pupil"


def _load_current_pupil() -> Pupil | None:
    if "current_pupil" not in g:
        g.current_pupil = _pupil_from_session()
    return g.current_pupil


def _pupil_from_session() -> Pupil | None:
    stored = session.get(_PUPIL_KEY)
    if not isinstance(stored, dict):
        return None
    pupil = db.session.get(Pupil, stored.get("id"))
    if pupil is None or pupil.session_version != stored.get("version"):
        session.pop(_PUPIL_KEY, None)
        return None
    return pupil


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


def sign_out_pupil() -> None:
    session.pop(_PUPIL_KEY, None)
    g.current_pupil = None


def pupil_required(view: Callable[..., Any]) -> Callable[..., Any]:
    """Send anyone who is not a signed-in pupil to the class-code page."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if _load_current_pupil() is None:
            return redirect(url_for("pupil_login.enter_code"))
        return view(*args, **kwargs)

    return wrapped


def init_app(app: Flask) -> None:
    app.context_processor(lambda: {"current_pupil": _load_current_pupil()})
