"""Ownership checks: a teacher reaches only her own classes; anything else is a plain 404."""

from typing import Protocol, TypeVar

from flask import abort
from flask_login import current_user

from teacher_portal.core.extensions import db
from teacher_portal.models import BuildJob, LessonRun, Pupil, SchoolClass


def own_class_or_404(class_id: int) -> SchoolClass:
    """The class if the logged-in teacher owns it; 404 (not 403) so others learn nothing."""
    school_class = db.session.get(SchoolClass, class_id)
    if school_class is None or school_class.teacher_id != current_user.id:
        abort(404)
    return school_class


def own_pupil_or_404(class_id: int, pupil_id: int) -> Pupil:
    school_class = own_class_or_404(class_id)
    pupil = db.session.get(Pupil, pupil_id)
    if pupil is None or pupil.class_id != school_class.id:
        abort(404)
    return pupil


class ClassRow(Protocol):
    class_id: int


Row = TypeVar("Row", bound=ClassRow)


def own_row_or_404(model: type[Row], row_id: int) -> Row:
    """A row that belongs to a class (a lesson run, a build, a vote) if the teacher owns
    that class; 404 otherwise, exactly as for the class itself."""
    row = db.session.get(model, row_id)
    if row is None:
        abort(404)
    own_class_or_404(row.class_id)
    return row


def own_run_or_404(run_id: int) -> LessonRun:
    return own_row_or_404(LessonRun, run_id)


def own_job_or_404(job_id: int) -> BuildJob:
    return own_row_or_404(BuildJob, job_id)
