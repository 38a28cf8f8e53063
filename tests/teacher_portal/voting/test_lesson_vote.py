"""The lesson page carries the vote: made from the template, opened, turnout, closed, shown
to pupils, all from the lesson page; a phase preparing a vote shows the variants' pictures."""

from flask import Flask
from sqlalchemy import select

from teacher_portal.core.extensions import db
from teacher_portal.lesson_runs import plans
from teacher_portal.models import GameServer
from teacher_portal.models.voting import VotingTask
from teacher_portal.voting import casting
from tests.real_components import free_port
from tests.teacher_portal.conftest import AuthActions
from tests.teacher_portal.factories import create_class, create_pupils, default_teacher

LESSON = "afdelingsmoedet"


def _index(kind: str) -> int:
    return next(i for i, phase in enumerate(plans.lesson(LESSON).phases) if phase.kind == kind)


def test_the_vote_runs_from_the_lesson_page(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        pupils = create_pupils(school_class, "Ali", "Bo")
        db.session.add(GameServer(class_id=school_class.id, host="127.0.0.1", port=free_port()))
        db.session.commit()
    auth.login()
    run_url = client.post(f"/classes/{school_class.id}/lessons", data={"lesson": LESSON}).location
    client.post(f"{run_url}/phase", data={"to": _index("propose")})
    preparing = client.get(run_url).text
    assert "Varianterne, der skal vælges imellem" in preparing
    assert preparing.count("/estates/tranebaerparken/sites/legepladsen/") == 3
    picture = client.get("/estates/tranebaerparken/sites/legepladsen/natur.png")
    assert picture.mimetype == "image/png"

    client.post(f"{run_url}/phase", data={"to": _index("vote")})
    assert "Lav afstemningen fra lektionen" in client.get(run_url).text
    made = client.post(
        f"/classes/{school_class.id}/votes/from-lesson", data={"next": f"{run_url}#vote"}
    )
    assert made.location == f"{run_url}#vote"
    with app.app_context():
        task_id = db.session.scalar(select(VotingTask.id))
    again = client.post(f"/classes/{school_class.id}/votes/from-lesson")
    assert again.location.endswith(f"/votes/{task_id}")  # one vote per phase, not two
    opened = client.post(f"/votes/{task_id}/open", data={"next": f"{run_url}#vote"})
    assert opened.location == f"{run_url}#vote"
    with app.app_context():
        task = db.session.get(VotingTask, task_id)
        assert casting.cast(task, pupils[0], ["2"]).accepted
    page = client.get(run_url).text
    assert "1 af 2 har stemt." in page and "Vis på projektor" in page
    client.post(f"/votes/{task_id}/close", data={"next": f"{run_url}#vote"})
    closed = client.get(run_url).text
    assert "Vinder: Naturlegeplads" in closed
    client.post(f"/votes/{task_id}/results-visible", data={"show": "1", "next": run_url})
    with app.app_context():
        assert db.session.get(VotingTask, task_id).show_results
    assert "Skjul resultatet for eleverne" in client.get(run_url).text
