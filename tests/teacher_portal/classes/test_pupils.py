"""Pupils in a class: groups, households, Minecraft names, removing a pupil."""

from flask import Flask
from sqlalchemy import select

from teacher_portal.core.extensions import db
from teacher_portal.models import Group, Pupil
from tests.teacher_portal.conftest import AuthActions
from tests.teacher_portal.factories import (
    create_class,
    create_group,
    create_household,
    create_pupils,
    default_teacher,
)


def test_add_groups_and_households_once(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
    auth.login()
    base = f"/classes/{school_class.id}"
    client.post(f"{base}/groups", data={"name": " Gruppe   A "})
    client.post(f"{base}/households", data={"name": "Nr. 7"})
    page = client.post(f"{base}/groups", data={"name": "gruppe a"}, follow_redirects=True).text
    assert "„gruppe a“ findes allerede." in page
    assert "Udfyld" not in page
    assert (
        "Skriv først et navn."
        in client.post(f"{base}/groups", data={"name": "  "}, follow_redirects=True).text
    )
    with app.app_context():
        assert db.session.scalars(select(Group.name)).all() == ["Gruppe A"]
    assert client.post(f"{base}/teams-of-nonsense").status_code == 404


def test_save_groups_households_and_minecraft_names(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        ali, bo = create_pupils(school_class, "Ali", "Bo")
        group = create_group(school_class)
        household = create_household(school_class)
        other_class = create_class(default_teacher(), "7.A")
        foreign_group = create_group(other_class, "Fremmed")
    auth.login()
    client.post(
        f"/classes/{school_class.id}/pupils",
        data={
            f"group-{ali.id}": group.id,
            f"household-{ali.id}": household.id,
            f"minecraft-{ali.id}": "  ali  9 ",
            f"group-{bo.id}": foreign_group.id,  # another class's group is ignored
        },
    )
    with app.app_context():
        ali, bo = db.session.get(Pupil, ali.id), db.session.get(Pupil, bo.id)
        assert (ali.group_id, ali.household_id, ali.minecraft_name) == (
            group.id,
            household.id,
            "ali 9",
        )
        assert (bo.group_id, bo.minecraft_name) == (None, None)


def test_deleting_a_group_keeps_its_pupils(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        group = create_group(school_class)
        (ali,) = create_pupils(school_class, "Ali")
        db.session.get(Pupil, ali.id).group_id = group.id
        db.session.commit()
    auth.login()
    client.post(f"/classes/{school_class.id}/groups/{group.id}/delete")
    with app.app_context():
        assert db.session.get(Pupil, ali.id).group_id is None
        assert db.session.get(Group, group.id) is None


def test_remove_a_pupil(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        ali, _bo = create_pupils(school_class, "Ali", "Bo")
    auth.login()
    client.post(f"/classes/{school_class.id}/pupils/{ali.id}/delete")
    with app.app_context():
        assert db.session.scalars(select(Pupil.nickname)).all() == ["Bo"]
