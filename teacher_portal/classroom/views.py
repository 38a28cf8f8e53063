"""The class's game world on the teacher's pages: update it, and steer the class in it.

Every button posts here and returns to the page it sits on (the class page or the running
lesson), at the panel.
"""

from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import login_required
from werkzeug.wrappers import Response

from teacher_portal.classes.access import own_class_or_404
from teacher_portal.classroom import control
from teacher_portal.classroom.accounts import account_of_teacher, random_password
from teacher_portal.classroom.state import state_of
from teacher_portal.classroom.sync import Outcome, update_world
from teacher_portal.core.extensions import db
from teacher_portal.lesson_runs.runs import active_run
from teacher_portal.models import SchoolClass, Teacher

bp = Blueprint("classroom", __name__, url_prefix="/classes/<int:class_id>/world")


@bp.before_request
@login_required
def _teachers_only() -> None:
    """Every page here is a teacher's."""


def say(outcome: Outcome) -> None:
    for message in outcome.messages:
        flash(message, "success" if outcome.ok else "error")
    for note in outcome.notes:
        flash(note, "info")


def _back(school_class: SchoolClass) -> Response:
    run = active_run(school_class) if request.form.get("from") == "run" else None
    if run is not None:
        return redirect(url_for("lesson_runs.view", run_id=run.id) + "#game-world")
    return redirect(url_for("classes.view", class_id=school_class.id) + "#game-world")


@bp.post("/update")
def update(class_id: int) -> Response:
    """ "Update the game world": everything again, accounts, protection and settings."""
    school_class = own_class_or_404(class_id)
    outcome = update_world(school_class)
    if outcome.ok:
        outcome.messages.append(_("The game world is up to date."))
    say(outcome)
    return _back(school_class)


@bp.post("/settings/<any(frozen, muted, plots_locked, show_phase_text):name>")
def setting(class_id: int, name: str) -> Response:
    school_class = own_class_or_404(class_id)
    say(control.change_setting(school_class, name, request.form.get("on") == "1"))
    return _back(school_class)


@bp.post("/meet")
def meet(class_id: int) -> Response:
    school_class = own_class_or_404(class_id)
    say(control.bring_to_meeting(school_class))
    return _back(school_class)


@bp.post("/plots")
def plots(class_id: int) -> Response:
    school_class = own_class_or_404(class_id)
    say(control.send_to_plots(school_class))
    return _back(school_class)


@bp.post("/message")
def message(class_id: int) -> Response:
    school_class = own_class_or_404(class_id)
    say(control.message(school_class, request.form.get("text", "")))
    return _back(school_class)


@bp.post("/chat-names")
def chat_names(class_id: int) -> Response:
    """On a server the toolkit does not manage, the teacher may accept unchecked names."""
    school_class = own_class_or_404(class_id)
    state_of(school_class).chat_names_unchecked = request.form.get("on") == "1"
    db.session.commit()
    return _back(school_class)


@bp.post("/teacher-password")
def teacher_password(class_id: int) -> Response:
    """A new password for the teacher's game account (one a pupil may have seen)."""
    school_class = own_class_or_404(class_id)
    account = account_of_teacher(db.session.get(Teacher, school_class.teacher_id))
    if account is not None:
        account.password = random_password()
        db.session.commit()
    outcome = update_world(school_class, full=False)
    if outcome.ok:
        outcome.messages.append(_("Your game password is changed."))
    say(outcome)
    return _back(school_class)
