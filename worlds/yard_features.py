"""Schema of the small buildings and places of a yard: bike sheds, carports, bin enclosures,
ball courts and ponds."""

from __future__ import annotations

from typing import Annotated, Literal

import numpy as np
from pydantic import Field

from worlds.datafile import FieldIssue
from worlds.geometry import Area, Side
from worlds.language import _
from worlds.materials import Material
from worlds.shapes import CellMask


class Shelter(Area):
    """A small roofed structure on posts; its ``open_side`` faces the path."""

    open_side: Side = "south"
    roof: Material = "roof_felt"
    frame: Material = "metal"

    def body(self) -> CellMask:
        return CellMask.full(self.footprint())

    def reach(self) -> CellMask:
        return self.body()

    def issues(self) -> list[FieldIssue]:
        if min(self.size) < 3:
            return [FieldIssue(("size",), f"a {self.type.replace('_', ' ')} needs 3 × 3 cells")]
        return []


class BikeShed(Shelter):
    """A bike shed (cykelskur): a roof on posts, closed at the back, bikes in a row."""

    type: Literal["bike_shed"]
    roof: Material = "green_roof"
    bikes: bool = True


class Carport(Shelter):
    """A carport: a flat roof on posts over parked cars."""

    type: Literal["carport"]
    frame: Material = "wood"
    cars: Annotated[int, Field(ge=0, le=40)] = 0


class BinEnclosure(Shelter):
    """A bin enclosure (affaldsø): a screen wall round sorting bins, open on one side."""

    type: Literal["bin_enclosure"]
    frame: Material = "wood"
    bins: Annotated[tuple[Material, ...], Field(min_length=1, max_length=10)] = (
        "grey_concrete",
        "green_panel",
        "blue_panel",
        "red_panel",
    )

    def issues(self) -> list[FieldIssue]:
        issues = super().issues()
        along = max(self.size)
        if not issues and along < 2 * len(self.bins) + 1:
            message = _("%(bins)s bins need an enclosure %(length)s long", bins=len(self.bins),
                        length=2 * len(self.bins) + 1)  # fmt: skip
            issues.append(FieldIssue(("bins",), message))
        return issues


class BallCourt(Area):
    """A ball court (boldbane): lines on a hard or grass surface, two goals, a fence round."""

    type: Literal["ball_court"]
    surface: Material = "asphalt"
    marking: Material = "road_marking"
    goals: bool = True
    fence: Material | None = "fence"

    def issues(self) -> list[FieldIssue]:
        if min(self.size) < 6 or max(self.size) < 10:
            return [FieldIssue(("size",), _("a ball court needs at least 10 × 6 cells"))]
        return []


class Pond(Area):
    """A pond (sø or regnvandsbassin): water in an oval (``shape: round``) or the whole
    rectangle, ``depth`` blocks deep, with a shore of ``shore`` around it."""

    type: Literal["pond"]
    shape: Literal["round", "rectangle"] = "round"
    depth: Annotated[int, Field(ge=1, le=4)] = 1
    shore: Material | None = "sand"

    def water(self) -> CellMask:
        rect = self.footprint()
        if self.shape == "rectangle":
            return CellMask.full(rect)
        u = (np.arange(rect.width)[:, None] + 0.5) / rect.width * 2 - 1
        v = (np.arange(rect.depth)[None, :] + 0.5) / rect.depth * 2 - 1
        return CellMask(rect, u * u + v * v <= 1.0)
