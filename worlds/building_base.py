"""The walls-windows-roof building shared by flats and the common house: its ground plan
given one of three ways, its parts, and the cells it covers and reaches."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from worlds.building_parts import (
    BuildingShape,
    Corner,
    Entrance,
    Floors,
    GroundFloor,
    RoofShape,
    Staircase,
    StairTower,
    Windows,
    Wing,
)
from worlds.data_model import Strict
from worlds.datafile import FieldIssue
from worlds.geometry import Point, Rect, Side, Size
from worlds.language import N_, _
from worlds.massing import Massing, WingPlan, shape_wings
from worlds.materials import Material
from worlds.shapes import CellMask, Outline

PART_NAMES = {
    "entrances": N_("the entrance"),
    "staircases": N_("the staircase"),
    "stair_towers": N_("the stair tower"),
}
GROW: dict[str, str] = {"north": "north", "south": "south", "east": "east", "west": "west"}


class Building(Strict):
    """Walls with windows, floors inside, a roof on top.

    The footprint is given one of three ways: ``at`` and ``size`` (with ``shape`` for an L,
    U or courtyard block), a list of ``wings``, or an ``outline``.
    """

    id: str | None = None
    at: Point | None = None
    size: Size | None = None
    shape: BuildingShape = "block"
    wing_depth: Annotated[int, Field(ge=3, le=40)] = 10
    wing_floors: tuple[Floors, ...] = ()
    corner: Corner = "north_west"
    open_side: Side = "south"
    wings: tuple[Wing, ...] = ()
    outline: Outline | None = None
    floors: Floors = 1
    floor_height: Annotated[int, Field(ge=3, le=6)] = 3
    facade: Material = "white_concrete"
    bands: Material | None = None
    gables: Material | None = None
    roof: Material = "roof_felt"
    roof_shape: RoofShape = "flat"
    roof_overhang: Annotated[int, Field(ge=0, le=3)] = 0
    roof_rises_towards: Side = "north"
    windows: Windows | None = Windows()
    ground_floor: GroundFloor | None = None
    entrances: tuple[Entrance, ...] = ()
    staircases: tuple[Staircase, ...] = ()
    stair_towers: tuple[StairTower, ...] = ()

    def massing(self) -> Massing:
        """The wings and storeys this building stands with (see ``worlds.massing``)."""
        if self.outline is not None:
            wing = WingPlan(CellMask.of_outline(self.outline), self.floors, self.roof_shape)
            return Massing.of_wings([wing])
        if self.wings:
            return Massing.of_wings(
                [
                    WingPlan(
                        CellMask.full(Rect.at(wing.at, wing.size)),
                        wing.floors or self.floors,
                        wing.roof_shape or self.roof_shape,
                    )
                    for wing in self.wings
                ]
            )
        rects = shape_wings(self.outer(), self.shape, self.wing_depth, self.corner, self.open_side)
        floors = [*self.wing_floors, *[self.floors] * len(rects)][: len(rects)]
        return Massing.of_wings(
            [
                WingPlan(CellMask.full(rect), count, self.roof_shape)
                for rect, count in zip(rects, floors, strict=True)
            ]
        )

    def outer(self) -> Rect:
        """The rectangle around the walls; sides and offsets of parts count from it."""
        if self.outline is not None:
            return CellMask.of_outline(self.outline).rect
        if self.wings:
            return CellMask.union([CellMask.full(Rect.at(w.at, w.size)) for w in self.wings]).rect
        return Rect.at(self.at or (0, 0), self.size or (3, 3))

    def body(self) -> CellMask:
        """The ground cells under the walls."""
        return self.massing().body()

    def reach(self) -> CellMask:
        """The walls plus what stands out of them: towers, eaves (and balconies, for flats)."""
        body = self.body()
        masks = [body]
        if self.roof_overhang:
            masks += [shifted(body, side, step) for side in GROW
                      for step in range(1, self.roof_overhang + 1)]  # fmt: skip
        massing = self.massing()
        for tower in self.stair_towers:
            wall = massing.outermost(tower.side, tower.offset)
            if wall is not None:
                masks.append(CellMask.full(_tower_rect(wall, tower)))
        return CellMask.union(masks)

    def footprint(self) -> Rect:
        """The walls plus everything standing out of them: towers, eaves."""
        rect = self.outer().grown(**_each_side(self.roof_overhang))
        for tower in self.stair_towers:
            rect = union_rect(rect, self.outer().grown(**{tower.side: tower.depth}))
        return rect

    def issues(self) -> list[FieldIssue]:
        """The footprint is given once, and every part fits on its wall."""
        given = [self.at is not None or self.size is not None, bool(self.wings), bool(self.outline)]
        if sum(given) != 1:
            message = _(
                "give the building's ground plan one way: 'at' and 'size', a list of 'wings', "
                "or an 'outline'"
            )
            return [FieldIssue(("at",) if given[0] else ("type",), message)]
        if given[0] and (self.at is None or self.size is None):
            missing = "size" if self.size is None else "at"
            message = _("required field '%(field)s' is missing; add it here", field=missing)
            return [FieldIssue(("at",), message)]
        issues = self._shape_issues()
        if issues:
            return issues
        outer = self.outer()
        parts = [
            *(("entrances", i, p) for i, p in enumerate(self.entrances)),
            *(("staircases", i, p) for i, p in enumerate(self.staircases)),
            *(("stair_towers", i, p) for i, p in enumerate(self.stair_towers)),
        ]
        massing = self.massing()
        for field, index, part in parts:
            wall = outer.width if part.side in ("north", "south") else outer.depth
            if part.offset + part.width > wall - 1:
                message = _(
                    "%(part)s does not fit: the %(side)s wall is %(wall)s long, so offset + "
                    "width must be at most %(most)s",
                    part=_(PART_NAMES[field]), side=part.side, wall=wall, most=wall - 1,
                )  # fmt: skip
                issues.append(FieldIssue((field, index, "offset"), message))
            elif massing.outermost(part.side, part.offset) is None:
                message = _("there is no %(side)s wall at offset %(offset)s", side=part.side,
                            offset=part.offset)  # fmt: skip
                issues.append(FieldIssue((field, index, "offset"), message))
        return issues

    def _shape_issues(self) -> list[FieldIssue]:
        outer = self.outer()
        if self.outline is None and not self.wings and min(outer.width, outer.depth) < 3:
            return [FieldIssue(("size",), _("a building needs at least 3 × 3 cells"))]
        if self.outline is not None and self.body().count() < 9:
            return [FieldIssue(("outline",), _("the outline must enclose at least 9 cells"))]
        if self.shape != "block" and 2 * self.wing_depth + 1 > min(outer.width, outer.depth):
            message = _(
                "a %(shape)s block with wings %(depth)s deep needs a size of at least %(least)s "
                "each way; make it larger or the wings thinner",
                shape=self.shape, depth=self.wing_depth, least=2 * self.wing_depth + 1,
            )  # fmt: skip
            return [FieldIssue(("wing_depth",), message)]
        return []


def shifted(mask: CellMask, side: str, step: int) -> CellMask:
    dx, dz = {"north": (0, -1), "south": (0, 1), "east": (1, 0), "west": (-1, 0)}[side]
    r = mask.rect
    return CellMask(Rect(r.x1 + dx * step, r.z1 + dz * step, r.x2 + dx * step, r.z2 + dz * step),
                    mask.cells)  # fmt: skip


def _tower_rect(wall: tuple[int, int], tower: StairTower) -> Rect:
    """The cells of a stair tower standing out of the wall cell ``wall``."""
    x, z = wall
    if tower.side in ("north", "south"):
        x1 = x
        z1, z2 = (z - tower.depth, z - 1) if tower.side == "north" else (z + 1, z + tower.depth)
        return Rect(x1, z1, x1 + tower.width - 1, z2)
    z1 = z
    x1, x2 = (x - tower.depth, x - 1) if tower.side == "west" else (x + 1, x + tower.depth)
    return Rect(x1, z1, x2, z1 + tower.width - 1)


def _each_side(amount: int) -> dict[str, int]:
    return {side: amount for side in GROW}


def union_rect(a: Rect, b: Rect) -> Rect:
    return Rect(min(a.x1, b.x1), min(a.z1, b.z1), max(a.x2, b.x2), max(a.z2, b.z2))
