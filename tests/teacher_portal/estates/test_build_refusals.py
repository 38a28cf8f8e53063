"""What a teacher reads when a build cannot go on: an estate placed beyond the game's world is
refused before the job connects (no server is ever asked: nothing listens on the class's
port), and a build cut off says how far it got."""

from flask import Flask

from minecraft_scripts.server.build import BuildInterrupted
from teacher_portal.core.extensions import db
from teacher_portal.estates.build_jobs import start_estate_build
from teacher_portal.game import jobs
from teacher_portal.models import BuildJob, GameServer
from tests.real_components import free_port
from tests.teacher_portal.factories import create_class, default_teacher


def test_a_build_outside_the_world_fails_before_connecting(app: Flask) -> None:
    app.config["BUILD_Y"] = 30_990  # the estate's roofs would reach above Minetest's y = 31,000
    with app.app_context():
        school_class = create_class(default_teacher())
        db.session.add(GameServer(class_id=school_class.id, host="127.0.0.1", port=free_port()))
        db.session.commit()
        job = start_estate_build(school_class, "gogeurtgaarden")
        jobs.wait(job.id, timeout=30)
        db.session.expire_all()
        ended = db.session.get(BuildJob, job.id)
    assert ended.state == "failed"
    assert ended.error.startswith("Bebyggelsen passer ikke ind i spillets verden:")
    assert "y 30.990" in ended.error and "31.000" in ended.error


def test_a_build_cut_off_tells_the_teacher_how_far_it_got(app: Flask, monkeypatch) -> None:
    """The real cut-off (a killed server) is tests/minecraft_scripts/server/test_saving.py;
    here, what the teacher reads when the build job meets it."""

    def cut_off(job: BuildJob) -> None:
        raise BuildInterrupted(1200, 5000, ConnectionResetError("reset by peer"))

    monkeypatch.setitem(jobs._work, "build", cut_off)
    with app.app_context():
        school_class = create_class(default_teacher())
        job = start_estate_build(school_class, "gogeurtgaarden")
        jobs.wait(job.id, timeout=30)
        db.session.expire_all()
        ended = db.session.get(BuildJob, job.id)
    assert ended.state == "failed"
    assert ended.error == (
        "Forbindelsen til spilserveren forsvandt efter 1200 af 5000 blokke. Byg igen for at "
        "gøre det færdigt; det, der allerede står, bliver stående."
    )
