"""Vote → build: the winning variant of a site vote is built on the class's game server.

The build is the portal's build job with the diff rebuild, so only the site's blocks change.
"Before" is what the class last built of that estate (or its default variants); "after" is
the same with the winner on the site. Both pictures are shown on the task's page.
"""

from flask import Blueprint, Response, abort, flash
from flask_babel import gettext as _
from flask_login import login_required
from sqlalchemy import select

from teacher_portal import build_jobs
from teacher_portal.extensions import db
from teacher_portal.models import BuildJob, SchoolClass
from teacher_portal.models.voting import VotingTask
from teacher_portal.previews import picture_response, preview_png
from teacher_portal.voting.access import own_task_or_404

bp = Blueprint("winner", __name__)


@bp.before_request
@login_required
def _teachers_only() -> None:
    """The pictures belong to the teacher's task page."""


def winning_variant(task: VotingTask) -> str | None:
    winners = (task.result or {}).get("winners") or []
    option = next((o for o in task.options if winners and o["key"] == winners[0]), None)
    return option["variant"] if option else None


def standing_variants(task: VotingTask) -> dict[str, str]:
    """The variants of the class's last finished build of this estate ({} = defaults)."""
    last = db.session.scalar(
        select(BuildJob)
        .where(
            BuildJob.class_id == task.class_id,
            BuildJob.estate_id == task.estate_id,
            BuildJob.state == "done",
        )
        .order_by(BuildJob.id.desc())
    )
    return dict(last.variants) if last and last.variants else {}


def after_variants(task: VotingTask) -> dict[str, str]:
    return {**(task.before_variants or {}), task.site_id: winning_variant(task)}


def build_winner(task: VotingTask) -> BuildJob | None:
    """Start the build of the winner; None when nothing was decided."""
    if winning_variant(task) is None:
        flash(_("No winner was decided, so nothing is built."), "info")
        return None
    if task.before_variants is None:
        task.before_variants = standing_variants(task)
    school_class = db.session.get(SchoolClass, task.class_id)
    job = build_jobs.start_build(school_class, task.estate_id, after_variants(task))
    if job.estate_id != task.estate_id or dict(job.variants) != after_variants(task):
        flash(_("Another build is running. Build the winner when it is done."), "error")
    else:
        task.build_job_id = job.id
        flash(_("The winner is being built in the game."), "success")
    db.session.commit()
    return job


def build_job(task: VotingTask) -> BuildJob | None:
    return db.session.get(BuildJob, task.build_job_id) if task.build_job_id else None


def _png(task: VotingTask, variants: dict[str, str]) -> Response:
    return picture_response(lambda: preview_png(task.estate_id, variants))


@bp.get("/votes/<int:task_id>/before.png")
def before_picture(task_id: int) -> Response:
    task = own_task_or_404(task_id)
    if not task.builds or task.before_variants is None:
        abort(404)
    return _png(task, task.before_variants)


@bp.get("/votes/<int:task_id>/after.png")
def after_picture(task_id: int) -> Response:
    task = own_task_or_404(task_id)
    if not task.builds or winning_variant(task) is None:
        abort(404)
    return _png(task, after_variants(task))
