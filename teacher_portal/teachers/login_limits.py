"""Limits on teachers' failed log-ins that pupils cannot turn against their teachers.

Only failed attempts count. From a browser the teacher has not logged in from before they
count per address and per account, which stops guessing and password spraying. A browser
the teacher has logged in from carries a signed device cookie and has a bucket of its own
instead, so a class hammering the log-in page from the school's one address (or at one
teacher's e-mail) locks out neither that teacher at her usual browser nor her colleagues.
This is OWASP's "device cookie" defence against lock-out.
"""

import secrets
from collections.abc import Callable
from typing import Any

from flask import current_app, g, request
from flask.wrappers import Response
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select

from teacher_portal.core.extensions import db, limiter
from teacher_portal.models import Teacher

DEVICE_COOKIE = "jagten_device"
DEVICE_COOKIE_DAYS = 365

View = Callable[..., Any]


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt="teacher-device")


def typed_email() -> str:
    return request.form.get("email", "").strip().lower()


def failed_login() -> None:
    """Count this attempt against the limits."""
    g.failed_login = True


def _failed(_response: Response) -> bool:
    return bool(g.get("failed_login"))


def _device() -> dict[str, Any] | None:
    """The browser's device cookie, if it is one we signed."""
    try:
        device = _serializer().loads(request.cookies.get(DEVICE_COOKIE, ""))
    except BadSignature:
        return None
    return device if isinstance(device, dict) else None


def known_browser() -> bool:
    """The teacher whose e-mail is typed has logged in from this browser before."""
    if "known_browser" not in g:
        device = _device()
        teacher_id = db.session.scalar(select(Teacher.id).where(Teacher.email == typed_email()))
        g.known_browser = device is not None and teacher_id == device.get("teacher")
    return g.known_browser


def remember_browser(response: Response, teacher: Teacher) -> Response:
    """After a successful log-in: this browser is the teacher's from now on."""
    device = _device()
    if device is None or device.get("teacher") != teacher.id:
        value = _serializer().dumps({"teacher": teacher.id, "nonce": secrets.token_urlsafe(12)})
        response.set_cookie(
            DEVICE_COOKIE,
            value,
            max_age=DEVICE_COOKIE_DAYS * 24 * 3600,
            httponly=True,
            samesite="Lax",
            secure=current_app.config["SESSION_COOKIE_SECURE"],
        )
    return response


def _setting(name: str) -> Callable[[], str]:
    return lambda: current_app.config[name]


def _message() -> str:
    return _(
        "Too many failed log-ins. Wait a quarter of an hour, or log in from the browser "
        "you usually use."
    )


def limited(view: View) -> View:
    """The three limits on the log-in view's POST."""
    common: dict[str, Any] = {
        "methods": ["POST"],
        "deduct_when": _failed,
        "error_message": _message,
    }
    per_address = limiter.limit(
        _setting("TEACHER_LOGIN_LIMIT"), exempt_when=known_browser, scope="login-address", **common
    )
    per_account = limiter.limit(
        _setting("TEACHER_ACCOUNT_LIMIT"),
        key_func=lambda: "account:" + typed_email(),
        exempt_when=known_browser,
        scope="login-account",
        **common,
    )
    per_browser = limiter.limit(
        _setting("TEACHER_DEVICE_LIMIT"),
        key_func=lambda: "device:" + str((_device() or {}).get("nonce")),
        exempt_when=lambda: not known_browser(),
        scope="login-device",
        **common,
    )
    return per_address(per_account(per_browser(view)))
