"""Lesson runs: start a lesson for a class and step through its phases with a timer."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import login_required
from werkzeug.wrappers import Response

from lessons.guide import markdown_block, render_guide
from teacher_portal.classes.access import own_class_or_404, own_run_or_404
from teacher_portal.core.clock import utcnow
from teacher_portal.core.events import emit
from teacher_portal.core.extensions import db
from teacher_portal.game import jobs, previews
from teacher_portal.lesson_runs import plans
from teacher_portal.lesson_runs.runs import active_run, current_phase, phase_ends_at
from teacher_portal.models import LessonRun

bp = Blueprint("lesson_runs", __name__)
bp.add_app_template_filter(markdown_block, "markdown")


@bp.before_request
@login_required
def _teachers_only() -> None:
    """Every page here is a teacher's."""


@bp.get("/classes/<int:class_id>/lessons")
def choose(class_id: int) -> str:
    school_class = own_class_or_404(class_id)
    return render_template(
        "lesson_runs/choose.html",
        school_class=school_class,
        lessons=plans.startable_lessons(),
        active_run=active_run(school_class),
    )


@bp.post("/classes/<int:class_id>/lessons")
def start(class_id: int) -> Response:
    """Start a lesson; a lesson still running in the class is finished first."""
    school_class = own_class_or_404(class_id)
    lesson_id = request.form.get("lesson", "")
    if lesson_id not in {plan.id for plan in plans.startable_lessons()}:
        flash(_("Choose a lesson from the list."), "error")
        return redirect(url_for("lesson_runs.choose", class_id=class_id))
    running = active_run(school_class)
    if running is not None:
        running.finished_at = utcnow()
    run = LessonRun(class_id=class_id, lesson_id=lesson_id)
    db.session.add(run)
    db.session.commit()
    emit("phase_changed", run)
    return redirect(url_for("lesson_runs.view", run_id=run.id))


@bp.get("/runs/<int:run_id>")
def view(run_id: int) -> str:
    run = own_run_or_404(run_id)
    now = current_phase(run)
    return render_template(
        "lesson_runs/view.html",
        run=run,
        plan=now.plan,
        phase=now.phase,
        school_class=run.school_class,
        build_target=now.build_target,
        job=jobs.latest_build_of_run(run),
        ends_at=phase_ends_at(run),
        lang=str(get_locale()),
    )


@bp.post("/runs/<int:run_id>/phase")
def go_to_phase(run_id: int) -> Response:
    """Move to a phase (or restart the current one); its timer starts now."""
    run = own_run_or_404(run_id)
    if not run.is_active:
        abort(409)
    plan = plans.lesson(run.lesson_id)
    index = request.form.get("to", type=int)
    if index is None or not 0 <= index < len(plan.phases):
        abort(400)
    run.phase_index = index
    run.phase_started_at = utcnow()
    db.session.commit()
    emit("phase_changed", run)
    return redirect(url_for("lesson_runs.view", run_id=run.id))


@bp.post("/runs/<int:run_id>/finish")
def finish(run_id: int) -> Response:
    run = own_run_or_404(run_id)
    run.finished_at = run.finished_at or utcnow()
    db.session.commit()
    emit("phase_changed", run)
    flash(_("The lesson is finished."), "success")
    return redirect(url_for("classes.view", class_id=run.class_id))


@bp.get("/runs/<int:run_id>/guide")
def guide(run_id: int) -> str:
    """The printable teacher guide from `lessons/`, in the portal's language."""
    run = own_run_or_404(run_id)
    lesson = plans.lesson(run.lesson_id)
    return render_guide(lesson, get_locale().language, picture=previews.estate_picture)
