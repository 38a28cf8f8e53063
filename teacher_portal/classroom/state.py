"""What the teacher set for the class in the game, and what follows from the lesson: frozen,
muted, plots locked (by hand, or while a vote is open), the current phase's text on screen.

The database holds it (`ClassWorld`); `send_settings` puts it in the world, and every update
of the world sends it again, so a restarted game server or a failed click catches up.
"""

from flask import current_app
from markupsafe import Markup
from sqlalchemy import exists, select

from lessons.guide import markdown_block
from minecraft_scripts.server.classroom import Classroom
from teacher_portal.core.extensions import db
from teacher_portal.lesson_runs.runs import class_phase
from teacher_portal.models import ClassWorld, SchoolClass, VotingTask

TEXT_LIMIT = 400
"""About six lines across the top of a pupil's screen."""


def settings_of(school_class: SchoolClass) -> ClassWorld:
    """The class's settings to read: the stored row, or the defaults (not stored)."""
    stored = db.session.get(ClassWorld, school_class.id)
    return stored or ClassWorld(
        class_id=school_class.id,
        frozen=False,
        muted=False,
        plots_locked=False,
        show_phase_text=True,
        chat_names_unchecked=False,
    )


def state_of(school_class: SchoolClass) -> ClassWorld:
    """The class's settings to change: stored (added to the session) if they were not."""
    state = settings_of(school_class)
    if state not in db.session:
        db.session.add(state)
        db.session.flush()
    return state


def in_game(school_class: SchoolClass) -> bool:
    """The class has been put in the world once (accounts made), so changes should follow."""
    state = db.session.get(ClassWorld, school_class.id)
    return state is not None and state.synced_at is not None


def vote_open(school_class: SchoolClass) -> bool:
    return bool(
        db.session.scalar(
            select(
                exists().where(VotingTask.class_id == school_class.id, VotingTask.state == "open")
            )
        )
    )


def plots_locked(school_class: SchoolClass) -> bool:
    """Locked by the teacher, or while the class votes (nobody changes a proposal then)."""
    return settings_of(school_class).plots_locked or vote_open(school_class)


def phase_text(school_class: SchoolClass) -> str:
    """The running phase's title and what pupils do, as plain text in the school's language;
    empty when no lesson runs or the teacher turned it off."""
    now = class_phase(school_class)
    if now is None or not settings_of(school_class).show_phase_text:
        return ""
    lang = current_app.config["BABEL_DEFAULT_LOCALE"]
    words = Markup(markdown_block(now.phase.pupils.get(lang))).striptags()
    text = f"{now.phase.title.get(lang)}: {words}"
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1].rstrip() + "…"


def send_settings(room: Classroom, school_class: SchoolClass) -> None:
    state = settings_of(school_class)
    room.lock_plots(plots_locked(school_class))
    room.freeze(state.frozen)
    room.mute(state.muted)
    room.show_text(phase_text(school_class))
