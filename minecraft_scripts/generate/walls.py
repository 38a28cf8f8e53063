"""Building parts shared by every kind of house: walls, storeys, windows, doors, roofs.

Storey ``s`` (0 = ground floor) has its floor slab at ``y = 1 + s * floor_height``
and open rooms above it; the roof starts at ``ceiling_y``.
"""

from __future__ import annotations

import numpy as np

from minecraft_scripts.generate.canvas import Canvas
from minecraft_scripts.generate.frames import Frame, spread
from worlds.building_features import Entrance, RoofShape, Windows
from worlds.geometry import Rect, Side

SIDES: tuple[Side, ...] = ("north", "south", "east", "west")


def floor_y(storey: int, floor_height: int) -> int:
    """The y of storey ``storey``'s floor slab."""
    return 1 + storey * floor_height


def ceiling_y(floors: int, floor_height: int) -> int:
    """The y of the roof slab above the top storey."""
    return floor_y(floors, floor_height)


def roof_top(rect: Rect, floors: int, floor_height: int, shape: RoofShape) -> int:
    """The highest y a roof of this shape reaches."""
    ceiling = ceiling_y(floors, floor_height)
    if shape == "flat":
        return ceiling + 1
    return ceiling + (min(rect.width, rect.depth) + 1) // 2 - 1


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


def paint_gables(canvas: Canvas, rect: Rect, floors: int, floor_height: int, material: str) -> None:
    """Give the two short end walls their own material."""
    top = ceiling_y(floors, floor_height) - 1
    if rect.width >= rect.depth:
        canvas.box(rect.x1, 1, rect.z1, rect.x1, top, rect.z2, material)
        canvas.box(rect.x2, 1, rect.z1, rect.x2, top, rect.z2, material)
    else:
        canvas.box(rect.x1, 1, rect.z1, rect.x2, top, rect.z1, material)
        canvas.box(rect.x1, 1, rect.z2, rect.x2, top, rect.z2, material)


def window_rows(floors: int, floor_height: int, height: int) -> np.ndarray:
    """Which wall rows (from y = 1 up) hold windows: the lower rooms of each storey."""
    rows = np.zeros(floors * floor_height, dtype=bool)
    for storey in range(floors):
        first = storey * floor_height + 1
        rows[first : first + min(height, floor_height - 1)] = True
    return rows


def paint_windows(
    canvas: Canvas,
    rect: Rect,
    floors: int,
    floor_height: int,
    windows: Windows,
    sides: tuple[Side, ...] = SIDES,
) -> None:
    """Windows in straight rows and columns, centred on each of the given walls."""
    rows = window_rows(floors, floor_height, windows.height)
    for side in sides:
        frame = Frame(rect, side)
        columns = np.zeros(frame.length, dtype=bool)
        for start in spread(frame.length, windows.width, windows.spacing):
            columns[start : start + windows.width] = True
        paint_wall_mask(canvas, frame, columns[:, None] & rows[None, :], windows.material)


def paint_wall_mask(canvas: Canvas, frame: Frame, mask: np.ndarray, material: str) -> None:
    """Paint a (u, y) mask onto the front wall of ``frame``, starting at y = 1."""
    x, z = frame.cell(0, 0)
    if frame.front in ("north", "south"):
        canvas.mask((x, 1, z), mask[:, :, None], material)
    else:
        canvas.mask((x, 1, z), mask.T[None, :, :], material)


def paint_entrance(canvas: Canvas, rect: Rect, entrance: Entrance, floor_height: int) -> None:
    """A doorway two cells high on the ground floor, with a canopy above it."""
    frame = Frame(rect, entrance.side)
    first, last = entrance.offset, entrance.offset + entrance.width - 1
    door = frame.span(first, 0, last, 0)
    canvas.area(door, 2, 1 + min(2, floor_height - 1), entrance.material)
    if entrance.canopy is not None:
        canopy_y = floor_y(1, floor_height)
        canvas.area(frame.span(first - 1, -1, last + 1, -1), canopy_y, canopy_y, entrance.canopy)


def paint_roof(canvas: Canvas, rect: Rect, y: int, shape: RoofShape, roof: str, gable: str) -> None:
    """A flat roof with a low parapet, or a pitched roof whose ridge runs the long way.

    ``gable`` is the wall material of the parapet or of the triangular gable ends.
    """
    if shape == "flat":
        canvas.area(rect, y, y, roof)
        canvas.ring(rect, y + 1, y + 1, gable)
        return
    frame = Frame(rect, "south" if rect.width >= rect.depth else "east")
    for step in range((frame.depth + 1) // 2):
        layer_y = y + step
        canvas.area(
            frame.span(0, step, frame.length - 1, frame.depth - 1 - step), layer_y, layer_y, roof
        )
        inner = (step + 1, frame.depth - 2 - step)
        if step > 0 and inner[0] <= inner[1]:
            canvas.area(frame.span(0, inner[0], 0, inner[1]), layer_y, layer_y, gable)
            end = frame.length - 1
            canvas.area(frame.span(end, inner[0], end, inner[1]), layer_y, layer_y, gable)
