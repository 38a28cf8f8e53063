"""Votes from the game chat: Minecraft names map to pupils under the same exactly-once rules."""

import time

import pytest
from flask import Flask
from sqlalchemy import select

from minecraft_scripts.chat_votes import ChatVote
from teacher_portal.background import locks
from teacher_portal.core.extensions import db
from teacher_portal.models import GameServer
from teacher_portal.models.voting import CastBallot, VoterRoll
from teacher_portal.voting import chat
from tests import real_components
from tests.teacher_portal.factories import create_class, create_pupil, default_teacher
from tests.teacher_portal.voting.vote_factories import create_task


@pytest.fixture
def chat_vote(app: Flask):
    with app.app_context():
        school_class = create_class(default_teacher())
        ali = create_pupil(school_class, "Ali", minecraft_name="AliCraft")
        task = create_task(school_class, method="ranked")
    return school_class, ali, task


def test_a_chat_vote_counts_once_for_the_pupil_with_that_minecraft_name(app, chat_vote) -> None:
    _, ali, task = chat_vote
    with app.app_context():
        first = chat.answer_chat_vote(task.id, ChatVote("alicraft", 7, (3, 1)))
        again = chat.answer_chat_vote(task.id, ChatVote("AliCraft", 7, (2,)))
        stranger = chat.answer_chat_vote(task.id, ChatVote("Ukendt", 8, (1,)))
        wrong = chat.answer_chat_vote(task.id, ChatVote("AliCraft", 7, (9,)))
        assert db.session.scalars(select(CastBallot.ranking)).all() == [["3", "1"]]
        roll = db.session.execute(select(VoterRoll.pupil_id, VoterRoll.channel)).all()
    assert first == "Tak, alicraft! Din stemme er talt."
    assert "allerede stemt" in again
    assert "står ikke på klassens liste" in stranger
    assert wrong == "AliCraft: vælg mellem 1 og 3. Fx !stem 2"
    assert roll == [(ali.id, "chat")]


def test_an_invalid_chat_vote_is_answered_with_help(app, chat_vote) -> None:
    _, _, task = chat_vote
    with app.app_context():
        answer = chat.answer_chat_vote(task.id, ChatVote("AliCraft", 7, (4,)))
        assert db.session.scalar(select(VoterRoll)) is None
    assert answer == "AliCraft: vælg mellem 1 og 3. Fx !stem 2"


@pytest.mark.game_server
def test_the_teacher_starts_and_stops_the_listener_on_the_real_server(
    app, client, auth, chat_vote, game_server: real_components.GameServer
) -> None:
    school_class, _, task = chat_vote
    with app.app_context():
        db.session.add(
            GameServer(class_id=school_class.id, host=game_server.host, port=game_server.port)
        )
        db.session.commit()
    auth.login()
    client.post(f"/votes/{task.id}/chat/start")
    with app.app_context():
        assert chat.is_listening(task.id)
        assert _eventually(lambda: locks.is_held(chat.LOCK, task.id))  # its thread listens
    assert "Lytter" in client.get(f"/votes/{task.id}").text
    client.post(f"/votes/{task.id}/close")  # closing stops the listener
    with app.app_context():
        assert not chat.is_listening(task.id)
        assert _eventually(lambda: not locks.is_held(chat.LOCK, task.id))


def test_a_pupil_whose_card_is_revoked_cannot_vote_from_the_chat(
    app, client, auth, chat_vote
) -> None:
    school_class, ali, task = chat_vote
    auth.login()
    client.post(f"/classes/{school_class.id}/pupils/{ali.id}/card/revoke")
    with app.app_context():
        answer = chat.answer_chat_vote(task.id, ChatVote("AliCraft", 7, (1,)))
        assert db.session.scalar(select(VoterRoll)) is None
    assert answer == "AliCraft: dit login-kort er spærret. Spørg din lærer om et nyt."


def _eventually(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True
