"""A build that has just started says it is getting ready, never "0 / 0"."""

from flask import Flask

from teacher_portal.core.extensions import db
from teacher_portal.lesson_runs import plans
from teacher_portal.models import BuildJob
from tests.teacher_portal.conftest import AuthActions
from tests.teacher_portal.factories import create_class, create_lesson_run, default_teacher


def _build_phase() -> tuple[str, int]:
    for plan in plans.startable_lessons():
        for index, phase in enumerate(plan.phases):
            if phase.build is not None:
                return plan.id, index
    raise AssertionError("no shipped lesson has a build phase")


def test_a_starting_build_says_it_is_getting_ready(app: Flask, client, auth: AuthActions) -> None:
    lesson_id, index = _build_phase()
    with app.app_context():
        run = create_lesson_run(create_class(default_teacher()), lesson_id)
        run.phase_index = index
        db.session.merge(run)
        job = BuildJob(
            class_id=run.class_id, lesson_run_id=run.id, estate_id="x", state="running",
            origin_x=0, origin_y=0, origin_z=0,
        )  # fmt: skip
        db.session.add(job)
        db.session.commit()
        job_id = job.id
    auth.login()
    page = client.get(f"/runs/{run.id}").text
    assert "Gør klar til at bygge" in page and "0 / 0" not in page
    assert 'data-building="Bygger …"' in page  # live.js writes the count once there is one
    with app.app_context():
        job = db.session.get(BuildJob, job_id)
        job.done, job.total = 120, 480
        db.session.commit()
    assert "Bygger … 120 / 480" in client.get(f"/runs/{run.id}").text
