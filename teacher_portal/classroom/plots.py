"""The class's estate as it stands in the world, its plots, and who builds in which plot.

Which group builds in which plot is the plots feature's (`PlotAssignment`, set by the
teacher on the class page); the estate and where it stands are the estates feature's (the
class's estate state, built last). Protection, "send each group to its plot" and the panel
all ask here, so they follow the same assignment the pupils' phones show.
"""

from collections import OrderedDict
from dataclasses import dataclass

from sqlalchemy import select

from minecraft_scripts.estate_state import state_model
from minecraft_scripts.meeting_points import MeetingPoints, meeting_points
from teacher_portal.classroom.accounts import account_of_pupil
from teacher_portal.core.extensions import db
from teacher_portal.estates.catalog import load_estate
from teacher_portal.estates.state import estate_state, state_key, stored_estate
from teacher_portal.game.jobs import latest_finished_build
from teacher_portal.models import ClassEstate, Group, PlotAssignment, SchoolClass
from worlds.datafile import DataFileError
from worlds.geometry import Rect
from worlds.schema import Estate

POINTS_KEPT = 32
_points: OrderedDict[str, MeetingPoints] = OrderedDict()
"""Meeting points by estate state (`state_key`): finding them generates the estate."""


@dataclass(frozen=True)
class PlacedEstate:
    """The estate the class last built, where it stands, and its state's row."""

    estate: Estate
    origin: tuple[int, int, int]
    row: ClassEstate

    def ground(self, rect: Rect) -> Rect:
        """A model-local rectangle of the estate (x1, z1, x2, z2) on the world's ground."""
        x, _y, z = self.origin
        return Rect(x + rect.x1, z + rect.z1, x + rect.x2, z + rect.z2)

    def plots(self) -> dict[str, Rect]:
        return {plot.id: self.ground(plot.footprint()) for plot in self.estate.plots}

    def points(self) -> MeetingPoints:
        """Where the class meets and where each group gathers, in world coordinates."""
        local = _local_points(self.row, self.estate)
        x, y, z = self.origin
        move = lambda p: (p[0] + x, p[1] + y, p[2] + z)  # noqa: E731
        return MeetingPoints(move(local.meeting), {k: move(p) for k, p in local.plots.items()})


def _local_points(row: ClassEstate, estate: Estate) -> MeetingPoints:
    key = state_key(row)
    if key not in _points:
        _points[key] = meeting_points(estate, state_model(estate_state(row)))
        while len(_points) > POINTS_KEPT:
            _points.popitem(last=False)
    return _points[key]


def placed_estate(school_class: SchoolClass) -> PlacedEstate | None:
    """None before the first build, or when the estate's file is gone."""
    job = latest_finished_build(school_class)
    row = stored_estate(school_class, job.estate_id) if job is not None else None
    if job is None or row is None:
        return None
    try:
        estate = load_estate(job.estate_id)
    except (DataFileError, LookupError):
        return None
    return PlacedEstate(estate, (job.origin_x, job.origin_y, job.origin_z), row)


def plot_of_group(school_class: SchoolClass, estate: Estate) -> dict[int, str]:
    """{group id: plot id} as the teacher assigned them for this estate (plots feature)."""
    rows = db.session.scalars(
        select(PlotAssignment).where(
            PlotAssignment.class_id == school_class.id, PlotAssignment.estate_id == estate.id
        )
    )
    known = {plot.id for plot in estate.plots}
    return {row.group_id: row.plot_id for row in rows if row.plot_id in known}


def plot_members(school_class: SchoolClass, estate: Estate) -> dict[str, list[str]]:
    """{plot id: game names of the pupils who build there}; a plot no group has is empty."""
    plots = plot_of_group(school_class, estate)
    members: dict[str, list[str]] = {plot.id: [] for plot in estate.plots}
    for pupil in school_class.pupils:
        account = account_of_pupil(pupil)
        if pupil.group_id in plots and account is not None and pupil.card_token:
            members[plots[pupil.group_id]].append(account.name)
    return members


def group_plots(school_class: SchoolClass, estate: Estate, lang: str) -> list[tuple[Group, str]]:
    """Each group with the name of its plot, for the teacher's page."""
    names = {plot.id: plot.name.get(lang) for plot in estate.plots}
    plots = plot_of_group(school_class, estate)
    return [(group, names[plots[group.id]]) for group in school_class.groups if group.id in plots]
