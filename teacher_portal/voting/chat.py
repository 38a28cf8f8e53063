"""Votes from the game chat: a listener thread per open task, started and stopped by the teacher.

`!stem 2` counts for the pupil whose game account wrote it (`classroom.chat_names`: checked
accounts in the managed world; elsewhere only if the teacher accepts unchecked Minecraft
names), through the same `cast` as the phone ballot (exactly once, same weights), and the
answer goes back into the chat. Listeners
live in the portal process that started them; run the portal as one process (threads) when
the class votes from the game.
"""

import threading
from collections import deque
from dataclasses import dataclass

from flask import Blueprint, Flask, current_app, flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_required
from werkzeug.wrappers import Response

from minecraft_scripts.chat_votes import ChatFormat, ChatVote, ChatVoteListener
from minecraft_scripts.server.connection import GameConnection, GameConnectionError
from teacher_portal.classroom.chat_names import chat_names, chat_voter, chat_votes_allowed
from teacher_portal.core.extensions import db
from teacher_portal.game.servers import server_for
from teacher_portal.models import SchoolClass
from teacher_portal.models.voting import VotingTask
from teacher_portal.voting.access import own_task_or_404
from teacher_portal.voting.casting import Outcome, cast

bp = Blueprint("chat", __name__)

CHAT_VOTES_OFF = _l(
    "This game server does not check players' names, so chat votes are off. You can turn "
    "them on in the class's game panel."
)
POLL_SECONDS = 1.0
ANSWERS_KEPT = 20

ANSWERS = {
    "da": {
        Outcome.COUNTED: "Tak, {name}! Din stemme er talt.",
        Outcome.CHANGED: "{name}: din stemme er ændret.",
        Outcome.ALREADY_VOTED: "{name}: du har allerede stemt. Kun din første stemme tæller.",
        Outcome.NOT_OPEN: "{name}: afstemningen er lukket.",
        Outcome.INVALID: "{name}: vælg mellem 1 og {options}. Fx !stem 2",
        "unknown": "{name}: dit navn står ikke på klassens liste. Spørg din lærer.",
        "blocked": "{name}: dit login-kort er spærret. Spørg din lærer om et nyt.",
    },
    "en": {
        Outcome.COUNTED: "Thank you, {name}! Your vote is counted.",
        Outcome.CHANGED: "{name}: your vote is changed.",
        Outcome.ALREADY_VOTED: "{name}: you have already voted. Only your first vote counts.",
        Outcome.NOT_OPEN: "{name}: the vote is closed.",
        Outcome.INVALID: "{name}: choose from 1 to {options}. E.g. !vote 2",
        "unknown": "{name}: your name is not on the class list. Ask your teacher.",
        "blocked": "{name}: your login card is blocked. Ask your teacher for a new one.",
    },
}


@dataclass
class Running:
    thread: threading.Thread
    stop: threading.Event
    answers: deque[str]


_running: dict[int, Running] = {}
_lock = threading.Lock()


def answer_chat_vote(task_id: int, vote: ChatVote, lang: str = "da") -> str:
    """Cast a chat vote for the pupil whose account wrote it; the answer for the chat."""
    texts = ANSWERS.get(lang, ANSWERS["da"])
    name = vote.player_name or "?"
    task = db.session.get(VotingTask, task_id)
    pupil = None
    if task is not None and vote.player_name:
        pupil = chat_voter(db.session.get(SchoolClass, task.class_id), vote.player_name)
    if task is None or pupil is None:
        return texts["unknown"].format(name=name)
    if pupil.card_token is None:  # revoked: no route lets the pupil act until a new card
        return texts["blocked"].format(name=name)
    result = cast(task, pupil, [str(choice) for choice in vote.choices], channel="chat")
    return texts[result.outcome].format(name=name, options=len(task.options))


def is_listening(task_id: int) -> bool:
    running = _running.get(task_id)
    return running is not None and running.thread.is_alive()


def recent_answers(task_id: int) -> list[str]:
    running = _running.get(task_id)
    return list(running.answers) if running else []


def start(app: Flask, task: VotingTask) -> None:
    """Start polling the class's game server for `!stem` commands for this task."""
    with _lock:
        if is_listening(task.id):
            return
        school_class = db.session.get(SchoolClass, task.class_id)
        server = server_for(school_class)
        names = chat_names(school_class)
        connection = GameConnection(server.host, server.port)
        stop_event = threading.Event()
        lang = app.config.get("BABEL_DEFAULT_LOCALE", "da")
        answers: deque[str] = deque(maxlen=ANSWERS_KEPT)
        task_id = task.id

        def on_vote(vote: ChatVote) -> str:
            with app.app_context():
                answer = answer_chat_vote(task_id, vote, lang)
            answers.append(answer)
            return answer

        listener = ChatVoteListener(
            connection,
            on_vote,
            interval=POLL_SECONDS,
            chat_format=ChatFormat.RASPBERRYJUICE
            if server.kind == "raspberryjuice"
            else ChatFormat.PYCRAFT,
            known_names=names,
            language=lang,
        )

        def listen() -> None:
            try:
                listener.run(stop_event, lambda error: answers.append(str(error)))
            finally:
                connection.close()

        thread = threading.Thread(target=listen, daemon=True, name=f"chat-votes-{task_id}")
        _running[task_id] = Running(thread, stop_event, answers)
        thread.start()


def stop(task_id: int, timeout: float = 5.0) -> None:
    running = _running.pop(task_id, None)
    if running is not None:
        running.stop.set()
        running.thread.join(timeout)


@bp.before_request
@login_required
def _teachers_only() -> None:
    """Only the teacher starts and stops listening."""


@bp.post("/votes/<int:task_id>/chat/start")
def start_listening(task_id: int) -> Response:
    task = own_task_or_404(task_id)
    if task.state != "open":
        flash(_("Open the vote before listening to the game chat."), "error")
    elif not chat_votes_allowed(db.session.get(SchoolClass, task.class_id)):
        flash(CHAT_VOTES_OFF, "error")
    else:
        try:
            start(current_app._get_current_object(), task)  # type: ignore[attr-defined]
            flash(_("Listening for !stem in the game chat."), "success")
        except (GameConnectionError, OSError) as error:
            flash(_("The game server did not answer: %(error)s", error=str(error)), "error")
    return redirect(url_for("voting.tasks.view", task_id=task.id) + "#chat")


@bp.post("/votes/<int:task_id>/chat/stop")
def stop_listening(task_id: int) -> Response:
    task = own_task_or_404(task_id)
    stop(task.id)
    flash(_("Stopped listening to the game chat."), "success")
    return redirect(url_for("voting.tasks.view", task_id=task.id) + "#chat")
