"""A teacher's class on PostgreSQL through the real views: create, fill, pupil sign-in, delete.

Deleting a class must remove everything in it through the database's `ON DELETE CASCADE`,
including votes, ballots and the voter roll, while another class stays untouched.
"""

from pathlib import Path

from sqlalchemy import func, select

from teacher_portal.core.extensions import db
from teacher_portal.models import Group, Household, LessonRun, Pupil, SchoolClass
from teacher_portal.models.voting import CastBallot, VoterRoll, VotingTask
from tests.teacher_portal.conftest import AuthActions, make_app, paste_roster, sign_in_pupil
from tests.teacher_portal.factories import (
    create_group,
    create_household,
    create_teacher,
    default_teacher,
)
from tests.teacher_portal.voting.vote_factories import create_task

CASCADED = (SchoolClass, Group, Household, Pupil, LessonRun, VotingTask, CastBallot, VoterRoll)


def test_class_roster_pupil_vote_and_delete_on_postgres(tmp_path: Path, postgres_url: str) -> None:
    app = make_app(tmp_path, SQLALCHEMY_DATABASE_URI=postgres_url)
    with app.app_context():
        create_teacher(admin=True)
    client = app.test_client()
    assert AuthActions(client).login().status_code == 302

    doomed_id = _class_with_roster(app, client, "Slettes", "Ali\nBo\nali\nCecilie")
    kept_id = _class_with_roster(app, client, "Bliver", "Dina\nEmil")
    with app.app_context():
        nicknames = db.session.scalars(
            select(Pupil.nickname).where(Pupil.class_id == doomed_id).order_by(Pupil.nickname)
        ).all()
        assert nicknames == ["Ali", "Bo", "Cecilie"]
        for class_id in (doomed_id, kept_id):
            school_class = db.session.get(SchoolClass, class_id)
            create_group(school_class)
            create_household(school_class)
            db.session.add(LessonRun(class_id=class_id, lesson_id="x"))
            db.session.commit()
            _everyone_votes(app, school_class)

    assert client.post(f"/classes/{doomed_id}/delete").location == "/classes/"
    with app.app_context():
        for model in CASCADED:
            rows = db.session.scalar(select(func.count()).select_from(model))
            assert rows == (2 if model in (Pupil, CastBallot, VoterRoll) else 1), model.__name__
        assert db.session.scalar(select(SchoolClass.name)) == "Bliver"
        assert db.session.get(SchoolClass, kept_id).teacher == default_teacher()


def _class_with_roster(app, client, name: str, roster: str) -> int:
    form = {"name": name, "grade": "6", "school_year": "2026/27"}
    response = client.post("/classes/new", data=form)
    assert response.location.endswith("/roster")
    assert paste_roster(client, response.location, roster).status_code == 302
    with app.app_context():
        return db.session.scalar(select(SchoolClass.id).where(SchoolClass.name == name))


def _everyone_votes(app, school_class: SchoolClass) -> None:
    """Every pupil signs in with the card link and casts a secret ballot."""
    task = create_task(school_class, method="plurality", secret=True)
    for pupil in school_class.pupils:
        phone = app.test_client()
        sign_in_pupil(phone, pupil.card_token)
        answer = phone.post(f"/vote/{task.id}", data={"choice": ["1"]})
        assert "outcome=counted" in answer.location
