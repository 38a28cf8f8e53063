"""Work in the game as background jobs (estate builds, winner builds, captures, exports); the
job row is the only state they share with the pages.

The seam other features use:
- `start_job(school_class, kind, estate_id, origin, ...)` is the one entry point. While a job
  of the class is queued or running, that one is returned instead: a capture and a build must
  not read and write the same world at once.
- What a kind of job does is registered by its feature, `register_work(kind, work)`:
  `estates` builds the class's estate state, `plots` captures the plots. `work(job)` runs in
  a worker with an app context; it reports with `progress_writer(job)` and ends with
  `finish(job, ...)`. An exception ends the job as failed with a reason the teacher can read.
- The row (`BuildJob`: state, done, total, percent, error, verified, attempts) is what every
  page reads, so any web process shows any job.

Where the work runs is `teacher_portal.background`'s business: a thread of the portal
process (embedded SQLite), or a `jagten worker` process through PostgreSQL. A job outlives the
web process that started it; when its worker dies it is run again by another worker, and after
`MAX_ATTEMPTS` starts it fails with that reason: it is never left "running".

Error texts are stored in the default language (Danish): the worker has no request to choose by.
"""

import logging
import time
from collections.abc import Callable
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select

from minecraft_scripts.plots import PlotProblem
from minecraft_scripts.server.build import BuildInterrupted
from minecraft_scripts.server.bulk import BulkRefused
from minecraft_scripts.server.connection import GameConnectionError
from teacher_portal import background
from teacher_portal.background import sweep
from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db
from teacher_portal.game.areas import NoRoom
from teacher_portal.models import JOB_KINDS, BuildJob, LessonRun, SchoolClass
from worlds.datafile import DataFileError

log = logging.getLogger(__name__)

PROGRESS_WRITE_INTERVAL = 0.25  # seconds between progress writes; pages poll about once a second
ACTIVE_STATES = ("queued", "running")
MAX_ATTEMPTS = 2  # a job whose worker died is run once more, then failed
TASK = "game.job"

Work = Callable[[BuildJob], None]
"""What a job of one kind does in its worker; it ends the job with `finish`."""
_work: dict[str, Work] = {}


def register_work(kind: str, work: Work) -> None:
    """Features say what their kind of job does (`estates`: build, `plots`: capture)."""
    if kind not in JOB_KINDS:
        raise ValueError(f"unknown job kind {kind!r}; choose one of {', '.join(JOB_KINDS)}")
    _work[kind] = work


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


def _key(job_id: int) -> str:
    return f"game-job-{job_id}"


def _unfinished_jobs(school_class: SchoolClass | None = None) -> list[BuildJob]:
    query = select(BuildJob).where(BuildJob.state.in_(ACTIVE_STATES))
    if school_class is not None:
        query = query.where(BuildJob.class_id == school_class.id)
    return list(db.session.scalars(query))


def active_job(school_class: SchoolClass) -> BuildJob | None:
    """The class's queued or running job, if one may still be running somewhere."""
    return next(
        (job for job in _unfinished_jobs(school_class) if background.may_be_running(_key(job.id))),
        None,
    )


def fail_interrupted_jobs(school_class: SchoolClass | None = None) -> None:
    """Mark queued or running jobs that nothing runs any more (the embedded portal was
    restarted; a worker gave up) as failed, with a reason the teacher can act on. Every
    worker's sweep does this for all classes."""
    interrupted = [
        job for job in _unfinished_jobs(school_class) if not background.may_be_running(_key(job.id))
    ]
    for job in interrupted:
        job.state = "failed"
        job.error = _("The build was interrupted because the portal stopped. Start it again.")
    if interrupted:
        db.session.commit()


sweep.every_sweep(fail_interrupted_jobs)


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
    """Queue a job of a registered kind; while one of the class is unfinished, that one is
    returned. The row and the queue's entry are committed together."""
    if kind not in _work:
        raise LookupError(f"no work is registered for jobs of kind {kind!r}")
    fail_interrupted_jobs(school_class)
    running = active_job(school_class)
    if running is not None:
        return running
    job = _new_job(school_class, kind, estate_id, origin, lesson_run)
    job.variants, job.plots, job.sites = variants or {}, plots or [], sites or []
    db.session.flush()
    background.defer(TASK, _key(job.id), job_id=job.id)
    db.session.commit()
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
    job = _new_job(school_class, kind, estate_id, (0, 0, 0), lesson_run)
    finish(job, "failed", error=error)
    return job


def _new_job(
    school_class: SchoolClass,
    kind: str,
    estate_id: str,
    origin: tuple[int, int, int],
    lesson_run: LessonRun | None,
) -> BuildJob:
    job = BuildJob(
        class_id=school_class.id,
        lesson_run_id=lesson_run.id if lesson_run else None,
        kind=kind,
        estate_id=estate_id,
        origin_x=origin[0],
        origin_y=origin[1],
        origin_z=origin[2],
    )
    db.session.add(job)
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
    """Block until the job's thread ends, where this process runs it (tests and the CLI)."""
    background.wait(_key(job_id), timeout)


@background.task(TASK)
def run_job(job_id: int) -> None:
    """The queue's entry point: one start of the job, with its kind's work."""
    job = db.session.get(BuildJob, job_id)
    if job is None or job.state not in ACTIVE_STATES:
        return  # the class was deleted, or the job ended before its worker died
    if job.attempts >= MAX_ATTEMPTS:
        reason = _(
            "The process running the job stopped %(count)d times. Start it again.",
            count=job.attempts,
        )
        finish(job, "failed", error=reason)
        return
    work = _work.get(job.kind)
    if work is None:  # a worker of an older version: another one may know it
        finish(job, "failed", error=f"No work is registered for jobs of kind {job.kind!r}.")
        return
    job.attempts += 1
    job.state, job.done = "running", 0
    db.session.commit()
    try:
        work(job)
    except BuildInterrupted as cut:
        _fail(job_id, _("The game server went away after %(done)s of %(total)s blocks. "
                        "Build again to finish; what stands already is kept.",
                        done=cut.done, total=cut.total))  # fmt: skip
    except BulkRefused as error:
        _fail(job_id, _("The game server refused part of the build: %(detail)s",
                        detail=str(error)))  # fmt: skip
    except (GameConnectionError, OSError) as error:
        _fail(job_id, _("The game server did not answer: %(detail)s", detail=str(error)))
    except (DataFileError, LookupError) as error:
        _fail(job_id, _("The estate could not be loaded: %(detail)s", detail=str(error)))
    except (PlotProblem, NoRoom) as error:
        _fail(job_id, str(error))
    except Exception as error:  # a job must always end with a reason the teacher can read
        log.exception("job %s failed", job_id)
        _fail(job_id, f"{type(error).__name__}: {error}")


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
    """End a job: done, or failed with a reason the teacher can act on."""
    job.state = state
    job.error = error
    if done is not None:
        job.done = done
        job.total = max(job.total, done)
    job.finished_at = utcnow()
    db.session.commit()
