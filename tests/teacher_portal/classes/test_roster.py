"""Pasting a roster: trimmed, de-duplicated nicknames and clear messages for bad lines."""

from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from teacher_portal.classes.roster import parse_roster
from teacher_portal.core.extensions import db
from teacher_portal.models import NICKNAME_MAX, Pupil
from tests.teacher_portal.conftest import AuthActions
from tests.teacher_portal.factories import create_class, create_pupil, default_teacher


def test_trims_collapses_and_dedupes(app: Flask) -> None:
    with app.test_request_context():
        result = parse_roster("  Ali  \n\nMaja  Sofie\nALI\n\tBo\n", existing={"bo"})
    assert result.nicknames == ["Ali", "Maja Sofie"]
    assert result.problems == []
    assert len(result.notes) == 2
    assert result.notes[0].startswith("Linje 4")
    assert result.notes[1].startswith("Linje 5")


def test_too_long_and_empty_names_are_problems(app: Flask) -> None:
    with app.test_request_context():
        result = parse_roster("Ali\n" + "x" * (NICKNAME_MAX + 1) + "\n---\n")
    assert len(result.problems) == 2
    assert "Linje 2" in result.problems[0]
    assert "Linje 3" in result.problems[1]


# parse_roster is pure; the app only supplies the language for its messages.
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.text(max_size=50), max_size=30))
def test_result_has_no_duplicates_or_blank_names(app: Flask, lines: list[str]) -> None:
    with app.test_request_context():
        result = parse_roster("\n".join(lines))
    keys = [name.casefold() for name in result.nicknames]
    assert len(keys) == len(set(keys))
    assert all(name == " ".join(name.split()) and name for name in result.nicknames)
    assert all(len(name) <= NICKNAME_MAX for name in result.nicknames)
    assert len(result.nicknames) + len(result.notes) + len(result.problems) == sum(
        1 for line in "\n".join(lines).splitlines() if line.strip()
    )


def test_bad_roster_adds_nobody_and_keeps_the_text(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        create_pupil(school_class, "Ali")
    auth.login()
    text = "Bo\n" + "y" * 60
    response = client.post(f"/classes/{school_class.id}/roster", data={"roster": text})
    assert response.status_code == 200
    assert "Intet blev tilføjet" in response.text
    assert "Linje 2" in response.text
    assert "y" * 60 in response.text
    with app.app_context():
        assert db.session.scalars(select(Pupil.nickname)).all() == ["Ali"]
