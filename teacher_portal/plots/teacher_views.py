"""The teacher's plots page: which group builds where, capturing the plots (all in one job,
or one again), the gallery for the projector, and the pictures."""

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from minecraft_scripts.generate import generate
from minecraft_scripts.preview import estate_labels, png_bytes, render_map
from teacher_portal.classes.access import own_class_or_404
from teacher_portal.core.events import emit
from teacher_portal.core.extensions import db
from teacher_portal.estates import measures
from teacher_portal.estates.catalog import load_estate
from teacher_portal.estates.state import (
    current_estate_id,
    estate_now,
    state_key,
    stored_estate,
    variants_now,
)
from teacher_portal.game import jobs
from teacher_portal.game.previews import picture_response
from teacher_portal.models import PlotCapture, SchoolClass
from teacher_portal.plots import assignments, captures, proposals
from teacher_portal.pupils.session import current_pupil
from worlds.schema import Plot

bp = Blueprint("teacher", __name__)


def plots_estate(school_class: SchoolClass) -> str | None:
    """The estate whose plots the class uses now: the running lesson's, or the last built."""
    estate_id = current_estate_id(school_class)
    if estate_id is None or not load_estate(estate_id).plots:
        return None
    return estate_id


def _plots_url(school_class: SchoolClass) -> str:
    return url_for("plots.teacher.page", class_id=school_class.id)


@bp.get("/classes/<int:class_id>/plots")
@login_required
def page(class_id: int) -> str:
    school_class = own_class_or_404(class_id)
    estate_id = plots_estate(school_class)
    if estate_id is None:
        return render_template("plots/none.html", school_class=school_class)
    job = captures.latest_capture_job(school_class)
    estate = load_estate(estate_id)
    done = captures.job_captures(job) if job and job.state == "done" else []
    names = {plot.id: plot.name.get(str(get_locale())) for plot in estate.plots}
    return render_template(
        "plots/page.html",
        school_class=school_class,
        estate=estate,
        table=assignments.plot_table(school_class, estate_id),
        groups=assignments.class_groups(school_class),
        entries=proposals.entries(school_class, estate_id),
        job=job,
        job_captures=done,
        empty_plots=[names[capture.plot_id] for capture in done if capture.is_empty],
        built=_is_built(school_class, estate_id),
        busy=jobs.active_job(school_class) is not None,
        lang=str(get_locale()),
    )


def _is_built(school_class: SchoolClass, estate_id: str) -> bool:
    stored = stored_estate(school_class, estate_id)
    return stored is not None and stored.built_at is not None


@bp.post("/classes/<int:class_id>/plots/in-order")
@login_required
def in_order(class_id: int) -> Response:
    school_class = own_class_or_404(class_id)
    estate_id = plots_estate(school_class) or abort(404)
    table = assignments.assign_in_order(school_class, estate_id)
    emit("class_changed", school_class)  # the game's plots follow
    flash(_("The groups have their plots, in order."), "success")
    _say_groups_without_plot(table)
    return _back_or(_plots_url(school_class))


@bp.post("/classes/<int:class_id>/plots")
@login_required
def save(class_id: int) -> Response:
    school_class = own_class_or_404(class_id)
    estate_id = plots_estate(school_class) or abort(404)
    choice = {
        plot_id: request.form.get(f"plot-{plot_id}", type=int)
        for plot_id in assignments.lesson_plot_ids(school_class, estate_id)
    }
    try:
        assignments.assign(school_class, estate_id, choice)
    except assignments.AssignmentProblem as problem:
        flash(
            _("%(group)s is chosen for two plots; a group builds in one plot.", group=problem),
            "error",
        )
        return redirect(_plots_url(school_class))
    emit("class_changed", school_class)
    flash(_("Saved."), "success")
    _say_groups_without_plot(assignments.plot_table(school_class, estate_id))
    return redirect(_plots_url(school_class))


def _say_groups_without_plot(table: assignments.PlotTable) -> None:
    if table.groups_without_plot:
        flash(groups_without_plot_text(table), "error")


def groups_without_plot_text(table: assignments.PlotTable) -> str:
    """More groups than plots, said plainly with what to do about it."""
    names = ", ".join(group.name for group in table.groups_without_plot)
    return _(
        "%(names)s have no plot: the lesson has %(plots)d plots for %(groups)d groups. Move "
        "their pupils into other groups on the class page and remove the empty groups, or "
        "choose them instead of another group below.",
        names=names,
        plots=len(table.rows),
        groups=len(table.assigned) + len(table.groups_without_plot),
    )


@bp.post("/classes/<int:class_id>/plots/capture")
@login_required
def capture_all(class_id: int) -> Response:
    """One job that captures every plot a group builds in."""
    school_class = own_class_or_404(class_id)
    estate_id = plots_estate(school_class) or abort(404)
    table = assignments.plot_table(school_class, estate_id)
    return _start(school_class, estate_id, [row.plot.id for row in table.assigned])


@bp.post("/classes/<int:class_id>/plots/<plot_id>/capture")
@login_required
def capture_one(class_id: int, plot_id: str) -> Response:
    school_class = own_class_or_404(class_id)
    estate_id = plots_estate(school_class) or abort(404)
    if plot_id not in assignments.lesson_plot_ids(school_class, estate_id):
        abort(404)
    return _start(school_class, estate_id, [plot_id])


def _start(school_class: SchoolClass, estate_id: str, plot_ids: list[str]) -> Response:
    try:
        job = captures.start_capture(school_class, estate_id, plot_ids)
    except captures.CaptureRefused as refused:
        flash(str(refused), "error")
        return redirect(_plots_url(school_class))
    if job.kind != "capture" or list(job.plots) != plot_ids:
        flash(_("Another build is running. Capture the plots when it is done."), "error")
    return _back_or(_plots_url(school_class) + "#captures")


def _back_or(default: str) -> Response:
    """Back to the page the button was on (the lesson page sends `next`), else `default`."""
    back = request.form.get("next", "")
    if back.startswith("/") and not back.startswith("//"):
        return redirect(back)
    return redirect(default)


@bp.get("/classes/<int:class_id>/gallery")
@login_required
def gallery(class_id: int) -> str:
    """Big pictures, titles and arguments: for the projector during the gallery walk."""
    school_class = own_class_or_404(class_id)
    estate_id = plots_estate(school_class) or abort(404)
    return render_template(
        "plots/gallery.html",
        school_class=school_class,
        entries=[e for e in proposals.entries(school_class, estate_id) if e.has_build],
        projector=True,
        lang=str(get_locale()),
        shadow_url=url_for("plots.teacher.gallery_shadow", class_id=class_id),
    )


@bp.get("/classes/<int:class_id>/gallery/shadow.png")
@login_required
def gallery_shadow(class_id: int) -> Response:
    school_class = own_class_or_404(class_id)
    estate_id = plots_estate(school_class) or abort(404)
    return picture_response(lambda: shadow_now_png(school_class, estate_id))


def shadow_now_png(school_class: SchoolClass, estate_id: str) -> bytes:
    """The shadow map of the estate as it stands now, for the gallery: where the sun falls
    around the plots (the groups' own builds are not measured); waits for its measures."""
    variants = variants_now(school_class, estate_id)
    return measures.shadow_map(estate_id, variants, str(get_locale()))


@bp.get("/classes/<int:class_id>/plots/map.png")
@login_required
def estate_map(class_id: int) -> Response:
    school_class = own_class_or_404(class_id)
    estate_id = plots_estate(school_class) or abort(404)
    return picture_response(lambda: map_png(school_class, estate_id, None, legend=True))


MAPS_KEPT = 32
_maps: dict[str, bytes] = {}


def map_png(
    school_class: SchoolClass, estate_id: str, plot_id: str | None, *, legend: bool
) -> bytes:
    """The estate as it stands now from above, its plots named; one plot highlighted. Kept
    by what it shows, as every phone of a class asks for it."""
    lang = str(get_locale())
    stored = stored_estate(school_class, estate_id)
    shows = state_key(stored) if stored is not None else estate_id
    key = f"{shows}/{plot_id}/{legend}/{lang}"
    if key not in _maps:
        _maps[key] = _draw_map(school_class, estate_id, plot_id, legend, lang)
        while len(_maps) > MAPS_KEPT:
            _maps.pop(next(iter(_maps)))
    return _maps[key]


def _draw_map(
    school_class: SchoolClass, estate_id: str, plot_id: str | None, legend: bool, lang: str
) -> bytes:
    estate = load_estate(estate_id)
    model = estate_now(school_class, estate_id) or generate(estate)
    labels = [(plot.name.get(lang), _rect(plot)) for plot in estate.plots]
    if legend:
        labels = estate_labels(estate, lang)  # type: ignore[arg-type]
    highlight = next((_rect(p) for p in estate.plots if p.id == plot_id), None)
    picture = render_map(
        model, scale=None if legend else 3, labels=labels, highlight=highlight, legend=legend,
        language=lang, title=estate.name.get(lang),  # type: ignore[arg-type]
    )  # fmt: skip
    return png_bytes(picture)


def _rect(area: Plot) -> tuple[int, int, int, int]:
    rect = area.footprint()
    return rect.x1, rect.z1, rect.x2, rect.z2


@bp.get("/captures/<int:capture_id>.png")
def capture_picture(capture_id: int) -> Response:
    """A proposal's picture, for its class's teacher and pupils."""
    capture = db.session.get(PlotCapture, capture_id)
    if capture is None:
        abort(404)
    if current_user.is_authenticated:
        own_class_or_404(capture.class_id)
    elif not current_pupil or current_pupil.class_id != capture.class_id:
        abort(404)
    return picture_response(lambda: captures.capture_png(capture))
