"""The class's estate as it stands in the world, its plots, and who builds in which plot.

`plot_of_group` is the seam to the portal's plot assignment (issue 10, "groups get plots"):
until that lands, the class's groups take the estate's plots in order (groups sorted by
name, plots in the estate file's order). Point `plot_of_group` at the assignment model
when it merges; everything else here (protection, "send each group to its plot", the
panel) asks only it.
"""

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from minecraft_scripts.meeting_points import MeetingPoints, meeting_points
from minecraft_scripts.server.classroom import GroundRect
from teacher_portal.classroom.accounts import account_of_pupil
from teacher_portal.game.jobs import latest_finished_build
from teacher_portal.models import Group, SchoolClass
from worlds.catalog import load_estate
from worlds.datafile import DataFileError
from worlds.schema import Estate


@dataclass(frozen=True)
class PlacedEstate:
    """The estate the class last built, where it stands, and with which variants."""

    estate: Estate
    origin: tuple[int, int, int]
    variants: dict[str, str]

    def ground(self, rect: Any) -> GroundRect:
        """A model-local rectangle of the estate (x1, z1, x2, z2) on the world's ground."""
        x, _y, z = self.origin
        return GroundRect(x + rect.x1, z + rect.z1, x + rect.x2, z + rect.z2)

    def plots(self) -> dict[str, GroundRect]:
        return {plot.id: self.ground(plot.footprint()) for plot in self.estate.plots}

    def points(self) -> MeetingPoints:
        """Where the class meets and where each group gathers, in world coordinates."""
        local = _local_points(self.estate.id, json.dumps(self.variants, sort_keys=True))
        x, y, z = self.origin
        move = lambda p: (p[0] + x, p[1] + y, p[2] + z)  # noqa: E731
        return MeetingPoints(move(local.meeting), {k: move(p) for k, p in local.plots.items()})


@lru_cache(maxsize=32)
def _local_points(estate_id: str, variants_json: str) -> MeetingPoints:
    return meeting_points(load_estate(estate_id), json.loads(variants_json))


def placed_estate(school_class: SchoolClass) -> PlacedEstate | None:
    """None before the first build, or when the estate's file is gone."""
    job = latest_finished_build(school_class)
    if job is None:
        return None
    try:
        estate = load_estate(job.estate_id)
    except (DataFileError, LookupError):
        return None
    return PlacedEstate(estate, (job.origin_x, job.origin_y, job.origin_z), dict(job.variants))


def plot_of_group(school_class: SchoolClass, estate: Estate) -> dict[int, str]:
    """THE SEAM: {group id: plot id}. Groups in name order take the plots in file order."""
    return {
        group.id: plot.id for group, plot in zip(school_class.groups, estate.plots, strict=False)
    }


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
