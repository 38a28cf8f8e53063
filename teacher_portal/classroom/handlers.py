"""How the class's world follows the portal: what happens on the events other features announce.

Pupils, groups, names and cards changed → the accounts and plots follow (once the class is in
the game); a build is done → the whole class is put in the world; the phase changed or a vote
opened or closed → the text on screen and the plots' lock follow; a class is being deleted →
its players and estate leave the world. None of these raises: a game server that does not
answer is told to the teacher, and the next update catches up.
"""

from flask import flash, has_request_context

from teacher_portal.classroom.accounts import assign_accounts
from teacher_portal.classroom.control import refresh_settings
from teacher_portal.classroom.state import in_game
from teacher_portal.classroom.sync import Outcome, remove_class, update_world
from teacher_portal.core.extensions import db
from teacher_portal.game.servers import is_managed, server_for
from teacher_portal.models import BuildJob, LessonRun, SchoolClass, VotingTask


def _tell(outcome: Outcome) -> None:
    """Failures and notes on the page the teacher is on (a build's thread has none)."""
    if not has_request_context():
        return
    if not outcome.ok:
        for message in outcome.messages:
            flash(message, "error")
    for note in outcome.notes:
        flash(note, "info")


def class_changed(school_class: SchoolClass) -> None:
    if not is_managed(server_for(school_class)):
        return
    if in_game(school_class):
        _tell(update_world(school_class, full=False))
        return
    notes = assign_accounts(school_class)
    db.session.commit()
    _tell(Outcome(True, notes=notes))


def class_deleting(school_class: SchoolClass) -> None:
    _tell(remove_class(school_class))


def build_done(job: BuildJob) -> None:
    school_class = db.session.get(SchoolClass, job.class_id)
    if school_class is not None:
        update_world(school_class)


def phase_changed(run: LessonRun) -> None:
    _tell(refresh_settings(db.session.get(SchoolClass, run.class_id)))


def vote_changed(task: VotingTask) -> None:
    _tell(refresh_settings(db.session.get(SchoolClass, task.class_id)))
