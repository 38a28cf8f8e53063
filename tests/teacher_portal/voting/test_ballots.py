"""Pupils vote through the portal: once, in their own class, and counted as
`teacher_portal.counting.count` counts the stored ballots."""

import pytest
from flask import Flask
from sqlalchemy import select

from teacher_portal.core.extensions import db
from teacher_portal.counting import Ballot, Rules, count
from teacher_portal.models.voting import CastBallot, VoterRoll, VotingTask
from tests.teacher_portal.conftest import AuthActions, sign_in_pupil
from tests.teacher_portal.factories import (
    create_class,
    create_household,
    create_pupil,
    create_pupils,
    create_teacher,
    default_teacher,
)
from tests.teacher_portal.voting.vote_factories import create_task


def _vote(app: Flask, card_token: str, task_id: int, choices: list[str]):
    client = app.test_client()
    sign_in_pupil(client, card_token)
    return client, client.post(f"/vote/{task_id}", data={"choice": choices})


def test_a_pupil_votes_once_and_a_second_ballot_is_refused(app: Flask) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        ali = create_pupil(school_class, "Ali")
        task = create_task(school_class, method="plurality")
    client, first = _vote(app, ali.card_token, task.id, ["2"])
    assert first.status_code == 303 and "outcome=counted" in first.location
    second = client.post(f"/vote/{task.id}", data={"choice": ["3"]})
    assert "outcome=already_voted" in second.location
    assert "Du har allerede stemt" in client.get(second.location).text
    assert "Du har stemt" in client.get(f"/vote/{task.id}").text
    with app.app_context():
        assert db.session.scalars(select(CastBallot.ranking)).all() == [["2"]]


def test_the_review_step_stores_nothing_and_shows_the_choice(app: Flask) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        ali = create_pupil(school_class, "Ali")
        task = create_task(school_class, method="ranked")
    client = app.test_client()
    sign_in_pupil(client, ali.card_token)
    page = client.post(f"/vote/{task.id}/review", data={"choice": ["3", "1"]})
    assert page.status_code == 200
    assert page.text.index("Bænke") < page.text.index("Legeplads")
    with app.app_context():
        assert db.session.scalar(select(VoterRoll)) is None


def test_closed_and_invalid_ballots_get_clear_messages(app: Flask) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        ali, _bo = create_pupils(school_class, "Ali", "Bo")
        bloc = create_task(school_class, method="bloc", seats=2)
        closed = create_task(school_class, state="closed")
    client, too_many = _vote(app, ali.card_token, bloc.id, ["1", "2", "3"])
    assert too_many.status_code == 422 and "Vælg højst 2" in too_many.text
    late = client.post(f"/vote/{closed.id}", data={"choice": ["1"]})
    assert "outcome=not_open" in late.location
    assert "Afstemningen er lukket" in client.get(f"/vote/{closed.id}").text
    with app.app_context():
        assert db.session.scalar(select(VoterRoll)) is None


def test_a_pupil_cannot_vote_in_another_class(app: Flask) -> None:
    with app.app_context():
        teacher = default_teacher()
        ours, theirs = create_class(teacher, "6.A"), create_class(teacher, "6.B")
        ali = create_pupil(ours, "Ali")
        other_task = create_task(theirs)
        draft = create_task(ours, state="draft")
    client, response = _vote(app, ali.card_token, other_task.id, ["1"])
    assert response.status_code == 404
    assert client.get(f"/vote/{other_task.id}").status_code == 404
    assert client.post(f"/vote/{draft.id}", data={"choice": ["1"]}).status_code == 404


def test_teacher_b_cannot_see_or_close_teacher_as_vote(app: Flask, client, auth) -> None:
    with app.app_context():
        task = create_task(create_class(default_teacher()))
        create_teacher("b@example.org", name="Bente")
    auth.login(email="b@example.org")
    for url in ("", "/projector", "/stream", "/edit"):
        assert client.get(f"/votes/{task.id}{url}").status_code == 404
    assert client.post(f"/votes/{task.id}/close").status_code == 404
    with app.app_context():
        assert db.session.get(VotingTask, task.id).state == "open"


def test_an_open_ballot_may_be_changed_when_allowed(app: Flask) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        ali = create_pupil(school_class, "Ali")
        task = create_task(school_class, secret=False, allow_change=True)
    client, _ = _vote(app, ali.card_token, task.id, ["1"])
    changed = client.post(f"/vote/{task.id}", data={"choice": ["3"]})
    assert "outcome=changed" in changed.location
    with app.app_context():
        assert db.session.execute(select(CastBallot.pupil_id, CastBallot.ranking)).all() == [
            (ali.id, ["3"])
        ]


@pytest.mark.parametrize("method", ["plurality", "approval", "ranked", "borda", "condorcet"])
def test_closing_counts_the_stored_ballots_like_counting_does(
    app: Flask, client, auth: AuthActions, method: str
) -> None:
    choices = [["1", "2"], ["2", "3"], ["2", "1"], ["3"], ["1", "3", "2"], []]
    if method == "plurality":
        choices = [c[:1] for c in choices]
    with app.app_context():
        school_class = create_class(default_teacher())
        home_a, home_b = create_household(school_class, "A"), create_household(school_class, "B")
        pupils = [
            create_pupil(school_class, f"P{i}", household_id=(home_a, home_b)[i % 2].id)
            for i in range(len(choices))
        ]
        task = create_task(school_class, method=method, weights="per_household")
    for pupil, chosen in zip(pupils, choices, strict=True):
        data = {"choice": chosen} if chosen else {"blank": "1"}
        app_client = app.test_client()
        sign_in_pupil(app_client, pupil.card_token)
        assert app_client.post(f"/vote/{task.id}", data=data).status_code == 303
    auth.login()
    client.post(f"/votes/{task.id}/close")
    with app.app_context():
        stored = db.session.get(VotingTask, task.id)
        # Three voters per household share its two votes: 2/3 each (blank included).
        from fractions import Fraction

        expected = count(
            ["1", "2", "3"],
            [Ballot(tuple(c), weight=Fraction(2, 3)) for c in choices],
            Rules(method=method, eligible=len(pupils), seed=stored.seed, decision=stored.decision),
        ).to_dict()
        assert stored.state == "closed"
        assert {k: v for k, v in stored.result.items() if k != "compare"} == expected
    page = client.get(f"/votes/{task.id}")
    assert "6 / 6" in page.text


def test_the_pupil_page_learns_when_a_vote_opens(app: Flask, client, auth) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        ali = create_pupil(school_class, "Ali")
        task = create_task(school_class, state="draft")
    pupil = app.test_client()
    sign_in_pupil(pupil, ali.card_token)
    before = pupil.get("/pupil/now.json").json["key"]
    assert "Stem:" not in pupil.get("/pupil/").text
    auth.login()
    client.post(f"/votes/{task.id}/open")
    assert pupil.get("/pupil/now.json").json["key"] != before
    assert f"Stem: {task.question}" in pupil.get("/pupil/").text
