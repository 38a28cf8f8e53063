"""Ownership checks: a teacher reaches only her own classes; anything else is a plain 404."""

from flask import abort
from flask_login import current_user

from teacher_portal.extensions import db
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


def own_run_or_404(run_id: int) -> LessonRun:
    run = db.session.get(LessonRun, run_id)
    if run is None:
        abort(404)
    own_class_or_404(run.class_id)
    return run


def own_job_or_404(job_id: int) -> BuildJob:
    job = db.session.get(BuildJob, job_id)
    if job is None:
        abort(404)
    own_class_or_404(job.class_id)
    return job
