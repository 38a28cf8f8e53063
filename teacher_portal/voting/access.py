"""Who may reach a voting task: its class's teacher, or a pupil of its class once it is open.

Anything else is a plain 404, so nobody learns that another class's vote exists.
"""

from flask import abort
from flask_login import current_user
from sqlalchemy import select

from teacher_portal.classes.access import own_row_or_404
from teacher_portal.core.extensions import db
from teacher_portal.models import SchoolClass
from teacher_portal.models.voting import VotingTask
from teacher_portal.pupils.session import current_pupil


def own_task_or_404(task_id: int) -> VotingTask:
    """The task if the logged-in teacher owns its class."""
    return own_row_or_404(VotingTask, task_id)


def pupil_task_or_404(task_id: int) -> VotingTask:
    """The task if the signed-in pupil's class has it and it is no longer a draft."""
    task = db.session.get(VotingTask, task_id)
    if task is None or not current_pupil or task.class_id != current_pupil.class_id:
        abort(404)
    if task.state == "draft":
        abort(404)
    return task


def viewer_task_or_404(task_id: int) -> VotingTask:
    """For pictures both may see: the teacher's own task or the pupil's class's task."""
    if current_user.is_authenticated:
        return own_task_or_404(task_id)
    return pupil_task_or_404(task_id)


def class_tasks(school_class: SchoolClass, *, include_drafts: bool = True) -> list[VotingTask]:
    query = select(VotingTask).where(VotingTask.class_id == school_class.id)
    if not include_drafts:
        query = query.where(VotingTask.state != "draft")
    return list(db.session.scalars(query.order_by(VotingTask.id.desc())).all())
