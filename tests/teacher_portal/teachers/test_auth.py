"""Teachers: log in and out, hashed passwords, one-time invitations, rate-limited log-in."""

import re
from pathlib import Path

from flask import Flask
from sqlalchemy import select

from teacher_portal.core.extensions import db
from teacher_portal.models import Invitation, Teacher
from tests.teacher_portal.conftest import AuthActions, make_app
from tests.teacher_portal.factories import PASSWORD, create_teacher


def test_login_and_logout(client, auth: AuthActions) -> None:
    assert client.get("/classes/").status_code == 302
    response = auth.login()
    assert response.location == "/classes/"
    assert client.get("/classes/").status_code == 200
    auth.logout()
    assert client.get("/classes/").status_code == 302


def test_login_is_case_insensitive_in_the_email(client, auth: AuthActions) -> None:
    assert auth.login(email="Teacher@Example.org").location == "/classes/"


def test_wrong_password_is_refused(client, auth: AuthActions) -> None:
    response = auth.login(password="wrong password")
    assert response.status_code == 200
    assert "Forkert e-mail eller adgangskode." in response.text
    assert client.get("/classes/").status_code == 302


def _invitation_link(client) -> str:
    client.post("/teachers/invite")
    page = client.get("/teachers/").text
    return re.search(r"http://localhost(/invite/[\w-]+)", page).group(1)


def test_invitation_link_works_once(app: Flask, client, auth: AuthActions) -> None:
    auth.login()
    link = _invitation_link(client)
    auth.logout()
    colleague = {"name": "Per", "email": "per@skole.dk", "password": PASSWORD, "confirm": PASSWORD}
    assert client.post(link, data=colleague).location == "/classes/new"
    assert client.get(link).status_code == 404
    with app.app_context():
        per = db.session.scalar(select(Teacher).where(Teacher.email == "per@skole.dk"))
        assert not per.is_admin
        invitation = db.session.scalar(select(Invitation))
        assert invitation.used_by_id == per.id


def test_only_admins_invite(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        create_teacher("plain@skole.dk")
    auth.login(email="plain@skole.dk")
    assert client.get("/teachers/").status_code == 403
    assert client.post("/teachers/invite").status_code == 403


def test_teacher_login_is_rate_limited(tmp_path: Path) -> None:
    app = make_app(tmp_path, RATELIMIT_ENABLED=True, TEACHER_LOGIN_LIMIT="3 per minute")
    with app.app_context():
        create_teacher()
    auth = AuthActions(app.test_client())
    statuses = [auth.login(password="guess").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert auth.login().status_code == 429  # even the right password waits


def test_session_cookie_is_http_only(client, auth: AuthActions) -> None:
    response = auth.login()
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
