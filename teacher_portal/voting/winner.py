"""Vote → build: the winning variant of a site vote is built on the class's game server.

The build is the portal's build job with the diff rebuild, so only the site's blocks change.
"Before" is what the class last built of that estate (or its default variants); "after" is
the same with the winner on the site. Both pictures are shown on the task's page.
"""

from enum import Enum

from flask import Blueprint, Response, abort
from flask_login import login_required

from teacher_portal.core.extensions import db
from teacher_portal.game import jobs
from teacher_portal.game.previews import picture_response, preview_png
from teacher_portal.models import BuildJob, SchoolClass
from teacher_portal.models.voting import VotingTask
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
    school_class = db.session.get(SchoolClass, task.class_id)
    last = jobs.latest_finished_build(school_class, task.estate_id)
    return dict(last.variants) if last and last.variants else {}


def after_variants(task: VotingTask) -> dict[str, str]:
    return {**(task.before_variants or {}), task.site_id: winning_variant(task)}


class WinnerBuild(Enum):
    """What asking for the winner's build came to; the page words it for the teacher."""

    STARTED = "started"
    NO_WINNER = "no_winner"
    BUSY = "busy"  # another build of the class runs; build the winner when it is done


def build_winner(task: VotingTask) -> WinnerBuild:
    """Start the build of the winner, unless nothing was decided or another build runs."""
    if winning_variant(task) is None:
        return WinnerBuild.NO_WINNER
    if task.before_variants is None:
        task.before_variants = standing_variants(task)
    school_class = db.session.get(SchoolClass, task.class_id)
    job = jobs.start_build(school_class, task.estate_id, after_variants(task))
    started = job.estate_id == task.estate_id and dict(job.variants) == after_variants(task)
    if started:
        task.build_job_id = job.id
    db.session.commit()
    return WinnerBuild.STARTED if started else WinnerBuild.BUSY


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
