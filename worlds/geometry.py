"""Points, sizes and footprints on an estate's ground grid.

Every estate is laid out on one grid: x grows east, z grows south, and the
north-west corner is (0, 0). Heights are not part of the layout; generation
derives them from floors and roofs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field

from worlds.data_model import Strict

MAX_EXTENT = 1000

Coordinate = Annotated[int, Field(ge=0, le=MAX_EXTENT)]
Length = Annotated[int, Field(ge=1, le=MAX_EXTENT)]
Point = tuple[Coordinate, Coordinate]
Size = tuple[Length, Length]
Side = Literal["north", "south", "east", "west"]


@dataclass(frozen=True)
class Rect:
    """An inclusive rectangle of ground cells, x1..x2 by z1..z2."""

    x1: int
    z1: int
    x2: int
    z2: int

    @classmethod
    def at(cls, at: Point, size: Size) -> Rect:
        return cls(at[0], at[1], at[0] + size[0] - 1, at[1] + size[1] - 1)

    @classmethod
    def around(cls, points: list[Point], margin: int = 0) -> Rect:
        xs = [x for x, _ in points]
        zs = [z for _, z in points]
        return cls(min(xs) - margin, min(zs) - margin, max(xs) + margin, max(zs) + margin)

    @property
    def width(self) -> int:
        return self.x2 - self.x1 + 1

    @property
    def depth(self) -> int:
        return self.z2 - self.z1 + 1

    def contains(self, other: Rect) -> bool:
        return (
            self.x1 <= other.x1
            and self.z1 <= other.z1
            and other.x2 <= self.x2
            and other.z2 <= self.z2
        )

    def overlaps(self, other: Rect) -> bool:
        return not (
            other.x2 < self.x1 or self.x2 < other.x1 or other.z2 < self.z1 or self.z2 < other.z1
        )

    def grown(self, north: int = 0, south: int = 0, east: int = 0, west: int = 0) -> Rect:
        return Rect(self.x1 - west, self.z1 - north, self.x2 + east, self.z2 + south)

    def describe(self) -> str:
        return f"x {self.x1}..{self.x2}, z {self.z1}..{self.z2}"


class Area(Strict):
    """A feature covering a rectangle: ``at`` is its north-west corner."""

    id: str | None = None
    at: Point
    size: Size

    def footprint(self) -> Rect:
        return Rect.at(self.at, self.size)
