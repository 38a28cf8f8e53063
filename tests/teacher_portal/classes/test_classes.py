"""Classes: create, list only one's own, export as JSON, and delete with everything in them."""

from flask import Flask
from sqlalchemy import func, select

from teacher_portal.core.extensions import db
from teacher_portal.models import BuildJob, Group, Household, LessonRun, Pupil, SchoolClass
from tests.teacher_portal.conftest import AuthActions, paste_roster
from tests.teacher_portal.factories import (
    create_class,
    create_group,
    create_household,
    create_pupil,
    create_teacher,
    default_teacher,
)


def test_create_class_then_paste_roster(app: Flask, client, auth: AuthActions) -> None:
    auth.login()
    response = client.post(
        "/classes/new", data={"name": "6.B", "grade": "6", "school_year": "2026/27"}
    )
    assert response.location.endswith("/roster")
    text = "Ali\n  Bo  \n\nali\nCecilie"
    preview = client.post(response.location, data={"roster": text, "action": "preview"})
    assert preview.status_code == 200 and "Gem 3 elever" in preview.text  # nothing saved yet
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Pupil)) == 0
    response = paste_roster(client, response.location, text)
    assert response.status_code == 302
    page = client.get(response.location, follow_redirects=True).text
    with app.app_context():
        school_class = db.session.scalar(select(SchoolClass))
        assert [pupil.nickname for pupil in school_class.pupils] == ["Ali", "Bo", "Cecilie"]
        assert len(school_class.class_code) == 6
        assert all(pupil.card_token for pupil in school_class.pupils)
    assert "står der to gange" in page


def test_class_list_shows_only_own_classes(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        other = create_teacher("other@skole.dk")
        create_class(other, "Andres klasse")
        create_class(default_teacher(), "Min klasse")
    auth.login()
    page = client.get("/classes/").text
    assert "Min klasse" in page
    assert "Andres klasse" not in page


def test_export_contains_nicknames_only(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        group = create_group(school_class, "Gruppe A")
        household = create_household(school_class, "Nr. 7")
        create_pupil(
            school_class, "Ali", group_id=group.id, household_id=household.id, minecraft_name="ali9"
        )
    auth.login()
    response = client.get(f"/classes/{school_class.id}/export.json")
    assert "attachment" in response.headers["Content-Disposition"]
    data = response.json
    assert data["class"]["name"] == "6.B"
    assert data["pupils"] == [
        {"nickname": "Ali", "minecraft_name": "ali9", "group": "Gruppe A", "household": "Nr. 7"}
    ]


def test_delete_class_removes_everything_in_it(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        teacher = default_teacher()
        doomed = create_class(teacher, "Slettes")
        kept = create_class(teacher, "Bliver")
        for school_class in (doomed, kept):
            create_group(school_class)
            create_household(school_class)
            create_pupil(school_class, "Ali")
            db.session.add(LessonRun(class_id=school_class.id, lesson_id="x"))
            db.session.add(
                BuildJob(
                    class_id=school_class.id, estate_id="x", origin_x=0, origin_y=0, origin_z=0
                )
            )
        db.session.commit()
    auth.login()
    assert client.get(f"/classes/{doomed.id}/delete").status_code == 200
    assert client.post(f"/classes/{doomed.id}/delete").location == "/classes/"
    with app.app_context():
        for model in (SchoolClass, Group, Household, Pupil, LessonRun, BuildJob):
            count = db.session.scalar(select(func.count()).select_from(model))
            assert count == 1, model.__name__
        assert db.session.scalar(select(SchoolClass.name)) == "Bliver"


def test_new_class_code_replaces_the_old(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
    auth.login()
    client.post(f"/classes/{school_class.id}/new-code")
    with app.app_context():
        new_code = db.session.get(SchoolClass, school_class.id).class_code
    assert new_code != school_class.class_code
    client.post("/logout")
    assert client.get(f"/join/{school_class.class_code}").status_code == 404
    assert client.get(f"/join/{new_code}").status_code == 200


def test_class_form_explains_bad_input(client, auth: AuthActions) -> None:
    auth.login()
    response = client.post("/classes/new", data={"name": "", "grade": "12", "school_year": ""})
    assert response.status_code == 200
    assert response.text.count('class="error"') >= 2
