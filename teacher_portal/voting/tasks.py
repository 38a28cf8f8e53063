"""The teacher's side of a vote: create (by hand or from the lesson), edit while a draft,
open, close (counted once; a site vote then builds its winner), show results to pupils."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import login_required
from sqlalchemy import select
from werkzeug.wrappers import Response

from teacher_portal.classes.access import own_class_or_404
from teacher_portal.core.events import emit
from teacher_portal.core.extensions import db
from teacher_portal.lesson_runs.runs import active_run, current_phase
from teacher_portal.models import Pupil
from teacher_portal.models.voting import VoterRoll, VotingTask
from teacher_portal.voting import chat, tally, winner
from teacher_portal.voting.access import own_task_or_404
from teacher_portal.voting.forms import METHOD_LABELS, TaskForm
from teacher_portal.voting.options import (
    NotSupportedYet,
    split_site_choice,
    task_fields,
    text_options,
    variant_options,
)
from teacher_portal.voting.result_view import results_view

bp = Blueprint("tasks", __name__)


@bp.before_request
@login_required
def _teachers_only() -> None:
    """Every page here is a teacher's."""


def _lang() -> str:
    return str(get_locale() or "da")


def _apply(form: TaskForm, task: VotingTask) -> None:
    """Copy the form into the task; the options are rebuilt from the chosen kind."""
    names = ("question", "description", "method", "decision", "weights", "secret", "allow_change")
    for name in names:
        setattr(task, name, getattr(form, name).data)
    task.question = task.question.strip()
    task.seats = form.seats.data or 1
    task.quorum_percent = form.quorum_percent.data or 0
    task.majority_percent = form.majority_percent.data
    if form.option_kind.data == "site":
        task.estate_id, task.site_id = split_site_choice(form.site.data)
        task.options = variant_options(task.estate_id, task.site_id, _lang())
    else:
        task.estate_id = task.site_id = None
        task.options = text_options(form.option_labels())


@bp.route("/classes/<int:class_id>/votes/new", methods=["GET", "POST"])
def new(class_id: int) -> str | Response:
    school_class = own_class_or_404(class_id)
    form = TaskForm(lang=_lang())
    if form.validate_on_submit():
        task = VotingTask(class_id=school_class.id)
        _apply(form, task)
        db.session.add(task)
        db.session.commit()
        flash(_("The vote is saved as a draft. Open it when the class is ready."), "success")
        return redirect(url_for("voting.tasks.view", task_id=task.id))
    return render_template(
        "voting/edit.html", form=form, school_class=school_class, task=None, methods=METHOD_LABELS
    )


@bp.post("/classes/<int:class_id>/votes/from-lesson")
def from_lesson(class_id: int) -> Response:
    """One click: the active lesson phase's vote template becomes a draft task."""
    school_class = own_class_or_404(class_id)
    run = active_run(school_class)
    now = current_phase(run) if run else None
    if now is None or now.phase.vote is None:
        flash(_("The lesson's current phase has no vote."), "error")
        return redirect(url_for("classes.view", class_id=class_id))
    try:
        fields = task_fields(now.plan, now.phase.vote, _lang())
    except NotSupportedYet:
        flash(_("Votes on the pupils' own plots are not supported yet."), "error")
        return redirect(url_for("classes.view", class_id=class_id))
    task = VotingTask(class_id=school_class.id, lesson_run_id=run.id, **fields)
    db.session.add(task)
    db.session.commit()
    return redirect(url_for("voting.tasks.view", task_id=task.id))


@bp.get("/votes/<int:task_id>")
def view(task_id: int) -> str:
    task = own_task_or_404(task_id)
    pupils = db.session.scalars(
        select(Pupil).where(Pupil.class_id == task.class_id).order_by(Pupil.nickname)
    ).all()
    voted = set(db.session.scalars(select(VoterRoll.pupil_id).where(VoterRoll.task_id == task.id)))
    return render_template(
        "voting/view.html",
        task=task,
        school_class=own_class_or_404(task.class_id),
        pupils=pupils,
        voted=voted,
        methods=METHOD_LABELS,
        results=results_view(task),
        weight_plan=tally.household_plan(task) if task.weights == "per_household" else None,
        lang=_lang(),
        job=winner.build_job(task),
        listening=chat.is_listening(task.id),
        chat_log=chat.recent_answers(task.id),
    )


@bp.route("/votes/<int:task_id>/edit", methods=["GET", "POST"])
def edit(task_id: int) -> str | Response:
    task = own_task_or_404(task_id)
    if task.state != "draft":
        flash(_("Only a draft can be changed; this vote has been opened."), "error")
        return redirect(url_for("voting.tasks.view", task_id=task.id))
    form = TaskForm(obj=task, lang=_lang())
    if request.method == "GET":
        form.option_kind.data = "site" if task.builds else "texts"
        form.site.data = f"{task.estate_id}/{task.site_id}" if task.builds else None
        form.texts.data = "\n".join(option["label"] for option in task.options)
    if form.validate_on_submit():
        _apply(form, task)
        db.session.commit()
        flash(_("Saved."), "success")
        return redirect(url_for("voting.tasks.view", task_id=task.id))
    school_class = own_class_or_404(task.class_id)
    return render_template(
        "voting/edit.html", form=form, school_class=school_class, task=task, methods=METHOD_LABELS
    )


@bp.post("/votes/<int:task_id>/open")
def open_(task_id: int) -> Response:
    task = own_task_or_404(task_id)
    if tally.open_task(task):
        flash(_("The vote is open. Pupils find it on their page."), "success")
        emit("vote_changed", task)
    return redirect(url_for("voting.tasks.view", task_id=task.id))


@bp.post("/votes/<int:task_id>/close")
def close(task_id: int) -> Response:
    """Close and count once; a site vote then builds the winning variant in the game."""
    task = own_task_or_404(task_id)
    if tally.close(task):
        chat.stop(task.id)
        flash(_("The vote is closed and counted."), "success")
        emit("vote_changed", task)
        if task.builds:
            _say_winner_build(winner.build_winner(task))
    return redirect(url_for("voting.tasks.view", task_id=task.id))


def _say_winner_build(outcome: winner.WinnerBuild) -> None:
    messages = {
        winner.WinnerBuild.STARTED: (_("The winner is being built in the game."), "success"),
        winner.WinnerBuild.NO_WINNER: (_("No winner was decided, so nothing is built."), "info"),
        winner.WinnerBuild.BUSY: (
            _("Another build is running. Build the winner when it is done."),
            "error",
        ),
    }
    flash(*messages[outcome])


@bp.post("/votes/<int:task_id>/build")
def build(task_id: int) -> Response:
    """Build the winner again (after a failed build or one that had to wait)."""
    task = own_task_or_404(task_id)
    if task.state != "closed" or not task.builds:
        abort(409)
    _say_winner_build(winner.build_winner(task))
    return redirect(url_for("voting.tasks.view", task_id=task.id) + "#build")


@bp.post("/votes/<int:task_id>/results-visible")
def results_visible(task_id: int) -> Response:
    task = own_task_or_404(task_id)
    task.show_results = request.form.get("show") == "1"
    db.session.commit()
    return redirect(url_for("voting.tasks.view", task_id=task.id))


@bp.post("/votes/<int:task_id>/delete")
def delete(task_id: int) -> Response:
    task = own_task_or_404(task_id)
    class_id = task.class_id
    chat.stop(task.id)
    db.session.delete(task)
    db.session.commit()
    flash(_("The vote and its ballots are deleted."), "success")
    return redirect(url_for("classes.view", class_id=class_id))
