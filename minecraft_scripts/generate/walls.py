"""Building parts shared by every kind of house: storey heights, walls, window rows.

Storey ``s`` (0 = ground floor) has its floor slab at ``y = 1 + s * floor_height``
and open rooms above it; the roof starts at ``ceiling_y``.
"""

from __future__ import annotations

import numpy as np

from minecraft_scripts.generate.canvas import Canvas
from minecraft_scripts.generate.frames import Frame
from worlds.geometry import Rect, Side

SIDES: tuple[Side, ...] = ("north", "south", "east", "west")


def floor_y(storey: int, floor_height: int) -> int:
    """The y of storey ``storey``'s floor slab."""
    return 1 + storey * floor_height


def ceiling_y(floors: int, floor_height: int) -> int:
    """The y of the roof slab above the top storey."""
    return floor_y(floors, floor_height)


def paint_storeys(
    canvas: Canvas, rect: Rect, floors: int, floor_height: int, facade: str, bands: str | None
) -> None:
    """Outer walls, a floor slab per storey and, if given, a band of colour at each slab."""
    top = ceiling_y(floors, floor_height) - 1
    canvas.ring(rect, 1, top, facade)
    for storey in range(floors):
        canvas.area(rect, floor_y(storey, floor_height), floor_y(storey, floor_height), facade)
        if bands is not None and storey > 0:
            canvas.ring(rect, floor_y(storey, floor_height), floor_y(storey, floor_height), bands)


def window_rows(floors: int, floor_height: int, height: int) -> np.ndarray:
    """Which wall rows (from y = 1 up) hold windows: the lower rooms of each storey."""
    rows = np.zeros(floors * floor_height, dtype=bool)
    for storey in range(floors):
        first = storey * floor_height + 1
        rows[first : first + min(height, floor_height - 1)] = True
    return rows


def paint_wall_mask(canvas: Canvas, frame: Frame, mask: np.ndarray, material: str) -> None:
    """Paint a (u, y) mask onto the front wall of ``frame``, starting at y = 1."""
    x, z = frame.cell(0, 0)
    if frame.front in ("north", "south"):
        canvas.mask((x, 1, z), mask[:, :, None], material)
    else:
        canvas.mask((x, 1, z), mask.T[None, :, :], material)
