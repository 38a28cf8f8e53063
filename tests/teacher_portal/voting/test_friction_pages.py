"""What pupils and the projector show around a vote: the pupil's page after voting, the
projector while open (how latecomers join) and after closing (the result alone)."""

from flask import Flask

from teacher_portal.core.extensions import db
from teacher_portal.models.voting import VotingTask
from teacher_portal.voting.projector import live_fragment
from teacher_portal.voting.result_view import results_view
from tests.teacher_portal.conftest import AuthActions, sign_in_pupil
from tests.teacher_portal.factories import create_class, create_pupils, default_teacher
from tests.teacher_portal.voting.vote_factories import create_task

HINT = "Stem på din side"
TIED_RESULT = {
    "method": "plurality",
    "winners": ["2"],
    "leading": ["2"],
    "decided": True,
    "undecided_reason": None,
    "scores": {"1": 1, "2": 1, "3": 0},
    "seed": 4242,
    "tie_breaks": [{"stage": "lot: places 1-2", "tied": ["1", "2"], "order": ["2", "1"]}],
}


def test_the_pupils_page_says_you_have_voted(app: Flask, client) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        ali, _bo = create_pupils(school_class, "Ali", "Bo")
        secret = create_task(school_class, method="plurality", secret=True)
    sign_in_pupil(client, ali.card_token)
    before = client.get("/pupil/").text
    assert f"Stem: {secret.question}" in before
    client.post(f"/vote/{secret.id}", data={"choice": ["1"]})
    after = client.get("/pupil/").text
    assert 'data-testid="voted"' in after and "Du har stemt" in after
    assert f"Stem: {secret.question}" not in after
    assert "Skift din stemme" not in after  # a secret ballot cannot be changed

    with app.app_context():
        create_task(school_class, question="Hvem skal lede mødet?", secret=False, allow_change=True)
    open_one = client.get("/pupil/").text
    assert "Stem: Hvem skal lede mødet?" in open_one


def test_the_projector_shows_latecomers_the_way_in_while_open(
    app: Flask, client, auth: AuthActions
) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        create_pupils(school_class, "Ali")
        task = create_task(school_class, method="plurality")
    auth.login()
    page = client.get(f"/votes/{task.id}/projector").text
    assert HINT in page
    assert f'data-testid="projector-class-code">{school_class.class_code}<' in page
    assert "projector-join-qr" in page and "<svg" in page
    assert "http://localhost/join" in page


def test_after_closing_the_projector_shows_the_result_alone(
    app: Flask, client, auth: AuthActions
) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        task = create_task(school_class, state="closed", result=TIED_RESULT)
    auth.login()
    page = client.get(f"/votes/{task.id}/projector").text
    assert HINT not in page and "projector-class-code" not in page
    assert "Vinder: Køkkenhave" in page
    assert "Legeplads og Køkkenhave fik lige mange stemmer. Lodtrækningen valgte Køkkenhave." in (
        page
    )
    assert "places" not in page and "4242" in page
    with app.test_request_context():  # what the stream sends once the vote has closed
        closed = db.session.get(VotingTask, task.id)
        fragment = live_fragment(closed, results_view(closed))
    assert HINT not in fragment and "Vinder: Køkkenhave" in fragment


def test_the_weights_are_headed_votes_not_polls(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
    auth.login()
    page = client.get(f"/classes/{school_class.id}/votes/new").text
    assert "<legend>Stemmer</legend>" in page  # how many votes each has, not "Afstemninger"
