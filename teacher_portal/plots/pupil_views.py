"""The pupils' side of the plots: their group's plot on a map and how to find it in the game,
writing the group's proposal on a phone, and the gallery."""

from dataclasses import dataclass

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from teacher_portal.estates.state import estate_origin
from teacher_portal.game.previews import picture_response
from teacher_portal.models import Proposal, Pupil
from teacher_portal.models.plots import ARGUMENT_MAX, TITLE_MAX
from teacher_portal.plots import proposals
from teacher_portal.plots.assignments import plot_of_group
from teacher_portal.plots.teacher_views import map_png, plots_estate
from teacher_portal.pupils.session import current_pupil, pupil_required
from worlds.schema import Plot

bp = Blueprint("pupil", __name__, url_prefix="/pupil")


@dataclass(frozen=True)
class GroupPlot:
    """Where the pupil's group builds: the plot, and its corners in game coordinates."""

    estate_id: str
    plot: Plot
    x1: int
    z1: int
    x2: int
    z2: int


def group_plot(pupil: Pupil) -> GroupPlot | None:
    if pupil.group is None:
        return None
    estate_id = plots_estate(pupil.school_class)
    plot = plot_of_group(pupil.group, estate_id) if estate_id else None
    if plot is None:
        return None
    x, _, z = estate_origin(pupil.school_class, estate_id)
    area = plot.footprint()
    return GroupPlot(estate_id, plot, x + area.x1, z + area.z1, x + area.x2, z + area.z2)


@dataclass(frozen=True)
class PlotPanel:
    """What the pupil page shows of the plots: the group's plot, its text, the gallery."""

    where: GroupPlot
    proposal: Proposal | None
    gallery: bool


def plot_panel(pupil: Pupil) -> PlotPanel | None:
    where = group_plot(pupil)
    if where is None:
        return None
    gallery = any(e.has_build for e in proposals.entries(pupil.school_class, where.estate_id))
    return PlotPanel(where, proposals.proposal_of(pupil.group, where.estate_id), gallery)


@bp.route("/proposal", methods=["GET", "POST"])
@pupil_required
def proposal() -> str | Response:
    """The group's title and argument; any member may write it, the last save counts."""
    where = group_plot(current_pupil)
    if where is None:
        abort(404)
    stored = proposals.proposal_of(current_pupil.group, where.estate_id)
    form = proposals.ProposalForm(obj=stored)
    if form.validate_on_submit():
        proposals.save_proposal(current_pupil.group, where.estate_id, form)
        flash(_("Your group's proposal is saved. Everyone in the group can change it."), "success")
        return redirect(url_for("pupils.home.index") + "#plot")
    return render_template(
        "plots/proposal_form.html",
        form=form,
        where=where,
        group=current_pupil.group,
        title_max=TITLE_MAX,
        argument_max=ARGUMENT_MAX,
        lang=str(get_locale()),
    )


@bp.get("/gallery")
@pupil_required
def gallery() -> str:
    school_class = current_pupil.school_class
    estate_id = plots_estate(school_class)
    if estate_id is None:
        abort(404)
    return render_template(
        "plots/gallery.html",
        school_class=school_class,
        entries=[e for e in proposals.entries(school_class, estate_id) if e.has_build],
        projector=False,
        lang=str(get_locale()),
    )


@bp.get("/plot-map.png")
@pupil_required
def plot_map() -> Response:
    where = group_plot(current_pupil)
    if where is None:
        abort(404)
    school_class = current_pupil.school_class
    return picture_response(
        lambda: map_png(school_class, where.estate_id, where.plot.id, legend=False)
    )
