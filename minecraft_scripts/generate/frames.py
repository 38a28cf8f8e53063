"""Describe a feature from its front, whichever way it faces.

A row of houses facing south and one facing east differ only by a rotation.
A ``Frame`` lets painters say "u cells along the front, v cells back from it"
and turns that into estate rectangles.
"""

from __future__ import annotations

from dataclasses import dataclass

from worlds.geometry import Rect, Side

OPPOSITE: dict[Side, Side] = {"north": "south", "south": "north", "east": "west", "west": "east"}


@dataclass(frozen=True)
class Frame:
    """Local coordinates of ``rect`` seen from its ``front`` side.

    u runs along the front (0 at its west or north end), v runs from the
    front (v = 0) towards the back; negative v lies in front of the rectangle.
    """

    rect: Rect
    front: Side

    @property
    def length(self) -> int:
        """Cells along the front."""
        return self.rect.width if self.front in ("north", "south") else self.rect.depth

    @property
    def depth(self) -> int:
        """Cells from the front to the back."""
        return self.rect.depth if self.front in ("north", "south") else self.rect.width

    def cell(self, u: int, v: int) -> tuple[int, int]:
        """The estate (x, z) of local (u, v)."""
        r = self.rect
        if self.front == "south":
            return r.x1 + u, r.z2 - v
        if self.front == "north":
            return r.x1 + u, r.z1 + v
        if self.front == "east":
            return r.x2 - v, r.z1 + u
        return r.x1 + v, r.z1 + u

    def span(self, u1: int, v1: int, u2: int, v2: int) -> Rect:
        """The estate rectangle between local corners (u1, v1) and (u2, v2)."""
        (ax, az), (bx, bz) = self.cell(u1, v1), self.cell(u2, v2)
        return Rect(min(ax, bx), min(az, bz), max(ax, bx), max(az, bz))


def spread(length: int, width: int, spacing: int, margin: int = 1) -> list[int]:
    """Starts of equal openings spaced ``spacing`` apart, centred on a wall of ``length``.

    The first ``margin`` and last ``margin`` cells (the corners) stay closed.
    """
    room = length - 2 * margin
    if room < width:
        return []
    count = (room - width) // spacing + 1
    used = (count - 1) * spacing + width
    first = margin + (room - used) // 2
    return [first + index * spacing for index in range(count)]
