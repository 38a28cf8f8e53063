"""Build jobs on the web: start a phase's build (the class's estate state, with the lesson's
variants where the class has decided nothing), follow its progress, retry, see the picture."""

from flask import Blueprint, Response, abort, flash, jsonify, redirect, url_for
from flask_babel import gettext as _
from flask_login import login_required

from teacher_portal.classes.access import own_class_or_404, own_job_or_404, own_run_or_404
from teacher_portal.estates.build_jobs import start_estate_build
from teacher_portal.estates.pictures import planned_png
from teacher_portal.game import jobs
from teacher_portal.game.previews import picture_response, preview_png, site_png
from teacher_portal.lesson_runs.runs import current_phase, phase_of
from teacher_portal.models import BuildJob

bp = Blueprint("builds", __name__)


@bp.before_request
@login_required
def _teachers_only() -> None:
    """Every page here is a teacher's."""


@bp.post("/runs/<int:run_id>/build")
def start(run_id: int) -> Response:
    """Build what the run's current phase asks for on the class's game server."""
    run = own_run_or_404(run_id)
    target = current_phase(run).build_target
    if target is None:
        flash(_("This phase has nothing to build."), "error")
    else:
        school_class = own_class_or_404(run.class_id)
        start_estate_build(
            school_class, target.estate_id, lesson_variants=target.variants, lesson_run=run
        )
    return redirect(url_for("lesson_runs.view", run_id=run.id) + "#build")


@bp.post("/builds/<int:job_id>/retry")
def retry(job_id: int) -> Response:
    job = own_job_or_404(job_id)
    if job.state != "failed":
        abort(409)
    jobs.retry(job)
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


@bp.get("/estates/<estate_id>/sites/<site_id>/<variant_id>.png")
def variant_preview(estate_id: str, site_id: str, variant_id: str) -> Response:
    """A close-up of a site with one of its variants, for the lesson page."""
    return picture_response(lambda: site_png(estate_id, site_id, variant_id))


@bp.get("/runs/<int:run_id>/phases/<int:index>/preview.png")
def phase_preview(run_id: int, index: int) -> Response:
    """What the phase's build will build: the lesson's variants with the class's decisions."""
    run = own_run_or_404(run_id)
    target = phase_of(run, index).build_target
    if target is None:
        abort(404)
    school_class = own_class_or_404(run.class_id)
    return picture_response(lambda: planned_png(school_class, target.estate_id, target.variants))
