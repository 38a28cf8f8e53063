"""Schema of the buildings an estate can hold: flats, row houses, common house, reuse station.

Parts (windows, doors, balconies, stairs, wings) are in ``worlds.building_parts``; how a
building's cells and storeys follow from its fields is in ``worlds.massing``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from worlds.building_base import Building, shifted, union_rect
from worlds.building_parts import (
    Balconies,
    CommonRoom,
    Entrance,
    Floors,
    RoofShape,
    SignLines,
    Windows,
)
from worlds.datafile import FieldIssue
from worlds.geometry import Area, Rect, Side
from worlds.language import _
from worlds.materials import Material
from worlds.shapes import CellMask

__all__ = ["Balconies", "Building", "Entrance", "RoofShape", "SignLines", "Windows"]


class Flats(Building):
    """A block of flats (boligblok). ``homes`` defaults to the floor area over ``flat_size``."""

    type: Literal["flats"]
    floors: Floors
    balconies: Balconies | tuple[Balconies, ...] | None = None
    common_room: CommonRoom | None = None
    homes: Annotated[int, Field(ge=0, le=2000)] | None = None
    flat_size: Annotated[int, Field(ge=30, le=200)] = 75

    def reach(self) -> CellMask:
        body = self.body()
        masks = [super().reach()]
        for balconies in self.balcony_sets():
            masks += [shifted(body, side, step) for side in balconies.sides
                      for step in range(1, balconies.depth + 1)]  # fmt: skip
        return CellMask.union(masks)

    def balcony_sets(self) -> tuple[Balconies, ...]:
        """Every set of balconies or galleries, however the file wrote them."""
        if self.balconies is None:
            return ()
        return self.balconies if isinstance(self.balconies, tuple) else (self.balconies,)

    def footprint(self) -> Rect:
        rect = super().footprint()
        for balconies in self.balcony_sets():
            grown = self.outer().grown(**{side: balconies.depth for side in balconies.sides})
            rect = union_rect(rect, grown)
        return rect

    def issues(self) -> list[FieldIssue]:
        issues = super().issues()
        room = self.common_room
        if not issues and room is not None:
            outer = self.outer()
            wall = outer.width if room.side in ("north", "south") else outer.depth
            if room.offset + room.length > wall - 1:
                message = _(
                    "the common room does not fit: the %(side)s wall is %(wall)s long, so "
                    "offset + length must be at most %(most)s",
                    side=room.side, wall=wall, most=wall - 1,
                )  # fmt: skip
                issues.append(FieldIssue(("common_room", "offset"), message))
        return issues


class CommonHouse(Building):
    """The common house (fælleshus) where residents meet; a sign names it."""

    type: Literal["common_house"]
    floor_height: Annotated[int, Field(ge=3, le=6)] = 4
    facade: Material = "wood"
    roof: Material = "roof_tiles"
    roof_shape: RoofShape = "gabled"
    windows: Windows | None = Windows(width=3, spacing=5)
    sign: SignLines | None = None
    sign_side: Side = "south"


class RowHouses(Area):
    """A row of terraced houses (rækkehuse) with a door each and optional back gardens."""

    type: Literal["row_houses"]
    houses: Annotated[int, Field(ge=1, le=60)]
    floors: Annotated[int, Field(ge=1, le=3)] = 1
    floor_height: Annotated[int, Field(ge=3, le=5)] = 3
    facades: Annotated[tuple[Material, ...], Field(min_length=1)] = ("yellow_brick",)
    roof: Material = "roof_tiles"
    roof_shape: RoofShape = "gabled"
    front: Side = "south"
    door: Material = "dark_wood"
    windows: Windows | None = Windows(width=2, spacing=3)
    garden_depth: Annotated[int, Field(ge=0, le=20)] = 0
    hedge: Material = "hedge"

    def along_x(self) -> bool:
        """Whether the houses stand side by side from west to east."""
        return self.front in ("north", "south")

    def footprint(self) -> Rect:
        rect = Rect.at(self.at, self.size)
        back = {"north": "south", "south": "north", "east": "west", "west": "east"}[self.front]
        return rect.grown(**{back: self.garden_depth})

    def body(self) -> CellMask:
        return CellMask.full(Rect.at(self.at, self.size))

    def reach(self) -> CellMask:
        """The houses and their back gardens."""
        return CellMask.full(self.footprint())

    def issues(self) -> list[FieldIssue]:
        length = self.size[0] if self.along_x() else self.size[1]
        if length < 3 * self.houses:
            message = _("%(houses)s houses need a row at least %(length)s long",
                        houses=self.houses, length=3 * self.houses)  # fmt: skip
            return [FieldIssue(("houses",), message)]
        return []


class ReuseStation(Area):
    """A reuse station (genbrugssted): a fenced yard, an open shed and sorting containers."""

    type: Literal["reuse_station"]
    surface: Material = "paving_stones"
    facade: Material = "wood"
    roof: Material = "roof_felt"
    shed_depth: Annotated[int, Field(ge=3, le=12)] = 5
    containers: Annotated[tuple[Material, ...], Field(max_length=12)] = (
        "green_panel",
        "blue_panel",
        "yellow_panel",
        "red_panel",
    )
    fence: Material | None = "fence"
    opening: Side = "south"
    sign: SignLines | None = None

    def body(self) -> CellMask:
        return CellMask.full(Rect.at(self.at, self.size))

    def reach(self) -> CellMask:
        return self.body()

    def issues(self) -> list[FieldIssue]:
        width, depth = self.size
        if width < 2 + 3 * len(self.containers) or depth < self.shed_depth + 6:
            message = _(
                "too small: needs at least %(width)s × %(depth)s cells for the shed and "
                "%(containers)s containers",
                width=2 + 3 * len(self.containers), depth=self.shed_depth + 6,
                containers=len(self.containers),
            )  # fmt: skip
            return [FieldIssue(("size",), message)]
        return []
