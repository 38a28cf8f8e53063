"""Plots in the portal without a game server: groups get plots, write proposals on phones,
captures become a vote's options (empty plots reported), the gallery shows the proposals."""

import numpy as np
from flask import Flask
from sqlalchemy import select

from teacher_portal.core.extensions import db
from teacher_portal.lesson_runs import plans
from teacher_portal.lesson_runs.runs import active_run
from teacher_portal.models import EstateDecision, Group, PlotAssignment, Proposal, SchoolClass
from teacher_portal.models.voting import VotingTask
from teacher_portal.voting import casting, tally
from tests.teacher_portal.conftest import AuthActions, sign_in_pupil
from tests.teacher_portal.factories import create_class, create_pupil, default_teacher
from tests.teacher_portal.plots.plot_factories import (
    ESTATE,
    built_estate,
    group_in_plot,
    store_capture,
    tower_keys,
    write_proposal,
)

LESSON = "gaarden_som_arkitektur"


def _class_in_lesson(client, app: Flask, groups: int = 0) -> SchoolClass:
    with app.app_context():
        school_class = create_class(default_teacher())
        for number in range(1, groups + 1):
            db.session.add(Group(class_id=school_class.id, name=f"Gruppe {number}"))
        db.session.commit()
    client.post(f"/classes/{school_class.id}/lessons", data={"lesson": LESSON})
    return school_class


def _vote_phase() -> int:
    """The index of the lesson's vote phase, wherever the lesson puts it."""
    return next(i for i, phase in enumerate(plans.lesson(LESSON).phases) if phase.vote)


def _run_id(app: Flask, school_class: SchoolClass) -> int:
    with app.app_context():
        return active_run(db.session.get(SchoolClass, school_class.id)).id


def _assigned(app: Flask, school_class: SchoolClass) -> dict[str, str]:
    with app.app_context():
        rows = db.session.scalars(
            select(PlotAssignment).where(PlotAssignment.class_id == school_class.id)
        )
        return {row.plot_id: row.group.name for row in rows}


def test_groups_get_the_lessons_plots_in_order_and_can_be_moved(
    app: Flask, client, auth: AuthActions
) -> None:
    auth.login()
    school_class = _class_in_lesson(client, app, groups=10)
    page = f"/classes/{school_class.id}/plots"
    assert "Giv grupperne byggefelter i rækkefølge" in client.get(page).text
    answer = client.post(f"{page}/in-order", follow_redirects=True).text
    assert _assigned(app, school_class) == {f"gruppe_{n}": f"Gruppe {n}" for n in range(1, 7)}
    assert "Gruppe 7, Gruppe 8, Gruppe 9, Gruppe 10 har intet byggefelt" in answer
    assert "6 byggefelter til 10 grupper" in answer

    with app.app_context():
        seven = db.session.scalar(select(Group.id).where(Group.name == "Gruppe 7"))
        one = db.session.scalar(select(Group.id).where(Group.name == "Gruppe 1"))
    choice = {f"plot-gruppe_{n}": "" for n in range(1, 7)}
    choice |= {"plot-gruppe_1": seven, "plot-gruppe_2": one}
    client.post(page, data=choice)
    assert _assigned(app, school_class) == {"gruppe_1": "Gruppe 7", "gruppe_2": "Gruppe 1"}
    twice = client.post(page, data=choice | {"plot-gruppe_3": seven}, follow_redirects=True)
    assert "Gruppe 7 er valgt til to byggefelter" in twice.text
    assert _assigned(app, school_class) == {"gruppe_1": "Gruppe 7", "gruppe_2": "Gruppe 1"}


def test_a_pupil_sees_the_groups_plot_and_writes_the_proposal(
    app: Flask, client, auth: AuthActions
) -> None:
    auth.login()
    school_class = _class_in_lesson(client, app)
    with app.app_context():
        group = group_in_plot(school_class, "Ravnene", "gruppe_2")
        pupil = create_pupil(school_class, "Ali", group_id=group.id)
    phone = app.test_client()
    sign_in_pupil(phone, pupil.card_token)
    home = phone.get("/pupil/").text
    assert "Jeres byggefelt: Gruppe 2" in home
    assert "x = 2106 til 2119 og z = 22 til 35" in home  # the class's place + the plot
    assert phone.get("/pupil/plot-map.png").data.startswith(b"\x89PNG")

    form = phone.get("/pupil/proposal").text
    assert "Højst 60 tegn" in form
    too_long = phone.post("/pupil/proposal", data={"title": "x" * 61, "what": "", "why": ""})
    assert "Brug højst 60 tegn" in too_long.text
    phone.post(
        "/pupil/proposal",
        data={
            "title": "Den grønne stue",
            "what": "Bænke under træer",
            "for_whom": "Børn og bedsteforældre",
            "why": "Der er skygge om eftermiddagen",
        },
    )
    with app.app_context():
        saved = db.session.scalar(select(Proposal))
        assert (saved.title, saved.for_whom) == ("Den grønne stue", "Børn og bedsteforældre")
    assert "Den grønne stue" in phone.get("/pupil/").text


def test_a_pupil_without_a_group_plot_has_no_proposal_page(app: Flask, client, auth) -> None:
    auth.login()
    school_class = _class_in_lesson(client, app)
    with app.app_context():
        pupil = create_pupil(school_class, "Bo")
    phone = app.test_client()
    sign_in_pupil(phone, pupil.card_token)
    assert "Jeres byggefelt" not in phone.get("/pupil/").text
    assert phone.get("/pupil/proposal").status_code == 404


def test_the_lessons_vote_on_plots_takes_the_captured_proposals(
    app: Flask, client, auth: AuthActions
) -> None:
    auth.login()
    school_class = _class_in_lesson(client, app)
    with app.app_context():
        built_estate(school_class)
        groups = [group_in_plot(school_class, f"G{n}", f"gruppe_{n}") for n in range(1, 5)]
        write_proposal(groups[0], "Den grønne stue", what="Bænke", for_whom="Alle", why="Skygge")
        store_capture(school_class, "gruppe_1", tower_keys(3))
        store_capture(school_class, "gruppe_2", tower_keys(5))
        store_capture(school_class, "gruppe_3", tower_keys(0))  # captured, nothing built
    class_page = client.get(f"/classes/{school_class.id}").text
    assert "Afstemning fra lektionen" not in class_page  # not the vote phase yet
    run_id = _run_id(app, school_class)
    client.post(f"/runs/{run_id}/phase", data={"to": _vote_phase()})
    lesson_page = client.get(f"/runs/{run_id}").text
    assert "Lav afstemningen fra lektionen" in lesson_page

    client.post(f"/classes/{school_class.id}/votes/from-lesson")
    with app.app_context():
        task = db.session.scalar(select(VotingTask))
        assert [o["label"] for o in task.options] == ["Den grønne stue", "G2"]
        assert task.options[0]["argument"] == {"what": "Bænke", "for_whom": "Alle", "why": "Skygge"}
        assert (task.method, task.secret) == ("ranked", True)
        assert task.compare == ["plurality", "condorcet"]
        assert (task.estate_id, task.site_id, task.lesson_phase) == (
            ESTATE,
            "legepladsen",
            _vote_phase(),
        )
    vote_page = client.get(f"/votes/{task.id}").text
    assert "kopieres vindergruppens byggeri til Legepladsen i gård A" in vote_page
    picture = client.get(f"/vote/{task.id}/options/1.png")
    assert picture.mimetype == "image/png"
    assert "Afstemningens side" in client.get(f"/runs/{run_id}").text


def test_too_few_proposals_say_which_plots_to_capture(app: Flask, client, auth) -> None:
    auth.login()
    school_class = _class_in_lesson(client, app)
    with app.app_context():
        built_estate(school_class)
        group_in_plot(school_class, "G1", "gruppe_1")
        group_in_plot(school_class, "G2", "gruppe_2")
        group_in_plot(school_class, "G3", "gruppe_3")
        store_capture(school_class, "gruppe_1", tower_keys(3))
        store_capture(school_class, "gruppe_2", tower_keys(0))
    run_id = _run_id(app, school_class)
    client.post(f"/runs/{run_id}/phase", data={"to": _vote_phase()})
    answer = client.post(
        f"/classes/{school_class.id}/votes/from-lesson", follow_redirects=True
    ).text
    assert "Ikke fotograferet endnu: G3" in answer
    assert "Intet bygget: G2" in answer
    with app.app_context():
        assert db.session.scalar(select(VotingTask)) is None


def test_the_gallery_shows_proposals_with_builds_to_teacher_and_pupils(
    app: Flask, client, auth: AuthActions
) -> None:
    auth.login()
    school_class = _class_in_lesson(client, app)
    with app.app_context():
        built_estate(school_class)
        one = group_in_plot(school_class, "Ravnene", "gruppe_1")
        two = group_in_plot(school_class, "Mågerne", "gruppe_2")
        write_proposal(one, "Den grønne stue", why="Skygge til de ældre")
        store_capture(school_class, "gruppe_1", tower_keys(3))
        capture = store_capture(school_class, "gruppe_2", tower_keys(0))
        pupil = create_pupil(school_class, "Ali", group_id=two.id)
    gallery = client.get(f"/classes/{school_class.id}/gallery").text
    assert "Den grønne stue" in gallery and "Skygge til de ældre" in gallery
    assert "Mågerne" not in gallery  # an empty plot is no proposal
    phone = app.test_client()
    sign_in_pupil(phone, pupil.card_token)
    assert "Den grønne stue" in phone.get("/pupil/gallery").text
    assert phone.get(f"/captures/{capture.id}.png").mimetype == "image/png"
    stranger = app.test_client()
    assert stranger.get(f"/captures/{capture.id}.png").status_code == 404


def test_capturing_before_the_estate_is_built_says_to_build_first(app, client, auth) -> None:
    auth.login()
    school_class = _class_in_lesson(client, app, groups=2)
    client.post(f"/classes/{school_class.id}/plots/in-order")
    answer = client.post(f"/classes/{school_class.id}/plots/capture", follow_redirects=True)
    assert "Byg bebyggelsen i spillet først" in answer.text


def test_a_new_vote_can_be_on_the_proposals_with_any_method(app: Flask, client, auth) -> None:
    auth.login()
    school_class = _class_in_lesson(client, app)
    with app.app_context():
        built_estate(school_class)
        for number in (1, 2):
            group_in_plot(school_class, f"G{number}", f"gruppe_{number}")
            store_capture(school_class, f"gruppe_{number}", tower_keys(number))
    form = {
        "question": "Hvilket forslag?",
        "option_kind": "plots",
        "into": "parkeringspladsen",
        "method": "approval",
        "weights": "per_household",
        "quorum_percent": "50",
        "seats": "1",
    }
    page = client.get(f"/classes/{school_class.id}/votes/new").text
    assert "Gruppernes forslag fra deres byggefelter" in page
    assert "Parkeringspladsen" in page  # the class's estate's sites
    client.post(f"/classes/{school_class.id}/votes/new", data=form)
    with app.app_context():
        task = db.session.scalar(select(VotingTask))
        assert task.on_plots and task.builds and task.site_id == "parkeringspladsen"
        assert (task.method, task.weights, task.secret) == ("approval", "per_household", False)
        assert [o["group"] for o in task.options] == ["G1", "G2"]
    edit = client.get(f"/votes/{task.id}/edit").text
    assert 'checked id="option_kind-2"' in edit  # the proposals stay chosen
    with app.app_context():
        store_capture(school_class, "gruppe_2", tower_keys(0))  # G2 took its build down
    answer = client.post(f"/votes/{task.id}/edit", data=form).text
    assert "Intet bygget: G2" in answer  # the draft keeps its options, the form says why


def test_a_winner_that_cannot_be_built_is_said_and_not_decided(app: Flask, client, auth) -> None:
    """A decision that could not be built would break every later build of the class."""
    auth.login()
    school_class = _class_in_lesson(client, app)
    with app.app_context():
        built_estate(school_class)
        motley = np.zeros((14, 24, 14), dtype=np.int32)
        motley.ravel()[:230] = (np.arange(230) + 1) * 16  # 230 kinds of block
        for number, keys in ((1, motley), (2, tower_keys(2))):
            group_in_plot(school_class, f"G{number}", f"gruppe_{number}")
            store_capture(school_class, f"gruppe_{number}", keys)
        pupil = create_pupil(school_class, "Ali")
    form = {"question": "?", "option_kind": "plots", "into": "legepladsen", "method": "plurality",
            "weights": "per_pupil", "quorum_percent": "0", "seats": "1"}  # fmt: skip
    client.post(f"/classes/{school_class.id}/votes/new", data=form)
    with app.app_context():
        task = db.session.scalar(select(VotingTask))
        tally.open_task(task)
        assert casting.cast(task, pupil, ["1"]).accepted
        task_id = task.id
    answer = client.post(f"/votes/{task_id}/close", follow_redirects=True).text
    assert "Vinderen kan ikke bygges" in answer and "forskellige blokke" in answer  # one language
    with app.app_context():
        assert db.session.scalar(select(EstateDecision)) is None
        assert db.session.get(VotingTask, task_id).state == "closed"
