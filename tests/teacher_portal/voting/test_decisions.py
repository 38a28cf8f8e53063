"""What a vote decides sets how its tie ends, in the portal as in the rules: a tied yes/no
proposal falls, a tied choice decides nothing, and household weights are shown before a
household vote opens."""

from flask import Flask
from sqlalchemy import select

from teacher_portal.core.extensions import db
from teacher_portal.lesson_runs import plans
from teacher_portal.models import LessonRun
from teacher_portal.models.voting import VotingTask
from tests.teacher_portal.conftest import sign_in_pupil
from tests.teacher_portal.factories import (
    create_class,
    create_lesson_run,
    create_pupil,
    create_pupils,
    default_teacher,
)
from tests.teacher_portal.voting.test_tasks import FORM
from tests.teacher_portal.voting.vote_factories import create_task


def _vote(app: Flask, pupils, task_id: int, choices: list[str]) -> None:
    for pupil, choice in zip(pupils, choices, strict=True):
        phone = app.test_client()
        sign_in_pupil(phone, pupil.card_token)
        assert (
            "outcome=counted" in phone.post(f"/vote/{task_id}", data={"choice": [choice]}).location
        )


def test_a_tied_yes_no_proposal_from_the_lesson_falls_without_a_lot(
    app: Flask, client, auth
) -> None:
    plan = plans.lesson("naar_krisen_rammer")
    index = next(i for i, phase in enumerate(plan.phases) if phase.vote and phase.vote.decision)
    with app.app_context():
        school_class = create_class(default_teacher())
        pupils = create_pupils(school_class, "Ali", "Bo")
        run = create_lesson_run(school_class, plan.id)
        db.session.get(LessonRun, run.id).phase_index = index
        db.session.commit()
    auth.login()
    client.post(f"/classes/{school_class.id}/votes/from-lesson")
    with app.app_context():
        task = db.session.scalar(select(VotingTask))
        assert task.decision == "proposal"
    client.post(f"/votes/{task.id}/open")
    _vote(app, pupils, task.id, ["1", "2"])
    client.post(f"/votes/{task.id}/close")
    with app.app_context():
        result = db.session.get(VotingTask, task.id).result
    assert result["proposal"]["adopted"] is False and result["proposal"]["tied"] is True
    assert result["tie_breaks"] == []
    assert "Forslaget er faldet: stemmerne stod lige" in client.get(f"/votes/{task.id}").text


def test_a_tied_choice_decides_nothing(app: Flask, client, auth) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        pupils = create_pupils(school_class, "Ali", "Bo")
        task = create_task(school_class, method="plurality", decision="choice")
    auth.login()
    _vote(app, pupils, task.id, ["1", "2"])
    client.post(f"/votes/{task.id}/close")
    with app.app_context():
        result = db.session.get(VotingTask, task.id).result
    assert (result["decided"], result["undecided_reason"]) == (False, "tie")
    assert "Ikke afgjort: stemmerne stod lige" in client.get(f"/votes/{task.id}").text


def test_a_proposal_must_be_one_cross_between_two_options(app: Flask, client, auth) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
    auth.login()
    ranked = client.post(
        f"/classes/{school_class.id}/votes/new",
        data={**FORM, "decision": "proposal", "method": "ranked", "texts": "For\nImod"},
    ).text
    assert "Den metode kan ikke afgøre det" in ranked
    three = client.post(
        f"/classes/{school_class.id}/votes/new", data={**FORM, "decision": "proposal"}
    ).text
    assert "Et forslag har to muligheder" in three
    with app.app_context():
        assert db.session.scalar(select(VotingTask)) is None


def test_the_teacher_sees_household_weights_and_a_warning_before_opening(
    app: Flask, client, auth
) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        create_pupil(school_class, "Kandidat")  # a pupil with a role and no household
        task = create_task(school_class, state="draft", weights="per_household")
    auth.login()
    page = client.get(f"/votes/{task.id}").text
    assert "Stemmer efter husstand" in page
    assert "1 elever er ikke i en husstand" in page
