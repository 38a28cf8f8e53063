"""Schema of the buildings an estate can hold: flats, row houses, common house, reuse station."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from worlds.data_model import Strict
from worlds.datafile import FieldIssue
from worlds.geometry import Area, Rect, Side
from worlds.materials import Material

SignLine = Annotated[str, Field(max_length=15)]
SignLines = Annotated[list[SignLine], Field(min_length=1, max_length=4)]
RoofShape = Literal["flat", "gabled"]


class Windows(Strict):
    """Rows of equal windows on every storey; ``spacing`` is from one window's start to the next."""

    material: Material = "glass"
    width: Annotated[int, Field(ge=1, le=8)] = 2
    height: Annotated[int, Field(ge=1, le=4)] = 2
    spacing: Annotated[int, Field(ge=2, le=20)] = 4


class Entrance(Strict):
    """A doorway on the ground floor, ``offset`` cells from the wall's west or north end."""

    side: Side
    offset: Annotated[int, Field(ge=1)]
    width: Annotated[int, Field(ge=1, le=6)] = 2
    material: Material = "dark_wood"
    canopy: Material | None = "grey_concrete"


class Balconies(Strict):
    """Balconies sticking out of the given sides from ``from_floor`` up.

    With ``gallery`` each storey gets one balcony along the whole wall instead:
    the access gallery (svalegang) of many 1960s–70s blocks.
    """

    sides: Annotated[tuple[Side, ...], Field(min_length=1)] = ("south",)
    width: Annotated[int, Field(ge=1, le=10)] = 3
    spacing: Annotated[int, Field(ge=2, le=30)] = 6
    depth: Annotated[int, Field(ge=1, le=3)] = 2
    from_floor: Annotated[int, Field(ge=1)] = 2
    material: Material = "light_grey_concrete"
    railing: Material = "metal"
    gallery: bool = False


class Building(Area):
    """Walls with windows, floors inside, a roof on top."""

    floors: Annotated[int, Field(ge=1, le=16)] = 1
    floor_height: Annotated[int, Field(ge=3, le=6)] = 3
    facade: Material = "white_concrete"
    bands: Material | None = None
    gables: Material | None = None
    roof: Material = "roof_felt"
    roof_shape: RoofShape = "flat"
    windows: Windows | None = Windows()
    entrances: tuple[Entrance, ...] = ()

    def issues(self) -> list[FieldIssue]:
        """Entrances must fit on their wall, clear of the corners."""
        issues = []
        if min(self.size) < 3:
            issues.append(FieldIssue(("size",), "a building needs at least 3 × 3 cells"))
        for index, entrance in enumerate(self.entrances):
            wall = self.size[0] if entrance.side in ("north", "south") else self.size[1]
            if entrance.offset + entrance.width > wall - 1:
                message = (
                    f"the entrance does not fit: the {entrance.side} wall is {wall} long, "
                    f"so offset + width must be at most {wall - 1}"
                )
                issues.append(FieldIssue(("entrances", index, "offset"), message))
        return issues


class Flats(Building):
    """A block of flats (boligblok)."""

    type: Literal["flats"]
    floors: Annotated[int, Field(ge=1, le=16)]
    balconies: Balconies | None = None

    def footprint(self) -> Rect:
        rect = Rect.at(self.at, self.size)
        if self.balconies is None:
            return rect
        depth = self.balconies.depth
        return rect.grown(**{side: depth for side in self.balconies.sides})


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

    def issues(self) -> list[FieldIssue]:
        length = self.size[0] if self.along_x() else self.size[1]
        if length < 3 * self.houses:
            message = f"{self.houses} houses need a row at least {3 * self.houses} long"
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

    def issues(self) -> list[FieldIssue]:
        width, depth = self.size
        if width < 2 + 3 * len(self.containers) or depth < self.shed_depth + 6:
            message = (
                f"too small: needs at least {2 + 3 * len(self.containers)} × "
                f"{self.shed_depth + 6} cells for the shed and {len(self.containers)} containers"
            )
            return [FieldIssue(("size",), message)]
        return []
