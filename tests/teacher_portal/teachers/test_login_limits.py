"""Teacher log-in limits a class cannot turn against its teachers (issue 11, point 5).

Every test client here comes from 127.0.0.1: the school's one address behind its NAT.
"""

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from teacher_portal.teachers.login_limits import DEVICE_COOKIE
from tests.teacher_portal.conftest import AuthActions, make_app
from tests.teacher_portal.factories import PASSWORD, create_teacher

TINA, OLE = "teacher@example.org", "ole@skole.dk"


@pytest.fixture
def school(tmp_path: Path) -> Flask:
    app = make_app(
        tmp_path,
        RATELIMIT_ENABLED=True,
        TEACHER_LOGIN_LIMIT="10 per 15 minutes",
        TEACHER_ACCOUNT_LIMIT="5 per 15 minutes",
        TEACHER_DEVICE_LIMIT="5 per 15 minutes",
    )
    with app.app_context():
        create_teacher(TINA, admin=True)
        create_teacher(OLE, name="Ole")
    return app


def _usual_browser(app: Flask, email: str = TINA) -> FlaskClient:
    """A browser the teacher has logged in from before, and logged out of."""
    browser = app.test_client()
    auth = AuthActions(browser)
    assert auth.login(email).location == "/classes/"
    auth.logout()
    return browser


def _pupils_hammer(app: Flask, email: str, times: int) -> list[int]:
    pupil = AuthActions(app.test_client())
    return [pupil.login(email, password=f"gæt{n}").status_code for n in range(times)]


def test_a_class_hammering_one_account_does_not_lock_out_the_school(school: Flask) -> None:
    statuses = _pupils_hammer(school, TINA, 12)
    assert statuses[:5] == [200] * 5 and set(statuses[5:]) == {429}  # the guessing stops
    assert AuthActions(school.test_client()).login(OLE).location == "/classes/"  # a colleague


def test_a_class_hammering_a_teachers_account_does_not_lock_her_out(school: Flask) -> None:
    laptop = _usual_browser(school)
    _pupils_hammer(school, TINA, 12)
    assert AuthActions(school.test_client()).login(TINA).status_code == 429  # unknown browser
    assert AuthActions(laptop).login(TINA).location == "/classes/"  # Tina at her laptop


def test_a_class_hammering_from_the_school_address_does_not_lock_teachers_out(
    school: Flask,
) -> None:
    """Ten wrong log-ins at made-up accounts from the school's address: new browsers wait,
    the teachers' own browsers do not."""
    laptop = _usual_browser(school)
    for n in range(2):
        _pupils_hammer(school, f"elev{n}@skole.dk", 5)
    assert _pupils_hammer(school, "elev9@skole.dk", 1) == [429]
    assert AuthActions(laptop).login(TINA).location == "/classes/"


def test_a_lesson_of_wrong_log_ins_under_the_default_limits(tmp_path: Path) -> None:
    """Thirty pupils behind the school's address try three passwords each, at Tina's e-mail
    and at made-up ones; Tina and Ole still log in from their usual browsers."""
    app = make_app(tmp_path, RATELIMIT_ENABLED=True)
    with app.app_context():
        create_teacher(TINA, admin=True)
        create_teacher(OLE, name="Ole")
    laptop, oles_pc = _usual_browser(app), _usual_browser(app, OLE)
    for pupil in range(30):
        for attempt in range(3):
            email = TINA if attempt == 0 else f"elev{pupil}@skole.dk"
            AuthActions(app.test_client()).login(email, password=f"gæt{attempt}")
    assert _pupils_hammer(app, TINA, 1) == [429]  # the guessing has stopped
    assert AuthActions(laptop).login(TINA).location == "/classes/"
    assert AuthActions(oles_pc).login(OLE).location == "/classes/"


def test_a_known_browser_has_its_own_limit(school: Flask) -> None:
    laptop = _usual_browser(school)
    auth = AuthActions(laptop)
    statuses = [auth.login(TINA, password="wrong").status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    assert auth.login(TINA).status_code == 429  # even the right password waits


def test_a_forged_or_foreign_device_cookie_is_an_unknown_browser(school: Flask) -> None:
    _pupils_hammer(school, TINA, 5)
    forged = school.test_client()
    forged.set_cookie(DEVICE_COOKIE, '{"teacher": 1, "nonce": "x"}')
    assert AuthActions(forged).login(TINA).status_code == 429
    oles = school.test_client()
    assert AuthActions(oles).login(OLE).location == "/classes/"
    AuthActions(oles).logout()
    assert AuthActions(oles).login(TINA).status_code == 429  # Ole's browser is not Tina's


def test_successful_log_ins_do_not_count(school: Flask) -> None:
    client = school.test_client()
    auth = AuthActions(client)
    for _ in range(12):
        assert auth.login(OLE).location == "/classes/"
        auth.logout()


def test_the_device_cookie_is_http_only(school: Flask) -> None:
    client = school.test_client()
    response = AuthActions(client).login(TINA)
    assert client.get_cookie(DEVICE_COOKIE) is not None
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if DEVICE_COOKIE in c)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Max-Age=" in cookie
    assert PASSWORD not in cookie
