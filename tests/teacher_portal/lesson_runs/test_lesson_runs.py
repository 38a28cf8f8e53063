"""Lesson runs: start a shipped lesson, step through its phases, pupils see the current phase."""

from flask import Flask
from sqlalchemy import select

from teacher_portal.core.extensions import db
from teacher_portal.lesson_runs import plans
from teacher_portal.models import LessonRun
from tests.teacher_portal.conftest import AuthActions, sign_in_pupil
from tests.teacher_portal.factories import (
    create_class,
    create_lesson_run,
    create_pupil,
    default_teacher,
)


def _first_lesson():
    lessons = plans.startable_lessons()
    assert lessons, "the shipped lessons must load"
    return lessons[0]


def _setup(app: Flask):
    with app.app_context():
        school_class = create_class(default_teacher())
        return school_class, create_pupil(school_class, "Ali")


def test_every_shipped_lesson_can_be_started(app: Flask, client, auth: AuthActions) -> None:
    school_class, _pupil = _setup(app)
    auth.login()
    page = client.get(f"/classes/{school_class.id}/lessons").text
    for plan in plans.startable_lessons():
        assert plan.title.da in page
        response = client.post(f"/classes/{school_class.id}/lessons", data={"lesson": plan.id})
        assert client.get(response.location).status_code == 200
    with app.app_context():
        runs = db.session.scalars(select(LessonRun).order_by(LessonRun.id)).all()
        assert [run.is_active for run in runs] == [False] * (len(runs) - 1) + [True]


def test_unknown_lesson_is_refused(app: Flask, client, auth: AuthActions) -> None:
    school_class, _pupil = _setup(app)
    auth.login()
    response = client.post(f"/classes/{school_class.id}/lessons", data={"lesson": "nope"})
    assert response.location.endswith("/lessons")
    with app.app_context():
        assert db.session.scalar(select(LessonRun)) is None


def test_pupils_follow_the_teachers_phase(app: Flask, client, auth: AuthActions) -> None:
    school_class, pupil = _setup(app)
    plan = _first_lesson()
    pupil_client = app.test_client()
    sign_in_pupil(pupil_client, pupil.card_token)
    assert "Venter på, at forløbet starter" in pupil_client.get("/pupil/").text
    waiting_key = pupil_client.get("/pupil/now.json").json["key"]

    auth.login()
    run_url = client.post(f"/classes/{school_class.id}/lessons", data={"lesson": plan.id}).location
    run_id = int(run_url.rsplit("/", 1)[1])
    for index, phase in enumerate(plan.phases):
        client.post(f"/runs/{run_id}/phase", data={"to": index})
        teacher_page = client.get(run_url).text
        assert phase.title.da in teacher_page
        pupil_page = pupil_client.get("/pupil/").text
        assert f"Nu: {phase.title.da}" in pupil_page
        key = pupil_client.get("/pupil/now.json").json["key"]
        assert key != waiting_key
        waiting_key = key

    client.post(f"/runs/{run_id}/finish")
    assert "Venter på, at forløbet starter" in pupil_client.get("/pupil/").text
    assert client.post(f"/runs/{run_id}/phase", data={"to": 0}).status_code == 409


def test_phase_index_must_exist(app: Flask, client, auth: AuthActions) -> None:
    school_class, _pupil = _setup(app)
    auth.login()
    run_url = client.post(
        f"/classes/{school_class.id}/lessons", data={"lesson": _first_lesson().id}
    ).location
    assert client.post(f"{run_url}/phase", data={"to": 99}).status_code == 400
    assert client.post(f"{run_url}/phase", data={"to": -1}).status_code == 400


def test_teacher_guide_renders_in_the_chosen_language(
    app: Flask, client, auth: AuthActions
) -> None:
    school_class, _pupil = _setup(app)
    plan = _first_lesson()
    auth.login()
    run_url = client.post(f"/classes/{school_class.id}/lessons", data={"lesson": plan.id}).location
    danish = client.get(f"{run_url}/guide").text
    assert plan.title.da in danish
    assert 'src="data:image/png;base64,' in danish  # the estate's picture
    client.post("/language", data={"lang": "en"})
    assert plan.title.en in client.get(f"{run_url}/guide").text


def test_a_lesson_that_no_longer_loads_is_explained(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        run = create_lesson_run(school_class, "removed_lesson")
    auth.login()
    response = client.get(f"/runs/{run.id}")
    assert response.status_code == 500
    assert "Forløbet kan ikke indlæses" in response.text
    assert "removed_lesson" in response.text
