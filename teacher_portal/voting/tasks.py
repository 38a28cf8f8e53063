"""The teacher's side of a vote: create (by hand or from the lesson), edit while a draft,
open, close (counted once; a site vote then builds its winner), show results to pupils."""

from typing import Any

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
from teacher_portal.models import LessonRun, Pupil, SchoolClass
from teacher_portal.models.voting import VoterRoll, VotingTask
from teacher_portal.plots.teacher_views import plots_estate
from teacher_portal.voting import chat, live_results, option_measures, tally, winner
from teacher_portal.voting.access import own_task_or_404
from teacher_portal.voting.forms import METHOD_LABELS, TaskForm
from teacher_portal.voting.options import (
    TooFewProposals,
    plot_sites,
    proposal_options,
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


def _apply(form: TaskForm, task: VotingTask, school_class: SchoolClass) -> bool:
    """Copy the form into the task; the options are rebuilt from the chosen kind. False (the
    form then says why) when the groups' proposals are too few to vote on."""
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
    elif form.option_kind.data == "plots":
        task.estate_id, task.site_id = plots_estate(school_class), form.into.data or None
        try:
            task.options = proposal_options(school_class, task.estate_id, None, _lang())
        except TooFewProposals as too_few:
            form.option_kind.errors = [*form.option_kind.errors, too_few_text(too_few)]
            return False
    else:
        task.estate_id = task.site_id = None
        task.options = text_options(form.option_labels())
    return True


def too_few_text(too_few: TooFewProposals) -> str:
    """Why the proposals cannot be voted on yet, naming the plots to capture or build in."""
    parts = [_("A vote needs at least two groups' proposals with something built.")]
    if too_few.found.not_captured:
        names = ", ".join(too_few.found.not_captured)
        parts.append(_("Not captured yet: %(names)s.", names=names))
    if too_few.found.empty:
        parts.append(_("Nothing built: %(names)s.", names=", ".join(too_few.found.empty)))
    parts.append(_("Capture the plots on the plots page, then make the vote."))
    return " ".join(parts)


def _form(school_class: SchoolClass, **kwargs: Any) -> TaskForm:
    """The task form, offering the sites of the class's estate for a winning proposal."""
    sites = plot_sites(plots_estate(school_class), _lang())
    return TaskForm(lang=_lang(), plot_sites=sites, **kwargs)


@bp.route("/classes/<int:class_id>/votes/new", methods=["GET", "POST"])
def new(class_id: int) -> str | Response:
    school_class = own_class_or_404(class_id)
    form = _form(school_class)
    task = VotingTask(class_id=school_class.id)
    if form.validate_on_submit() and _apply(form, task, school_class):
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
    existing = lesson_task(run, now.index)
    if existing is not None:
        return redirect(url_for("voting.tasks.view", task_id=existing.id))
    try:
        fields = task_fields(now.plan, now.phase.vote, _lang(), school_class)
    except TooFewProposals as too_few:
        flash(too_few_text(too_few), "error")
        return redirect(url_for("plots.teacher.page", class_id=class_id) + "#captures")
    task = VotingTask(
        class_id=school_class.id, lesson_run_id=run.id, lesson_phase=now.index, **fields
    )
    db.session.add(task)
    db.session.commit()
    return _back_or(url_for("voting.tasks.view", task_id=task.id))


def _back_or(default: str) -> Response:
    """Back to the page the button was on (the lesson page sends `next`), else `default`."""
    back = request.form.get("next", "")
    if back.startswith("/") and not back.startswith("//"):
        return redirect(back)
    return redirect(default)


def lesson_task(run: LessonRun, phase_index: int) -> VotingTask | None:
    """The vote made from this phase of the lesson run, if there is one (the newest)."""
    return db.session.scalar(
        select(VotingTask)
        .where(VotingTask.lesson_run_id == run.id, VotingTask.lesson_phase == phase_index)
        .order_by(VotingTask.id.desc())
    )


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
        decision=winner.decision(task),
        listening=chat.is_listening(task.id),
        chat_log=chat.recent_answers(task.id),
        effects=option_measures.effects(task, _lang()),
        measured=option_measures.measured(task),
    )


@bp.route("/votes/<int:task_id>/edit", methods=["GET", "POST"])
def edit(task_id: int) -> str | Response:
    task = own_task_or_404(task_id)
    if task.state != "draft":
        flash(_("Only a draft can be changed; this vote has been opened."), "error")
        return redirect(url_for("voting.tasks.view", task_id=task.id))
    school_class = own_class_or_404(task.class_id)
    form = _form(school_class, obj=task)
    if request.method == "GET":
        form.option_kind.data = "plots" if task.on_plots else "site" if task.builds else "texts"
        variants = task.builds and not task.on_plots
        form.site.data = f"{task.estate_id}/{task.site_id}" if variants else None
        form.into.data = task.site_id or "" if task.on_plots else ""
        form.texts.data = "\n".join(option["label"] for option in task.options)
    if form.validate_on_submit() and _apply(form, task, school_class):
        db.session.commit()
        flash(_("Saved."), "success")
        return redirect(url_for("voting.tasks.view", task_id=task.id))
    db.session.rollback()
    return render_template(
        "voting/edit.html", form=form, school_class=school_class, task=task, methods=METHOD_LABELS
    )


@bp.post("/votes/<int:task_id>/open")
def open_(task_id: int) -> Response:
    task = own_task_or_404(task_id)
    if tally.open_task(task):
        flash(_("The vote is open. Pupils find it on their page."), "success")
        emit("vote_changed", task)
    return _back_or(url_for("voting.tasks.view", task_id=task.id))


@bp.post("/votes/<int:task_id>/close")
def close(task_id: int) -> Response:
    """Close and count once; a site vote then builds the winning variant in the game."""
    task = own_task_or_404(task_id)
    if tally.close(task):
        chat.stop(task.id)
        flash(_("The vote is closed and counted."), "success")
        emit("vote_changed", task)
        if task.builds:
            flash(*winner.say(winner.build_winner(task)))
    return _back_or(url_for("voting.tasks.view", task_id=task.id))


@bp.post("/votes/<int:task_id>/build")
def build(task_id: int) -> Response:
    """Build the winner again (after a failed build or one that had to wait)."""
    task = own_task_or_404(task_id)
    if task.state != "closed" or not task.builds:
        abort(409)
    flash(*winner.say(winner.build_winner(task)))
    return redirect(url_for("voting.tasks.view", task_id=task.id) + "#build")


@bp.post("/votes/<int:task_id>/results-visible")
def results_visible(task_id: int) -> Response:
    task = own_task_or_404(task_id)
    task.show_results = request.form.get("show") == "1"
    live_results.changed(task.id)
    db.session.commit()
    return _back_or(url_for("voting.tasks.view", task_id=task.id))


@bp.post("/votes/<int:task_id>/delete")
def delete(task_id: int) -> Response:
    task = own_task_or_404(task_id)
    class_id = task.class_id
    chat.stop(task.id)
    db.session.delete(task)
    db.session.commit()
    flash(_("The vote and its ballots are deleted."), "success")
    return redirect(url_for("classes.view", class_id=class_id))
