"""Names are stored without control characters, whichever form they come in by (issue 11,
point 7: a raw ESC in a game name)."""

import unicodedata

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from teacher_portal.core.extensions import db
from teacher_portal.core.names import clean_name
from teacher_portal.models import Group, Household, Pupil, SchoolClass, Teacher
from tests.teacher_portal.conftest import AuthActions, paste_roster
from tests.teacher_portal.factories import PASSWORD, create_class, create_pupils, default_teacher

ESC, BELL, RLO, ZWSP = "\x1b", "\x07", "\u202e", "\u200b"


def _is_clean(name: str) -> bool:
    return not any(unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} for ch in name)


@given(st.text())
def test_a_cleaned_name_has_no_control_format_or_line_characters(raw: str) -> None:
    name = clean_name(raw)
    assert _is_clean(name)
    assert name == name.strip() and "  " not in name
    assert clean_name(name) == name


@pytest.fixture
def teacher(app: Flask, client: FlaskClient, auth: AuthActions) -> SchoolClass:
    with app.app_context():
        school_class = create_class(default_teacher())
    auth.login()
    return school_class


def _all(app: Flask, column) -> list[str]:
    with app.app_context():
        return db.session.scalars(select(column)).all()


def test_pasted_nicknames(app: Flask, client: FlaskClient, teacher: SchoolClass) -> None:
    roster = f"Carl{ESC}[31m\nBo{BELL}\n{RLO}Ali\n{ESC}\n"
    page = client.post(
        f"/classes/{teacher.id}/roster", data={"roster": roster}, follow_redirects=True
    ).text
    assert "Linje 4" in page  # a line of control characters only: told, not silently dropped
    paste_roster(client, f"/classes/{teacher.id}/roster", roster.rsplit("\n", 2)[0])
    assert sorted(_all(app, Pupil.nickname)) == ["Ali", "Bo", "Carl [31m"]


def test_group_household_and_minecraft_names(
    app: Flask, client: FlaskClient, teacher: SchoolClass
) -> None:
    with app.app_context():
        (ali,) = create_pupils(teacher, "Ali")
    client.post(f"/classes/{teacher.id}/groups", data={"name": f"Gruppe{ESC}1"})
    client.post(f"/classes/{teacher.id}/households", data={"name": f"Nr.{ZWSP} 7\r\n"})
    client.post(f"/classes/{teacher.id}/pupils", data={f"minecraft-{ali.id}": f"ali{ESC}_9"})
    assert _all(app, Group.name) == ["Gruppe 1"]
    assert _all(app, Household.name) == ["Nr. 7"]
    assert _all(app, Pupil.minecraft_name) == ["ali _9"]


def test_class_and_teacher_names(app: Flask, client: FlaskClient, teacher: SchoolClass) -> None:
    client.post(
        f"/classes/{teacher.id}/edit",
        data={"name": f"6.{ESC}B", "grade": 6, "school_year": "2026/27"},
    )
    client.post("/teachers/invite")
    with app.app_context():
        from teacher_portal.models import Invitation

        token = db.session.scalar(select(Invitation.token))
    AuthActions(client).logout()
    client.post(
        f"/invite/{token}",
        data={
            "name": f"Ole{BELL}{RLO} Hansen",
            "email": "ole@skole.dk",
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
    )
    assert _all(app, SchoolClass.name) == ["6. B"]
    assert sorted(_all(app, Teacher.name)) == ["Ole Hansen", "Tina"]
