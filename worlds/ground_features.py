"""Schema of what lies between the buildings: lawns, paths, trees, playgrounds, gardens."""

from __future__ import annotations

import itertools
from typing import Annotated, Literal

from pydantic import Field

from worlds.building_features import SignLines
from worlds.data_model import Strict
from worlds.datafile import FieldIssue
from worlds.geometry import Area, Point, Rect, Side, Size
from worlds.language import _
from worlds.materials import Material
from worlds.shapes import CellMask, Outline, free_line_cells

Points = Annotated[list[Point], Field(min_length=1)]


class Lawn(Strict):
    """A courtyard lawn (græsplæne), optionally framed by a hedge and dotted with flower beds.

    Given by ``at`` and ``size``, or by an ``outline`` (a park's shape from a map).
    """

    type: Literal["lawn"]
    id: str | None = None
    at: Point | None = None
    size: Size | None = None
    outline: Outline | None = None
    material: Material = "grass"
    border: Material | None = None
    flower_beds: tuple[Point, ...] = ()

    def cells(self) -> CellMask:
        if self.outline is not None:
            return CellMask.of_outline(self.outline)
        return CellMask.full(self.footprint())

    def footprint(self) -> Rect:
        if self.outline is not None:
            return CellMask.of_outline(self.outline).rect
        return Rect.at(self.at or (0, 0), self.size or (1, 1))

    def issues(self) -> list[FieldIssue]:
        if (self.outline is None) == (self.at is None or self.size is None):
            message = _("give the lawn 'at' and 'size', or an 'outline', not both")
            return [FieldIssue(("at",) if self.outline is None else ("outline",), message)]
        area = self.footprint()
        message = _("the flower bed must lie inside %(area)s", area=area.describe())
        return [
            FieldIssue(("flower_beds", index), message)
            for index, (x, z) in enumerate(self.flower_beds)
            if not area.contains(Rect(x, z, x + 1, z + 1))
        ]


class Path(Strict):
    """A path through ``points``, each leg running straight east–west or north–south.

    A leg widens towards the south (east–west legs) or the east (north–south
    legs); each inner point gets a square so corners join. With ``angle: free`` legs run
    at any angle, ``width`` cells wide around the line through the points. With ``ramp``
    every one-block rise of the terrain along it gets a half block: no step to climb.
    """

    type: Literal["path"]
    id: str | None = None
    points: Annotated[list[Point], Field(min_length=2)]
    width: Annotated[int, Field(ge=1, le=9)] = 2
    material: Material = "gravel_path"
    angle: Literal["straight", "free"] = "straight"
    ramp: bool = False

    def cells(self) -> CellMask:
        """The ground cells the path covers."""
        if self.angle == "straight":
            return CellMask.union([CellMask.full(strip) for strip in self.strips()])
        return free_line_cells(self.points, self.width)

    def strips(self) -> list[Rect]:
        """The rectangles the path covers: one per leg, one per corner."""
        grow = self.width - 1
        strips = []
        for (x1, z1), (x2, z2) in itertools.pairwise(self.points):
            leg = Rect.around([(x1, z1), (x2, z2)])
            strips.append(leg.grown(south=grow) if z1 == z2 else leg.grown(east=grow))
        for x, z in self.points[1:-1]:
            strips.append(Rect(x, z, x + grow, z + grow))
        return strips

    def footprint(self) -> Rect:
        if self.angle == "free":
            return Rect.around(self.points)  # its width spills over the edge, cut off there
        strips = self.strips()
        return Rect(
            min(s.x1 for s in strips),
            min(s.z1 for s in strips),
            max(s.x2 for s in strips),
            max(s.z2 for s in strips),
        )

    def issues(self) -> list[FieldIssue]:
        if self.angle == "free":
            return []
        legs = itertools.pairwise(self.points)
        return [
            FieldIssue(
                ("points", index + 1),
                _(
                    "a leg must run straight: from %(start)s the next point must share its x "
                    "or its z (add a corner point such as %(corner)s, or write 'angle: free' "
                    "for a path at any angle)",
                    start=str(list(start)),
                    corner=str([end[0], start[1]]),
                ),
            )
            for index, (start, end) in enumerate(legs)
            if start[0] != end[0] and start[1] != end[1]
        ]


class Road(Path):
    """A road: a wide asphalt path, with a dashed centre line when ``markings`` is on."""

    type: Literal["road"]  # type: ignore[assignment]
    width: Annotated[int, Field(ge=3, le=12)] = 5
    material: Material = "asphalt"
    markings: bool = True


class Trees(Strict):
    """Trees standing at ``points``; heights vary a little, the same way every time."""

    type: Literal["trees"]
    id: str | None = None
    points: Points
    kind: Literal["leafy", "conifer"] = "leafy"
    height: Annotated[int, Field(ge=3, le=14)] = 6

    def footprint(self) -> Rect:
        return Rect.around(self.points)


class Equipment(Strict):
    """One piece of playground equipment with its north-west corner at ``at``."""

    kind: Literal[
        "swing",
        "slide",
        "sandbox",
        "climbing_frame",
        "seesaw",
        "playhouse",
        "trampoline",
        "balance_beam",
    ]
    at: Point
    material: Material | None = None


EQUIPMENT_SIZE: dict[str, tuple[int, int]] = {
    "swing": (5, 3),
    "slide": (2, 6),
    "sandbox": (4, 4),
    "climbing_frame": (4, 4),
    "seesaw": (5, 1),
    "playhouse": (3, 3),
    "trampoline": (3, 3),
    "balance_beam": (5, 1),
}


class Playground(Area):
    """A playground (legeplads) on a soft surface, with equipment and an optional fence."""

    type: Literal["playground"]
    surface: Material = "sand"
    fence: Material | None = None
    equipment: tuple[Equipment, ...] = ()

    def issues(self) -> list[FieldIssue]:
        area = self.footprint()
        issues = []
        for index, piece in enumerate(self.equipment):
            width, depth = EQUIPMENT_SIZE[piece.kind]
            if not area.contains(Rect.at(piece.at, (width, depth))):
                message = _(
                    "the %(kind)s (%(width)s × %(depth)s cells) must lie inside the "
                    "playground (%(area)s)",
                    kind=piece.kind, width=width, depth=depth, area=area.describe(),
                )  # fmt: skip
                issues.append(FieldIssue(("equipment", index, "at"), message))
        return issues


class Allotments(Area):
    """Allotment gardens (nyttehaver): beds in a grid between paths, with a tool shed."""

    type: Literal["allotments"]
    bed: tuple[Annotated[int, Field(ge=2, le=20)], Annotated[int, Field(ge=2, le=20)]] = (4, 5)
    crops: Annotated[tuple[Material, ...], Field(min_length=1)] = ("crops", "flowers", "soil")
    path: Material = "gravel_path"
    fence: Material | None = "fence"
    shed: bool = True


class Parking(Area):
    """A car park: asphalt with painted bays and, if you like, a few parked cars."""

    type: Literal["parking"]
    surface: Material = "asphalt"
    marking: Material = "road_marking"
    bay_width: Annotated[int, Field(ge=2, le=5)] = 3
    cars: Annotated[int, Field(ge=0, le=200)] = 0


class Benches(Strict):
    """Benches at ``points``; each is three cells long and its seat faces ``facing``."""

    type: Literal["benches"]
    id: str | None = None
    points: Points
    facing: Side = "south"
    material: Material = "wood"

    def footprint(self) -> Rect:
        """Seats three cells long plus the backrest row behind them."""
        grow = {
            "south": {"east": 2, "north": 1},
            "north": {"east": 2, "south": 1},
            "east": {"south": 2, "west": 1},
            "west": {"south": 2, "east": 1},
        }[self.facing]
        return Rect.around(self.points).grown(**grow)


class Lamps(Strict):
    """Street lamps at ``points``."""

    type: Literal["lamps"]
    id: str | None = None
    points: Points
    height: Annotated[int, Field(ge=2, le=8)] = 4

    def footprint(self) -> Rect:
        return Rect.around(self.points)


class Sign(Strict):
    """A free-standing sign with up to four short lines of text."""

    type: Literal["sign"]
    id: str | None = None
    at: Point
    lines: SignLines
    height: Annotated[int, Field(ge=1, le=10)] = 1

    def footprint(self) -> Rect:
        return Rect.around([self.at])
