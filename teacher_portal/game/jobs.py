"""Builds in the game as background jobs: a thread per job, the job row its only shared state.

Error texts are stored in the default language (Danish): the thread has no request to choose by.

`start_job` is the one entry point; what a kind of job does is registered by its feature
(`register_work`): `estates` builds the class's estate state, `plots` captures the plots.
Progress is written to the row so any page, in any worker, can show it.
"""

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from flask import Flask, current_app
from flask_babel import gettext as _
from sqlalchemy import select

from minecraft_scripts.plots import PlotProblem
from minecraft_scripts.server.connection import GameConnectionError
from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db
from teacher_portal.game.areas import NoRoom
from teacher_portal.models import JOB_KINDS, BuildJob, LessonRun, SchoolClass
from worlds.datafile import DataFileError

log = logging.getLogger(__name__)

PROGRESS_WRITE_INTERVAL = (
    0.25  # seconds between progress writes; the page polls about once a second
)
ACTIVE_STATES = ("queued", "running")

_threads: dict[int, threading.Thread] = {}


def latest_finished_build(
    school_class: SchoolClass, estate_id: str | None = None
) -> BuildJob | None:
    """The class's most recent successful build (of `estate_id`, if given): where its estate
    stands in the world, and with which variants."""
    query = select(BuildJob).where(
        BuildJob.class_id == school_class.id, BuildJob.kind == "build", BuildJob.state == "done"
    )
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


Work = Callable[[BuildJob], None]
"""What a job of one kind does in its thread; it ends the job with `finish`."""
_work: dict[str, Work] = {}


def register_work(kind: str, work: Work) -> None:
    """Features say what their kind of job does (`estates`: build, `plots`: capture)."""
    if kind not in JOB_KINDS:
        raise ValueError(f"unknown job kind {kind!r}; choose one of {', '.join(JOB_KINDS)}")
    _work[kind] = work


def start_job(
    school_class: SchoolClass,
    kind: str,
    estate_id: str,
    origin: tuple[int, int, int],
    *,
    variants: dict[str, str] | None = None,
    plots: list[str] | None = None,
    sites: list[str] | None = None,
    lesson_run: LessonRun | None = None,
) -> BuildJob:
    """Queue a job and start its thread; while one runs for the class, that one is returned
    (a capture and a build must not read and write the same world at once)."""
    fail_interrupted_jobs(school_class)
    running = active_job(school_class)
    if running is not None:
        return running
    job = BuildJob(
        class_id=school_class.id,
        lesson_run_id=lesson_run.id if lesson_run else None,
        kind=kind,
        estate_id=estate_id,
        variants=variants or {},
        plots=plots or [],
        sites=sites or [],
        origin_x=origin[0],
        origin_y=origin[1],
        origin_z=origin[2],
    )
    db.session.add(job)
    db.session.commit()
    _launch(current_app._get_current_object(), job.id)  # type: ignore[attr-defined]
    return job


def refused_job(
    school_class: SchoolClass,
    kind: str,
    estate_id: str,
    error: str,
    *,
    lesson_run: LessonRun | None = None,
) -> BuildJob:
    """A job that cannot start (no room in the world): recorded as failed with the reason,
    so the page says what to do and *Try again* asks once more."""
    running = active_job(school_class)
    if running is not None:
        return running
    job = BuildJob(
        class_id=school_class.id,
        lesson_run_id=lesson_run.id if lesson_run else None,
        kind=kind,
        estate_id=estate_id,
        origin_x=0,
        origin_y=0,
        origin_z=0,
    )
    db.session.add(job)
    finish(job, "failed", error=error)
    return job


def retry(job: BuildJob) -> BuildJob:
    """Run a failed job again: same kind, estate, plots, sites and place."""
    school_class = db.session.get(SchoolClass, job.class_id)
    run = db.session.get(LessonRun, job.lesson_run_id) if job.lesson_run_id else None
    origin = (job.origin_x, job.origin_y, job.origin_z)
    return start_job(
        school_class,
        job.kind,
        job.estate_id,
        origin,
        variants=dict(job.variants),
        plots=list(job.plots),
        sites=list(job.sites),
        lesson_run=run,
    )


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
            _work[job.kind](job)
        except (GameConnectionError, OSError) as error:
            _fail(job_id, _("The game server did not answer: %(detail)s", detail=str(error)))
        except (DataFileError, LookupError) as error:
            _fail(job_id, _("The estate could not be loaded: %(detail)s", detail=str(error)))
        except (PlotProblem, NoRoom) as error:
            _fail(job_id, str(error))
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
    finish(job, "failed", error=error)


def progress_writer(job: BuildJob) -> Any:
    """`progress(done, total)` for a job's work: written to its row a few times a second."""
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


def finish(job: BuildJob, state: str, *, error: str | None = None, done: int | None = None) -> None:
    """End a job: done or failed (with a reason the teacher can act on)."""
    job.state = state
    job.error = error
    if done is not None:
        job.done = done
        job.total = max(job.total, done)
    job.finished_at = utcnow()
    db.session.commit()
