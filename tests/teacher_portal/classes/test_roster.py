"""Pasting a class list: columns by ; or tab, a preview before saving, and every line that
cannot be read shown with what to do (never guessed into a nickname)."""

from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from teacher_portal.classes.roster import parse_roster
from teacher_portal.core.extensions import db
from teacher_portal.models import NICKNAME_MAX, Pupil, SchoolClass
from tests.teacher_portal.conftest import AuthActions, paste_roster
from tests.teacher_portal.factories import (
    create_class,
    create_group,
    create_pupil,
    default_teacher,
)


def _parsed(app: Flask, text: str, existing: set[str] | None = None):
    with app.test_request_context():  # the app only supplies the messages' language
        return parse_roster(text, existing)


def test_trims_collapses_and_dedupes(app: Flask) -> None:
    roster = _parsed(app, "  Ali  \n\nMaja  Sofie\nALI\nBo\n", existing={"bo"})
    assert [row.nickname for row in roster.rows] == ["Ali", "Maja Sofie"]
    assert roster.problems == []
    assert [note[:7] for note in roster.notes] == ["Linje 4", "Linje 5"]


def test_columns_by_semicolon_or_tab(app: Flask) -> None:
    roster = _parsed(
        app,
        "Ali; Gruppe 1; Nr. 1; ali_mc\nBo\tGruppe 1\tNr. 2\nCem;;Nr. 2\nDina;Gruppe 2;–;\t\n",
    )
    assert roster.problems == []
    assert [(r.nickname, r.group, r.household, r.game_name) for r in roster.rows] == [
        ("Ali", "Gruppe 1", "Nr. 1", "ali_mc"),
        ("Bo", "Gruppe 1", "Nr. 2", None),
        ("Cem", None, "Nr. 2", None),
        ("Dina", "Gruppe 2", None, None),
    ]
    assert roster.team_names("group") == ["Gruppe 1", "Gruppe 2"]
    assert roster.team_names("household") == ["Nr. 1", "Nr. 2"]


def test_a_spreadsheets_heading_row_is_skipped(app: Flask) -> None:
    roster = _parsed(app, "Navn\tGruppe\tHusstand\tSpilnavn\nAli\tGruppe 1\tNr. 1\tali\n")
    assert [row.nickname for row in roster.rows] == ["Ali"]
    assert roster.notes == ["Linje 1 ligner kolonneoverskrifter; sprunget over."]


def test_lines_that_cannot_be_read_are_problems_not_nicknames(app: Flask) -> None:
    text = "\n".join(
        [
            "Ali",
            "Bo, Cem, Dina",  # names on one line, separated by commas
            "Eva; Gruppe 1; Nr. 1; eva_mc; ekstra",  # five columns
            "; Gruppe 1",  # no nickname
            "Frej; Gruppe 1; Nr. 1; frej mc",  # a game name with a space
            "x" * (NICKNAME_MAX + 1),
            "---",
        ]
    )
    roster = _parsed(app, text)
    assert [row.nickname for row in roster.rows] == ["Ali"]
    assert [problem.split(":")[0] for problem in roster.problems] == [
        f"Linje {n}" for n in range(2, 8)
    ]
    assert "„Bo, Cem, Dina“ har et komma" in roster.problems[0]
    assert "5 kolonner" in roster.problems[1]
    assert "begynder ikke med et kaldenavn" in roster.problems[2]
    assert "„frej mc“ kan ikke være et spilnavn" in roster.problems[3]


def test_a_pupil_already_in_the_class_gets_the_new_columns(app: Flask) -> None:
    roster = _parsed(app, "ali; Gruppe 3\nBo\n", existing={"Ali"})
    assert [(row.nickname, row.group, row.existing) for row in roster.rows] == [
        ("Ali", "Gruppe 3", True),
        ("Bo", None, False),
    ]
    assert len(roster.new_pupils) == 1 and len(roster.changed_pupils) == 1


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.text(max_size=50), max_size=30))
def test_every_line_is_a_row_a_note_or_a_problem(app: Flask, lines: list[str]) -> None:
    text = "\n".join(lines)
    roster = _parsed(app, text)
    keys = [row.nickname.casefold() for row in roster.rows]
    assert len(keys) == len(set(keys))
    assert all(row.nickname == " ".join(row.nickname.split()) for row in roster.rows)
    assert all(row.nickname and len(row.nickname) <= NICKNAME_MAX for row in roster.rows)
    assert len(roster.rows) + len(roster.notes) + len(roster.problems) == sum(
        1 for line in text.splitlines() if line.strip()
    )


def test_preview_saves_nothing_and_a_problem_keeps_the_text(
    app: Flask, client, auth: AuthActions
) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        create_pupil(school_class, "Ali")
    auth.login()
    url = f"/classes/{school_class.id}/roster"
    text = "Bo\n" + "y" * 60
    for action in ("preview", "save"):
        response = client.post(url, data={"roster": text, "action": action})
        assert response.status_code == 200
        assert "Intet er gemt endnu" in response.text and "Linje 2" in response.text
        assert "y" * 60 in response.text
    with app.app_context():
        assert db.session.scalars(select(Pupil.nickname)).all() == ["Ali"]


def test_saving_needs_the_preview_of_the_same_text(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
    auth.login()
    url = f"/classes/{school_class.id}/roster"
    preview = client.post(url, data={"roster": "Ali\nBo", "action": "preview"}).text
    assert "Gem 2 elever" in preview
    edited = client.post(url, data={"roster": "Ali\nBo\nCem", "action": "save", "previewed": "x"})
    assert "Listen er ændret efter forhåndsvisningen" in edited.text
    with app.app_context():
        assert db.session.scalars(select(Pupil)).all() == []


def test_saving_makes_the_groups_and_households_it_names(
    app: Flask, client, auth: AuthActions
) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        create_group(school_class, "gruppe 1")  # named again below, in other letters
        create_pupil(school_class, "Ali")
    auth.login()
    text = "Ali; Gruppe 1; Nr. 1; ali_mc\nBo; Gruppe 2; Nr. 1\nCem\n"
    response = paste_roster(client, f"/classes/{school_class.id}/roster", text)
    assert response.status_code == 302
    page = client.get(response.location).text
    assert "2 elever er tilføjet." in page and "1 elev er opdateret." in page
    with app.app_context():
        saved = db.session.get(SchoolClass, school_class.id)
        assert sorted(group.name for group in saved.groups) == ["Gruppe 2", "gruppe 1"]
        assert [household.name for household in saved.households] == ["Nr. 1"]
        pupils = {p.nickname: p for p in saved.pupils}
        assert pupils["Ali"].group.name == "gruppe 1" and pupils["Ali"].minecraft_name == "ali_mc"
        assert pupils["Bo"].household is pupils["Ali"].household
        assert pupils["Cem"].group is None and pupils["Cem"].card_token
