"""Builds in the game as background jobs: a thread per job, the job row its only shared state.

Error texts are stored in the default language (Danish): the thread has no request to choose by.

`start_build` is the one entry point (lesson runs use it; so can a vote that builds its winner).
Progress is written to the row so any page, in any worker, can show it.
"""

import logging
import threading
import time
from typing import Any

from flask import Flask, current_app
from flask_babel import gettext as _
from sqlalchemy import select

from minecraft_scripts.generate import model_size
from minecraft_scripts.server.connection import GameConnection, GameConnectionError
from teacher_portal.core.clock import utcnow
from teacher_portal.core.events import emit
from teacher_portal.core.extensions import db
from teacher_portal.game import areas
from teacher_portal.game.servers import server_for
from teacher_portal.models import BuildJob, LessonRun, SchoolClass
from worlds.catalog import load_estate
from worlds.datafile import DataFileError

log = logging.getLogger(__name__)

PROGRESS_WRITE_INTERVAL = (
    0.25  # seconds between progress writes; the page polls about once a second
)
ACTIVE_STATES = ("queued", "running")

_threads: dict[int, threading.Thread] = {}


def build_origin(school_class: SchoolClass, estate_id: str) -> tuple[int, int, int]:
    """Where the class builds this estate: the corner of its own area in the world, sized to
    the estate (`areas.area_for`); raises `areas.NoRoom` when the world is full."""
    width, height, depth = model_size(load_estate(estate_id))
    area = areas.area_for(school_class, (width, depth), height)
    return area.x1, area.y, area.z1


def latest_finished_build(
    school_class: SchoolClass, estate_id: str | None = None
) -> BuildJob | None:
    """The class's most recent successful build (of `estate_id`, if given): where its estate
    stands in the world, and with which variants."""
    query = select(BuildJob).where(BuildJob.class_id == school_class.id, BuildJob.state == "done")
    if estate_id is not None:
        query = query.where(BuildJob.estate_id == estate_id)
    return db.session.scalar(query.order_by(BuildJob.id.desc()))


def latest_build_of_run(run: LessonRun) -> BuildJob | None:
    """The newest build a lesson run started, whatever its state: the run page shows it."""
    return db.session.scalar(
        select(BuildJob).where(BuildJob.lesson_run_id == run.id).order_by(BuildJob.id.desc())
    )


def _unfinished_jobs(school_class: SchoolClass) -> list[BuildJob]:
    return list(
        db.session.scalars(
            select(BuildJob).where(
                BuildJob.class_id == school_class.id, BuildJob.state.in_(ACTIVE_STATES)
            )
        )
    )


def _is_running_here(job: BuildJob) -> bool:
    thread = _threads.get(job.id)
    return thread is not None and thread.is_alive()


def active_job(school_class: SchoolClass) -> BuildJob | None:
    """The class's job whose thread is running in this process, if any."""
    return next((job for job in _unfinished_jobs(school_class) if _is_running_here(job)), None)


def fail_interrupted_jobs(school_class: SchoolClass) -> None:
    """Mark queued or running jobs that no thread runs (the portal was restarted) as failed,
    with a reason the teacher can act on."""
    interrupted = [job for job in _unfinished_jobs(school_class) if not _is_running_here(job)]
    for job in interrupted:
        job.state = "failed"
        job.error = _("The build was interrupted because the portal stopped. Start it again.")
    if interrupted:
        db.session.commit()


def start_build(
    school_class: SchoolClass,
    estate_id: str,
    variants: dict[str, str],
    lesson_run: LessonRun | None = None,
) -> BuildJob:
    """Queue a build and start its thread; while one runs for the class, that one is returned."""
    fail_interrupted_jobs(school_class)
    running = active_job(school_class)
    if running is not None:
        return running
    problem = None
    try:
        x, y, z = build_origin(school_class, estate_id)
    except (areas.NoRoom, DataFileError, LookupError) as error:
        (x, y, z), problem = (0, 0, 0), str(error)
    job = BuildJob(
        class_id=school_class.id,
        lesson_run_id=lesson_run.id if lesson_run else None,
        estate_id=estate_id,
        variants=variants,
        origin_x=x,
        origin_y=y,
        origin_z=z,
    )
    db.session.add(job)
    if problem is not None:  # the page shows why, and "Try again" asks once more
        _finish(job, "failed", error=problem)
        return job
    db.session.commit()
    _launch(current_app._get_current_object(), job.id)  # type: ignore[attr-defined]
    return job


def retry(job: BuildJob) -> BuildJob:
    """Run a failed job again with the same estate, variants and place."""
    school_class = db.session.get(SchoolClass, job.class_id)
    run = db.session.get(LessonRun, job.lesson_run_id) if job.lesson_run_id else None
    return start_build(school_class, job.estate_id, dict(job.variants), run)


def wait(job_id: int, timeout: float | None = None) -> None:
    """Block until the job's thread ends (for tests and the CLI)."""
    thread = _threads.get(job_id)
    if thread is not None:
        thread.join(timeout)


def _launch(app: Flask, job_id: int) -> None:
    thread = threading.Thread(
        target=_run, args=(app, job_id), name=f"build-job-{job_id}", daemon=True
    )
    _threads[job_id] = thread
    thread.start()


def _run(app: Flask, job_id: int) -> None:
    with app.app_context():
        try:
            job = db.session.get(BuildJob, job_id)
            job.state = "running"
            db.session.commit()
            _build(job)
        except (GameConnectionError, OSError) as error:
            _fail(job_id, _("The game server did not answer: %(detail)s", detail=str(error)))
        except (DataFileError, LookupError) as error:
            _fail(job_id, _("The estate could not be loaded: %(detail)s", detail=str(error)))
        except Exception as error:  # a job must always end with a reason the teacher can read
            log.exception("build job %s failed", job_id)
            _fail(job_id, f"{type(error).__name__}: {error}")
        finally:
            db.session.remove()


def _fail(job_id: int, error: str) -> None:
    db.session.rollback()
    job = db.session.get(BuildJob, job_id)
    if job is None:  # the class was deleted while it was building: nobody is waiting
        return
    _finish(job, "failed", error=error)


def _build(job: BuildJob) -> None:
    from minecraft_scripts.server.build import build_estate  # written by the estates part

    estate = load_estate(job.estate_id)
    school_class = db.session.get(SchoolClass, job.class_id)
    width, _height, depth = model_size(estate)
    origin = (job.origin_x, job.origin_y, job.origin_z)
    problem = areas.build_problem(school_class, origin, (width, depth))
    if problem is not None:
        _finish(job, "failed", error=problem)
        return
    server = server_for(school_class)
    with GameConnection(server.host, server.port) as conn:
        report = build_estate(
            conn,
            estate,
            variants=job.variants or None,
            at=(job.origin_x, job.origin_y, job.origin_z),
            verify=True,
            diff=True,
            progress=_progress_writer(job),
        )
    job.verified = report.verified
    job.mismatches = report.mismatches
    if report.verified:
        _finish(job, "done", done=job.total or 1)
        emit("build_done", job)
    else:
        error = _("%(count)d blocks differ after building. Try again.", count=report.mismatches)
        _finish(job, "failed", error=error)


def _progress_writer(job: BuildJob) -> Any:
    last_write = 0.0

    def write(done: int, total: int) -> None:
        nonlocal last_write
        now = time.monotonic()
        if done < total and now - last_write < PROGRESS_WRITE_INTERVAL:
            return
        last_write = now
        job.done, job.total = done, total
        db.session.commit()

    return write


def _finish(
    job: BuildJob, state: str, *, error: str | None = None, done: int | None = None
) -> None:
    job.state = state
    job.error = error
    if done is not None:
        job.done = done
        job.total = max(job.total, done)
    job.finished_at = utcnow()
    db.session.commit()
