"""The parts a building is described with: wings, roofs, windows, doors, balconies, stairs.

Sides and offsets always refer to the building's outer rectangle: ``side: south, offset: 12``
means 12 cells east of its west end, in the southernmost wall found there. So the same words
work for a plain block, an L, a U, a courtyard block and a free outline.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from worlds.data_model import Strict
from worlds.geometry import Point, Side, Size
from worlds.materials import Material

SignLine = Annotated[str, Field(max_length=15)]
SignLines = Annotated[list[SignLine], Field(min_length=1, max_length=4)]
RoofShape = Literal["flat", "gabled", "hipped", "single_pitch"]
BuildingShape = Literal["block", "l", "u", "courtyard"]
Corner = Literal["north_west", "north_east", "south_west", "south_east"]
Floors = Annotated[int, Field(ge=1, le=16)]


class Windows(Strict):
    """Rows of equal windows on every storey; ``spacing`` is from one window's start to the next."""

    material: Material = "glass"
    width: Annotated[int, Field(ge=1, le=8)] = 2
    height: Annotated[int, Field(ge=1, le=4)] = 2
    spacing: Annotated[int, Field(ge=2, le=20)] = 4


class GroundFloor(Strict):
    """A ground floor that differs from the storeys above: another wall, other windows.

    ``windows: same`` keeps the upper floors' windows; ``windows: null`` gives none.
    """

    facade: Material | None = None
    windows: Windows | Literal["same"] | None = "same"


class Entrance(Strict):
    """A doorway on the ground floor, ``offset`` cells from the wall's west or north end.

    With ``ramp`` the door is step-free: a landing level with the floor and a ramp of half
    blocks down to the ground, with railings (a pupil walks in without jumping).
    """

    side: Side
    offset: Annotated[int, Field(ge=1)]
    width: Annotated[int, Field(ge=1, le=6)] = 2
    material: Material = "dark_wood"
    canopy: Material | None = "grey_concrete"
    ramp: bool = False


class Staircase(Strict):
    """A staircase (opgang) seen from outside: a tall strip of windows above its entrance."""

    side: Side
    offset: Annotated[int, Field(ge=1)]
    width: Annotated[int, Field(ge=1, le=4)] = 2
    material: Material = "glass"
    entrance: bool = True
    ramp: bool = False


class StairTower(Strict):
    """A stair tower standing out of a wall, one storey higher than the roof it serves.

    ``lift`` says it holds a lift: then every storey is reached without steps, if its door
    has a ``ramp`` too.
    """

    side: Side
    offset: Annotated[int, Field(ge=1)]
    width: Annotated[int, Field(ge=3, le=8)] = 4
    depth: Annotated[int, Field(ge=2, le=6)] = 3
    material: Material | None = None
    lift: bool = False
    ramp: bool = False


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


class CommonRoom(Strict):
    """A common room (beboerlokale) in the ground floor: a glass front, a door and a sign."""

    side: Side = "south"
    offset: Annotated[int, Field(ge=1)]
    length: Annotated[int, Field(ge=3, le=60)]
    facade: Material = "glass"
    sign: SignLines | None = None


class Wing(Strict):
    """One rectangular wing of a composed building, with its own height and roof if given."""

    at: Point
    size: Size
    floors: Floors | None = None
    roof_shape: RoofShape | None = None
