"""Every build of a class builds its estate state: a lesson's build phase, *Build again*, a
vote's winner, an undo, a rebuild after a server reset. This is the one way in.

A lesson's build sets the variants it asks for where the class has decided nothing; the
class's decisions always win. The job's thread builds the state as it is when it runs.

Every build first places the estate in the class's own area (`game.areas`), and refuses to
run where it would touch another class's land; a finished build puts the class in the
managed world (`build_done`: accounts, protection, plots).
"""

from flask_babel import gettext as _
from sqlalchemy import select

from minecraft_scripts.generate import model_size
from minecraft_scripts.server.connection import GameConnection
from minecraft_scripts.server.game_kinds import placement_problem
from teacher_portal.core.clock import utcnow
from teacher_portal.core.events import emit
from teacher_portal.core.extensions import db
from teacher_portal.estates.building import build_state
from teacher_portal.estates.catalog import load_estate
from teacher_portal.estates.state import class_estate, estate_state
from teacher_portal.game import areas, jobs
from teacher_portal.game.servers import server_for
from teacher_portal.models import BuildJob, ClassEstate, LessonRun, SchoolClass


def start_estate_build(
    school_class: SchoolClass,
    estate_id: str,
    *,
    lesson_variants: dict[str, str] | None = None,
    sites: list[str] | None = None,
    lesson_run: LessonRun | None = None,
) -> BuildJob:
    """Build the class's estate state; `lesson_variants` (a lesson's build phase) become the
    variants of every site the class has not decided, `sites` limits the build to those."""
    try:
        estate = estate_in_area(school_class, estate_id)
    except areas.NoRoom as error:  # nothing moved: the page says what to do
        return jobs.refused_job(school_class, "build", estate_id, str(error), lesson_run=lesson_run)
    if lesson_variants is not None and jobs.active_job(school_class) is None:
        estate.base_variants = dict(lesson_variants)
    return jobs.start_job(
        school_class,
        "build",
        estate_id,
        estate.origin,
        variants=dict(estate.base_variants or {}),
        sites=sites,
        lesson_run=lesson_run,
    )


def estate_in_area(school_class: SchoolClass, estate_id: str) -> ClassEstate:
    """The class's row for this estate, standing in the class's area (allocated or moved
    there when the estate does not fit); raises `areas.NoRoom` when the world is full."""
    estate = class_estate(school_class, estate_id)
    estate.origin_x, estate.origin_y, estate.origin_z = areas.build_origin(school_class, estate_id)
    db.session.flush()
    return estate


def run_build(job: BuildJob) -> None:
    """The build job's work: the state, by diff, verified; the plots kept if they are the
    groups' already (this estate stood there last). Never outside the class's own area."""
    school_class = db.session.get(SchoolClass, job.class_id)
    estate = estate_in_area(school_class, job.estate_id)
    job.origin_x, job.origin_y, job.origin_z = estate.origin
    width, _height, depth = model_size(load_estate(job.estate_id))
    problem = areas.build_problem(school_class, estate.origin, (width, depth))
    if problem is not None:
        jobs.finish(job, "failed", error=problem)
        return
    state = estate_state(estate)
    keep_plots = _plots_are_the_groups(school_class, job)
    server = server_for(school_class)
    problem = placement_problem(server.kind, estate.origin, model_size(state.estate))
    if problem:  # refused before connecting: outside the world, a build harms the server
        error = _("The estate does not fit in the game's world: %(why)s.", why=problem)
        jobs.finish(job, "failed", error=error)
        return
    with GameConnection(server.host, server.port) as conn:
        report = build_state(
            conn,
            state,
            estate.origin,
            sites=list(job.sites) or None,
            keep_plots=keep_plots,
            progress=jobs.progress_writer(job),
        )
    job.verified = report.verified
    job.mismatches = report.mismatches
    job.covers = list(report.covers)
    if report.verified:
        estate.built_at = utcnow()
        jobs.finish(job, "done", done=job.total or 1)
        emit("build_done", job)
    else:
        error = _("%(count)d blocks differ after building. Try again.", count=report.mismatches)
        jobs.finish(job, "failed", error=error)


def _plots_are_the_groups(school_class: SchoolClass, job: BuildJob) -> bool:
    """True once this estate has stood in the class's place: its plots may hold the groups'
    builds. The first build (or one after another estate stood there) clears them."""
    last = db.session.scalar(
        select(BuildJob)
        .where(
            BuildJob.class_id == school_class.id,
            BuildJob.kind == "build",
            BuildJob.state == "done",
            BuildJob.id != job.id,
        )
        .order_by(BuildJob.id.desc())
    )
    return last is not None and last.estate_id == job.estate_id


def init_app() -> None:
    jobs.register_work("build", run_build)
