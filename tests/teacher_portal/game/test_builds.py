"""A lesson's build phase builds the estate on the class's real game server as a background job."""

import pytest
from flask import Flask
from sqlalchemy import select

from minecraft_scripts.server.build import COVERS_WITH_MOD, COVERS_WITHOUT_MOD
from teacher_portal.core.extensions import db
from teacher_portal.game import jobs
from teacher_portal.lesson_runs import plans
from teacher_portal.models import BuildJob, GameServer, SchoolClass
from tests import real_components
from tests.real_components import free_port
from tests.teacher_portal.conftest import AuthActions, sign_in_pupil
from tests.teacher_portal.factories import create_class, create_pupil, default_teacher

BUILD_TIMEOUT = 240


def _build_lesson():
    """A shipped lesson with a build phase, and that phase's index."""
    for plan in plans.startable_lessons():
        for index, phase in enumerate(plan.phases):
            if phase.build is not None:
                return plan, index
    pytest.fail("no shipped lesson has a build phase")


def _class_on(app: Flask, host: str, port: int) -> SchoolClass:
    with app.app_context():
        school_class = create_class(default_teacher())
        db.session.add(GameServer(class_id=school_class.id, host=host, port=port))
        db.session.commit()
    return school_class


def _start_build_phase(client, school_class: SchoolClass) -> tuple[str, int]:
    plan, index = _build_lesson()
    run_url = client.post(f"/classes/{school_class.id}/lessons", data={"lesson": plan.id}).location
    client.post(f"{run_url}/phase", data={"to": index})
    assert "Byg nu" in client.get(run_url).text
    client.post(f"{run_url}/build")
    with client.application.app_context():
        job_id = db.session.scalar(select(BuildJob.id).order_by(BuildJob.id.desc()))
    return run_url, job_id


@pytest.mark.game_server
def test_build_phase_builds_and_verifies_on_the_real_server(
    app: Flask, client, auth: AuthActions, game_server: real_components.GameServer
) -> None:
    school_class = _class_on(app, game_server.host, game_server.port)
    auth.login()
    run_url, job_id = _start_build_phase(client, school_class)
    jobs.wait(job_id, BUILD_TIMEOUT)
    status = client.get(f"/builds/{job_id}.json").json
    assert status["state"] == "done", status["error"]
    assert status["verified"] is True
    assert status["percent"] == 100
    assert status["done"] == status["total"] > 0
    page = client.get(run_url).text
    assert "Bygget! Alt står på plads." in page
    assert "hver blok, skiltenes tekst og det, blokkene bærer på, og gemt af verdenen" in page
    with app.app_context():
        job = db.session.get(BuildJob, job_id)
        assert tuple(job.covers) == COVERS_WITH_MOD
        assert 2000 <= job.origin_x < 3000
        x, z = job.origin_x, job.origin_z
        pupil = create_pupil(db.session.get(SchoolClass, school_class.id), "Ali")
    pupil_client = app.test_client()
    sign_in_pupil(pupil_client, pupil.card_token)
    where = f"x = {x}, z = {z}"
    assert where in pupil_client.get("/pupil/").text  # pupils are told where their estate is
    with game_server.connect() as game:
        above_ground = game.get_blocks(x, 1, z, x + 60, 12, z + 60)
    assert (above_ground != 0).sum() > 100  # buildings stand where the job says it built


def test_a_build_on_a_server_without_our_mod_claims_only_the_blocks(
    app: Flask, client, auth: AuthActions
) -> None:
    """Minecraft with RaspberryJuice or FruitJuice (no such server runs here): the check read
    the blocks back, but it cannot see sign text or know that the world is saved."""
    school_class = _class_on(app, "127.0.0.1", free_port())
    auth.login()
    run_url, job_id = _start_build_phase(client, school_class)
    jobs.wait(job_id, BUILD_TIMEOUT)  # fails: nothing listens
    with app.app_context():
        job = db.session.get(BuildJob, job_id)
        job.state, job.verified, job.covers = "done", True, list(COVERS_WITHOUT_MOD)
        db.session.commit()
    page = client.get(run_url).text
    assert "Tjekket i spillet: hver blok. Denne spilserver kan ikke vise os skiltenes tekst" in page
    assert "gemt af verdenen" not in page


@pytest.mark.game_server
def test_a_failed_build_says_why_and_can_be_retried(
    app: Flask, client, auth: AuthActions, game_server: real_components.GameServer
) -> None:
    port = free_port()
    school_class = _class_on(app, "127.0.0.1", port)
    auth.login()
    run_url, job_id = _start_build_phase(client, school_class)
    jobs.wait(job_id, BUILD_TIMEOUT)
    status = client.get(f"/builds/{job_id}.json").json
    assert status["state"] == "failed"
    assert status["error"].startswith("Spilserveren svarede ikke")
    assert f"127.0.0.1:{port}" in status["error"]
    page = client.get(run_url).text
    assert "Byggeriet mislykkedes" in page
    assert "Prøv igen" in page

    client.post(
        f"/classes/{school_class.id}/game",
        data={"kind": "minetest", "host": game_server.host, "port": game_server.port},
    )
    client.post(f"/builds/{job_id}/retry")
    with app.app_context():
        retry_id = db.session.scalar(select(BuildJob.id).order_by(BuildJob.id.desc()))
    assert retry_id != job_id
    jobs.wait(retry_id, BUILD_TIMEOUT)
    assert client.get(f"/builds/{retry_id}.json").json["state"] == "done"
    assert client.post(f"/builds/{retry_id}/retry").status_code == 409


def test_build_preview_picture(app: Flask, client, auth: AuthActions) -> None:
    school_class = _class_on(app, "127.0.0.1", free_port())
    plan, index = _build_lesson()
    auth.login()
    run_url = client.post(f"/classes/{school_class.id}/lessons", data={"lesson": plan.id}).location
    response = client.get(f"{run_url}/phases/{index}/preview.png")
    assert response.mimetype == "image/png"
    assert response.data.startswith(b"\x89PNG")


def test_the_picture_of_an_estate_that_is_gone_is_not_found(
    app: Flask, client, auth: AuthActions
) -> None:
    school_class = _class_on(app, "127.0.0.1", free_port())
    with app.app_context():
        job = BuildJob(class_id=school_class.id, estate_id="revet_ned", variants={},
                       origin_x=2000, origin_y=0, origin_z=0, state="done")  # fmt: skip
        db.session.add(job)
        db.session.commit()
        job_id = job.id
    auth.login()
    assert client.get(f"/builds/{job_id}/preview.png").status_code == 404
