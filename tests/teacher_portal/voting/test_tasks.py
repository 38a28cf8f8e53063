"""The teacher makes votes: by hand, from the lesson's vote template, with sensible rules."""

from flask import Flask
from sqlalchemy import select

from teacher_portal.core.extensions import db
from teacher_portal.lesson_runs import plans
from teacher_portal.models import LessonRun
from teacher_portal.models.voting import VotingTask
from tests.teacher_portal.factories import (
    create_class,
    create_lesson_run,
    create_pupils,
    default_teacher,
)
from tests.teacher_portal.voting.vote_factories import create_task
from worlds.catalog import load_estate

FORM = {
    "question": "Hvad skal bestyrelsen tage fat på?",
    "option_kind": "texts",
    "texts": "Legeplads\n\nBænke\n  Lys på stierne \n",
    "method": "plurality",
    "seats": "1",
    "weights": "per_pupil",
    "quorum_percent": "50",
    "majority_percent": "",
    "secret": "y",
}


def test_a_teacher_makes_opens_and_closes_a_vote(app: Flask, client, auth) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        create_pupils(school_class, "Ali", "Bo")
    auth.login()
    response = client.post(f"/classes/{school_class.id}/votes/new", data=FORM)
    assert response.status_code == 302
    with app.app_context():
        task = db.session.scalar(select(VotingTask))
        assert [o["label"] for o in task.options] == ["Legeplads", "Bænke", "Lys på stierne"]
        assert (task.state, task.secret, task.quorum_percent) == ("draft", True, 50)
    assert "Hvad skal bestyrelsen" in client.get(f"/classes/{school_class.id}").text
    client.post(f"/votes/{task.id}/open")
    client.post(f"/votes/{task.id}/close")
    page = client.get(f"/votes/{task.id}").text
    assert "Ikke afgjort: for få stemte" in page  # nobody voted: quorum not met
    with app.app_context():
        stored = db.session.get(VotingTask, task.id)
        assert stored.state == "closed" and stored.result["undecided_reason"] == "quorum"
    export = client.get(f"/classes/{school_class.id}/export.json").json
    assert export["votes"][0]["result"]["undecided_reason"] == "quorum"


def test_secret_and_changeable_is_refused_with_a_reason(app: Flask, client, auth) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
    auth.login()
    page = client.post(
        f"/classes/{school_class.id}/votes/new", data={**FORM, "allow_change": "y"}
    ).text
    assert "En hemmelig stemme kan ikke ændres" in page
    one_option = client.post(
        f"/classes/{school_class.id}/votes/new", data={**FORM, "texts": "Kun én"}
    ).text
    assert "Skriv 2 til 12 muligheder" in one_option
    with app.app_context():
        assert db.session.scalar(select(VotingTask)) is None


def test_a_vote_from_the_lesson_template_takes_its_options_and_rules(
    app: Flask, client, auth
) -> None:
    plan = plans.lesson("afdelingsmoedet")
    index = next(i for i, phase in enumerate(plan.phases) if phase.vote is not None)
    with app.app_context():
        school_class = create_class(default_teacher())
        run = create_lesson_run(school_class, plan.id)
        db.session.get(LessonRun, run.id).phase_index = index
        db.session.commit()
    auth.login()
    assert "Afstemning fra lektionen" in client.get(f"/classes/{school_class.id}").text
    client.post(f"/classes/{school_class.id}/votes/from-lesson")
    template = plan.phases[index].vote
    with app.app_context():
        task = db.session.scalar(select(VotingTask))
        assert task.question == template.question.da
        assert (task.estate_id, task.site_id) == (plan.estate, template.options.site)
        assert task.weights == "per_household" and task.method == "plurality"
        site = load_estate(plan.estate).site(template.options.site)
        assert [o["variant"] for o in task.options] == [v.id for v in site.variants]


def test_an_opened_vote_can_no_longer_be_edited(app: Flask, client, auth) -> None:
    with app.app_context():
        task = create_task(create_class(default_teacher()))
    auth.login()
    response = client.post(f"/votes/{task.id}/edit", data={**FORM, "question": "Ny"})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(VotingTask, task.id).question != "Ny"
