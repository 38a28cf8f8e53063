"""Build jobs on the web: start a phase's build, follow its progress, retry, see the picture."""

from flask import Blueprint, Response, abort, flash, jsonify, redirect, url_for
from flask_babel import gettext as _
from flask_login import login_required

from teacher_portal import build_jobs, lesson_plans
from teacher_portal.access import own_class_or_404, own_job_or_404, own_run_or_404
from teacher_portal.models import BuildJob
from teacher_portal.previews import picture_response, preview_png

bp = Blueprint("builds", __name__)


@bp.before_request
@login_required
def _teachers_only() -> None:
    """Every page here is a teacher's."""


@bp.post("/runs/<int:run_id>/build")
def start(run_id: int) -> Response:
    """Build what the run's current phase asks for on the class's game server."""
    run = own_run_or_404(run_id)
    plan = lesson_plans.lesson(run.lesson_id)
    target = lesson_plans.build_target(plan, lesson_plans.phase_at(plan, run.phase_index))
    if target is None:
        flash(_("This phase has nothing to build."), "error")
    else:
        estate_id, variants = target
        build_jobs.start_build(own_class_or_404(run.class_id), estate_id, variants, run)
    return redirect(url_for("lesson_runs.view", run_id=run.id) + "#build")


@bp.post("/builds/<int:job_id>/retry")
def retry(job_id: int) -> Response:
    job = own_job_or_404(job_id)
    if job.state != "failed":
        abort(409)
    build_jobs.retry(job)
    target = url_for("lesson_runs.view", run_id=job.lesson_run_id) if job.lesson_run_id else None
    return redirect((target or url_for("classes.view", class_id=job.class_id)) + "#build")


@bp.get("/builds/<int:job_id>.json")
def status(job_id: int) -> Response:
    return jsonify(job_status(own_job_or_404(job_id)))


def job_status(job: BuildJob) -> dict[str, object]:
    return {
        "id": job.id,
        "state": job.state,
        "done": job.done,
        "total": job.total,
        "percent": job.percent,
        "error": job.error,
        "verified": job.verified,
    }


@bp.get("/builds/<int:job_id>/preview.png")
def preview(job_id: int) -> Response:
    job = own_job_or_404(job_id)
    return picture_response(lambda: preview_png(job.estate_id, dict(job.variants)))


@bp.get("/runs/<int:run_id>/phases/<int:index>/preview.png")
def phase_preview(run_id: int, index: int) -> Response:
    run = own_run_or_404(run_id)
    plan = lesson_plans.lesson(run.lesson_id)
    target = lesson_plans.build_target(plan, lesson_plans.phase_at(plan, index))
    if target is None:
        abort(404)
    estate_id, variants = target
    return picture_response(lambda: preview_png(estate_id, variants))
