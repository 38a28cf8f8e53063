"""The estate file format: what ``worlds/<id>.yaml`` may contain.

An estate is a ground plan of features, plus *sites* whose look is put to a
vote (each offers named variants) and empty *plots* where pupil groups build.
Rules that span several fields live in ``worlds.consistency``.
"""

from __future__ import annotations

import operator
from functools import reduce
from typing import Annotated

from pydantic import Field

from worlds.building_features import CommonHouse, Flats, ReuseStation, RowHouses
from worlds.consistency import estate_issues
from worlds.data_model import Identifier, Strict, Text
from worlds.datafile import FieldIssue
from worlds.geometry import Area, Point, Size
from worlds.ground_features import (
    Allotments,
    Benches,
    Lamps,
    Lawn,
    Parking,
    Path,
    Playground,
    Road,
    Sign,
    Trees,
)
from worlds.materials import Material
from worlds.overlaps import overlap_warnings
from worlds.terrain import Terrain
from worlds.yard_features import BallCourt, BikeShed, BinEnclosure, Carport, Pond

FEATURE_TYPES: tuple[type, ...] = (
    Flats,
    RowHouses,
    CommonHouse,
    ReuseStation,
    Lawn,
    Path,
    Road,
    Trees,
    Playground,
    Allotments,
    Parking,
    Benches,
    Lamps,
    Sign,
    BikeShed,
    Carport,
    BinEnclosure,
    BallCourt,
    Pond,
)
"""Every kind of feature an estate may hold, told apart by its `type` key. A new kind is
added here; generation's painters must draw each (a test holds the two together)."""

Feature = Annotated[reduce(operator.or_, FEATURE_TYPES), Field(discriminator="type")]


class Variant(Strict):
    """One design a site can take, e.g. one of three playgrounds to vote on."""

    id: Identifier
    name: Text
    description: Text | None = None
    features: list[Feature] = Field(default_factory=list)


class Site(Area):
    """An area whose content is chosen among ``variants``; ``default`` is built first."""

    id: Identifier
    name: Text
    default: str
    variants: Annotated[list[Variant], Field(min_length=1)]

    def variant(self, variant_id: str) -> Variant:
        """The variant with this id; ``KeyError`` if there is none."""
        for variant in self.variants:
            if variant.id == variant_id:
                return variant
        raise KeyError(variant_id)

    def variant_ids(self) -> list[str]:
        return [variant.id for variant in self.variants]


class Plot(Area):
    """An empty plot handed to a pupil group; a border and a name sign mark it."""

    id: Identifier
    name: Text
    border: Material | None = "paving_stones"
    sign: bool = True


class Location(Strict):
    """Where on Earth the estate lies, for the sun: latitude north, longitude east, degrees.
    The default is central Denmark."""

    latitude: Annotated[float, Field(ge=-66, le=66)] = 55.7
    longitude: Annotated[float, Field(ge=-180, le=180)] = 12.0


class Estate(Strict):
    """A social-housing estate (almen boligafdeling) as it stands before pupils change it."""

    id: Identifier
    name: Text
    origin: Text
    description: Text | None = None
    size: Size
    ground: Material = "grass"
    terrain: Terrain | None = None
    location: Location = Location()
    residents_per_home: Annotated[float, Field(ge=1, le=6)] = 1.8
    meeting_point: Point | None = None
    """Where the teacher's "bring everyone" sends the class; default: the common house."""
    features: list[Feature] = Field(default_factory=list)
    sites: list[Site] = Field(default_factory=list)
    plots: list[Plot] = Field(default_factory=list)

    def site(self, site_id: str) -> Site:
        """The site with this id; ``KeyError`` if there is none."""
        for site in self.sites:
            if site.id == site_id:
                return site
        raise KeyError(site_id)

    def site_ids(self) -> list[str]:
        return [site.id for site in self.sites]

    def consistency_issues(self) -> list[FieldIssue]:
        """Rules across fields: bounds, unique ids, defaults (see ``worlds.consistency``)."""
        return estate_issues(self)

    def consistency_warnings(self) -> list[FieldIssue]:
        """Overlaps real estates have, worth a second look (see ``worlds.overlaps``)."""
        return overlap_warnings(self)


__all__ = ["FEATURE_TYPES", "Estate", "Feature", "Plot", "Point", "Site", "Text", "Variant"]
