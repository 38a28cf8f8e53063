"""Votes from the game chat: a vote counts for the player's checked game account in the managed
world; on other servers only when the teacher accepts unchecked Minecraft names, under the
same exactly-once rules."""

import time

import pytest
from flask import Flask
from sqlalchemy import select

from minecraft_scripts.chat_votes import ChatVote
from teacher_portal.background import locks
from teacher_portal.classroom.accounts import account_of_pupil
from teacher_portal.classroom.sync import update_world
from teacher_portal.core.extensions import db
from teacher_portal.models import ClassWorld, GameServer, SchoolClass
from teacher_portal.models.voting import CastBallot, VoterRoll
from teacher_portal.voting import chat
from tests import real_components
from tests.real_components import free_port
from tests.teacher_portal.factories import create_class, create_pupil, default_teacher
from tests.teacher_portal.voting.vote_factories import create_task


@pytest.fixture
def chat_vote(app: Flask):
    """A class on a RaspberryJuice server whose teacher turned chat votes on (names unchecked)."""
    with app.app_context():
        school_class = create_class(default_teacher())
        db.session.add(
            GameServer(
                class_id=school_class.id, kind="raspberryjuice", host="127.0.0.1", port=free_port()
            )
        )
        db.session.add(ClassWorld(class_id=school_class.id, chat_names_unchecked=True))
        db.session.commit()
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


def test_unchecked_names_keep_chat_votes_off_until_the_teacher_accepts_them(
    app, client, auth, chat_vote
) -> None:
    school_class, _, task = chat_vote
    auth.login()
    client.post(f"/classes/{school_class.id}/world/chat-names", data={"on": "0"})
    class_page = client.get(f"/classes/{school_class.id}").text
    assert "Afstemning i chatten er slået fra" in class_page
    assert "ikke tjekker, hvem en spiller er" in class_page
    refused = client.post(f"/votes/{task.id}/chat/start", follow_redirects=True).text
    assert "tjekker ikke spillernes navne" in refused
    with app.app_context():
        assert not chat.is_listening(task.id)
        answer = chat.answer_chat_vote(task.id, ChatVote("AliCraft", 7, (1,)))
        assert db.session.scalar(select(VoterRoll)) is None
    assert "står ikke på klassens liste" in answer


def test_unchecked_names_once_accepted_are_said_where_the_teacher_looks(
    app, client, auth, chat_vote
) -> None:
    school_class, _, task = chat_vote
    auth.login()
    client.post(f"/classes/{school_class.id}/world/chat-names", data={"on": "1"})
    warning = "Serveren tjekker ikke navne, så en elev kan stemme under en klassekammerats navn."
    assert warning in client.get(f"/classes/{school_class.id}").text
    assert warning in client.get(f"/votes/{task.id}").text


@pytest.fixture
def managed_class(app: Flask, game_server: real_components.GameServer):
    """A class in the managed world: Ali's account is made there by an update."""
    with app.app_context():
        school_class = create_class(default_teacher(), "7.C")
        db.session.add(
            GameServer(class_id=school_class.id, host=game_server.host, port=game_server.port)
        )
        db.session.commit()
        ali = create_pupil(school_class, "Ali", minecraft_name="AliKlasse7c")
        task = create_task(school_class, method="ranked")
    return school_class, ali, task


@pytest.mark.game_server
def test_in_the_managed_world_a_vote_counts_for_the_account_once_it_stands_there(
    app, managed_class
) -> None:
    school_class, ali, task = managed_class
    with app.app_context():
        before = chat.answer_chat_vote(task.id, ChatVote("AliKlasse7c", 7, (1,)))
        assert update_world(db.session.get(SchoolClass, school_class.id)).ok
        assert account_of_pupil(ali).name == "AliKlasse7c"
        by_minecraft_case = chat.answer_chat_vote(task.id, ChatVote("aliklasse7c", 7, (2,)))
        counted = chat.answer_chat_vote(task.id, ChatVote("AliKlasse7c", 7, (3,)))
        assert db.session.scalars(select(CastBallot.ranking)).all() == [["3"]]
    assert "står ikke på klassens liste" in before  # not in the world: anyone could be "Ali"
    assert "står ikke på klassens liste" in by_minecraft_case  # names are the account's own
    assert counted == "Tak, AliKlasse7c! Din stemme er talt."


@pytest.mark.game_server
def test_the_teacher_starts_and_stops_the_listener_on_the_real_server(
    app, client, auth, managed_class
) -> None:
    _, _, task = managed_class
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
