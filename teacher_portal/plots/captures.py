"""Capturing the groups' plots: one job reads every plot (or one, again), keeps each capture,
and reports the plots where nothing was built. Captures are never changed afterwards."""

from functools import lru_cache

from flask_babel import gettext as _
from sqlalchemy import select

from minecraft_scripts.plots import capture_plot, render_captured
from minecraft_scripts.preview import png_bytes
from minecraft_scripts.server.connection import GameConnection
from teacher_portal.core.extensions import db
from teacher_portal.estates.catalog import load_estate
from teacher_portal.estates.state import captured_build, stored_estate
from teacher_portal.game import jobs
from teacher_portal.game.servers import server_for
from teacher_portal.models import BuildJob, PlotCapture, SchoolClass


class CaptureRefused(ValueError):
    """Nothing can be captured yet; the message says what to do first."""


def start_capture(school_class: SchoolClass, estate_id: str, plot_ids: list[str]) -> BuildJob:
    """One job that captures these plots of the class's estate, in order."""
    estate = stored_estate(school_class, estate_id)
    if estate is None or estate.built_at is None:
        raise CaptureRefused(_("Build the estate in the game first: the plots are part of it."))
    if not plot_ids:
        raise CaptureRefused(_("Give the groups their plots first."))
    return jobs.start_job(school_class, "capture", estate_id, estate.origin, plots=plot_ids)


def run_capture(job: BuildJob) -> None:
    """The capture job's work: read each plot, keep what stood there, count progress."""
    school_class = db.session.get(SchoolClass, job.class_id)
    estate = load_estate(job.estate_id)
    server = server_for(school_class)
    origin = (job.origin_x, job.origin_y, job.origin_z)
    progress = jobs.progress_writer(job)
    plot_ids = list(job.plots)
    with GameConnection(server.host, server.port) as conn:
        for done, plot_id in enumerate(plot_ids, start=1):
            captured = capture_plot(conn, estate, plot_id, origin)
            capture = PlotCapture(
                class_id=job.class_id,
                estate_id=job.estate_id,
                plot_id=plot_id,
                edition=captured.edition.value,
                build_job_id=job.id,
            )
            capture.keys = captured.keys
            db.session.add(capture)
            db.session.commit()
            progress(done, len(plot_ids))
    jobs.finish(job, "done", done=len(plot_ids))


def latest_captures(school_class: SchoolClass, estate_id: str) -> dict[str, PlotCapture]:
    """The newest capture of each plot of the class's estate."""
    rows = db.session.scalars(
        select(PlotCapture)
        .where(PlotCapture.class_id == school_class.id, PlotCapture.estate_id == estate_id)
        .order_by(PlotCapture.id)
    )
    return {row.plot_id: row for row in rows}


def job_captures(job: BuildJob) -> list[PlotCapture]:
    return list(
        db.session.scalars(
            select(PlotCapture).where(PlotCapture.build_job_id == job.id).order_by(PlotCapture.id)
        )
    )


def latest_capture_job(school_class: SchoolClass, *, finished: bool = False) -> BuildJob | None:
    """The class's newest capture job (with `finished`: the newest that is done)."""
    query = select(BuildJob).where(BuildJob.class_id == school_class.id, BuildJob.kind == "capture")
    if finished:
        query = query.where(BuildJob.state == "done")
    return db.session.scalar(query.order_by(BuildJob.id.desc()))


def capture_png(capture: PlotCapture) -> bytes:
    """The proposal's picture: a capture never changes, so it is drawn once (cached by its
    blocks, which also keeps two databases' captures with one id apart)."""
    return _drawn(capture.keys_data, capture.plot_id, capture.edition, capture.size_x,
                  capture.size_y, capture.size_z)  # fmt: skip


@lru_cache(maxsize=128)
def _drawn(keys_data: bytes, plot_id: str, edition: str, *size: int) -> bytes:
    capture = PlotCapture(plot_id=plot_id, edition=edition, keys_data=keys_data)
    capture.size_x, capture.size_y, capture.size_z = size
    return png_bytes(render_captured(captured_build(capture)))


def init_app() -> None:
    jobs.register_work("capture", run_capture)
