"""Votes from the game chat: exactly one listener per vote the teacher listens on, across
every process.

`!stem 2` counts for the pupil whose game account wrote it (`classroom.chat_names`: checked
accounts in the managed world; elsewhere only if the teacher accepts unchecked Minecraft
names), through the same `cast` as the phone ballot (exactly once, same weights), and the
answer goes back into the chat.

The teacher's wish is a `ChatListener` row (any web process writes it). The listener is
background work (`listen`) that holds the vote's database lock (`background.locks`) while it
polls the game server, so however many workers run, one listens. Every worker's sweep
(`ensure_listeners`) queues a listener for each wish whose lock nobody holds: when the
listening worker dies, PostgreSQL frees its lock and another worker takes over within a
sweep. Stopping (or closing the vote) deletes the wish; the listener sees it within a poll.
"""

from flask import Blueprint, current_app, flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_required
from sqlalchemy import delete, select, update
from werkzeug.wrappers import Response

from minecraft_scripts.chat_votes import ChatFormat, ChatVote, ChatVoteListener
from minecraft_scripts.server.connection import GameConnection, GameConnectionError
from teacher_portal import background
from teacher_portal.background import locks, sweep
from teacher_portal.classroom.chat_names import chat_names, chat_voter, chat_votes_allowed
from teacher_portal.core.extensions import db
from teacher_portal.game.servers import server_for
from teacher_portal.models import ChatListener, SchoolClass
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
LOCK = "chat-listener"
TASK = "voting.chat_listener"

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
    """The teacher asked for it (whichever worker listens, or soon will)."""
    return db.session.get(ChatListener, task_id) is not None


def recent_answers(task_id: int) -> list[str]:
    wish = db.session.get(ChatListener, task_id)
    return list(wish.answers) if wish else []


def start(task: VotingTask) -> None:
    """Ask for a listener on this open task. The game server is tried first, so the teacher
    hears at once when it does not answer (`GameConnectionError`)."""
    server = server_for(db.session.get(SchoolClass, task.class_id))
    GameConnection(server.host, server.port).close()
    if db.session.get(ChatListener, task.id) is None:
        db.session.add(ChatListener(task_id=task.id, answers=[]))
    _queue_listener(task.id)
    db.session.commit()


def stop(task_id: int) -> None:
    db.session.execute(delete(ChatListener).where(ChatListener.task_id == task_id))
    db.session.commit()


def _queue_listener(task_id: int) -> None:
    background.defer(TASK, f"{LOCK}-{task_id}", unique=True, task_id=task_id)


def _wished_open_tasks() -> list[int]:
    return list(
        db.session.scalars(
            select(ChatListener.task_id)
            .join(VotingTask, VotingTask.id == ChatListener.task_id)
            .where(VotingTask.state == "open")
        )
    )


def ensure_listeners() -> None:
    """The sweep: a listener for every wish nobody holds; wishes of closed votes go."""
    for task_id in _wished_open_tasks():
        if not locks.is_held(LOCK, task_id):
            _queue_listener(task_id)
    closed = select(ChatListener.task_id).join(VotingTask, VotingTask.id == ChatListener.task_id)
    ended = list(db.session.scalars(closed.where(VotingTask.state != "open")))
    if ended:
        db.session.execute(delete(ChatListener).where(ChatListener.task_id.in_(ended)))
    db.session.commit()


sweep.every_sweep(ensure_listeners)


def _still_wished(task_id: int) -> bool:
    db.session.rollback()  # a fresh look at the database, not this session's snapshot
    open_wish = (
        select(ChatListener.task_id)
        .join(VotingTask, VotingTask.id == ChatListener.task_id)
        .where(ChatListener.task_id == task_id, VotingTask.state == "open")
    )
    return db.session.scalar(open_wish) is not None


def _note(task_id: int, line: str) -> None:
    """Keep the listener's last answers (and problems) for the teacher's page."""
    wish = db.session.get(ChatListener, task_id)
    if wish is not None:
        wish.answers = [*wish.answers, line][-ANSWERS_KEPT:]
        db.session.commit()


@background.task(TASK, retry_when_lost=False)
def listen(task_id: int) -> None:
    """Poll the class's game server for `!stem` while the wish stands, holding the lock."""
    with locks.exclusive(LOCK, task_id) as held:
        if held is None or not _still_wished(task_id):
            return  # another worker listens, or nobody wants it any more
        task = db.session.get(VotingTask, task_id)
        school_class = db.session.get(SchoolClass, task.class_id)
        server = server_for(school_class)
        names = chat_names(school_class)
        lang = current_app.config.get("BABEL_DEFAULT_LOCALE", "da")
        db.session.execute(
            update(ChatListener)
            .where(ChatListener.task_id == task_id)
            .values(holder=locks.holder_name())
        )
        db.session.commit()

        def on_vote(vote: ChatVote) -> str:
            answer = answer_chat_vote(task_id, vote, lang)
            _note(task_id, answer)
            return answer

        try:
            connection = GameConnection(server.host, server.port)
        except (GameConnectionError, OSError) as error:
            _note(task_id, str(error))  # the sweep tries again
            return
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
        try:
            while not sweep.stopping.is_set() and held.still_held() and _still_wished(task_id):
                try:
                    listener.poll_once()
                except GameConnectionError as error:
                    _note(task_id, str(error))  # it reconnects on its next use
                sweep.stopping.wait(POLL_SECONDS)
        finally:
            connection.close()


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
            start(task)
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
