"""What a façade carries: doors (with step-free ramps), staircase windows, stair towers,
balconies and galleries, and a common room's glass front in the ground floor.

Each part is placed by side and offset along the building's outer rectangle, on the
outermost wall found there (see ``masses.wall_frame``).
"""

from __future__ import annotations

from minecraft_scripts.generate.canvas import Canvas
from minecraft_scripts.generate.frames import Frame, spread
from minecraft_scripts.generate.masses import wall_frame, wall_runs
from minecraft_scripts.generate.walls import ceiling_y, floor_y
from worlds.building_parts import Balconies, CommonRoom, Entrance, Staircase, StairTower
from worlds.massing import Massing

RAMP_LENGTH = 2
"""Cells of half-block ramp in front of a step-free door's landing."""


def paint_entrance(canvas: Canvas, frame: Frame, entrance: Entrance, floor_height: int) -> None:
    """A doorway two cells high on the ground floor, a canopy above it, a ramp if asked."""
    last = entrance.offset + entrance.width - 1
    paint_door(canvas, frame, (entrance.offset, last), floor_height, entrance.material,
               entrance.canopy, entrance.ramp)  # fmt: skip


def paint_door(
    canvas: Canvas,
    frame: Frame,
    span: tuple[int, int],
    floor_height: int,
    material: str = "dark_wood",
    canopy: str | None = None,
    ramp: bool = False,
) -> None:
    """A door over ``span`` (first and last u) of the frame's wall."""
    first, last = span
    canvas.area(frame.span(first, 0, last, 0), 2, 1 + min(2, floor_height - 1), material)
    if canopy is not None:
        canopy_y = floor_y(1, floor_height)
        canvas.area(frame.span(first - 1, -1, last + 1, -1), canopy_y, canopy_y, canopy)
    if ramp:
        paint_ramp(canvas, frame, first, last)


def paint_ramp(canvas: Canvas, frame: Frame, first: int, last: int) -> None:
    """A landing level with the ground floor, then half blocks down to the ground, with
    railings on both sides: no step higher than half a block."""
    canvas.area(frame.span(first - 1, -1, last + 1, -1), 1, 1, "paving_stones")
    canvas.area(frame.span(first, -1 - RAMP_LENGTH, last, -2), 1, 1, "ramp_slab")
    for u in (first - 1, last + 1):
        canvas.area(frame.span(u, -1 - RAMP_LENGTH, u, -2), 1, 2, "metal")


def paint_staircase(
    canvas: Canvas, massing: Massing, staircase: Staircase, floor_height: int
) -> None:
    """A strip of windows up the stairwell from above the door to below the roof."""
    frame = wall_frame(massing, staircase.side, staircase.offset)
    if frame is None:
        return
    first, last = staircase.offset, staircase.offset + staircase.width - 1
    top = ceiling_y(massing.floors, floor_height) - 2
    x, z = frame.cell(first, 0)
    local = (x - massing.rect.x1, z - massing.rect.z1)
    floors = int(massing.storeys[local])
    top = min(top, ceiling_y(floors, floor_height) - 2)
    strip = frame.span(first, 0, last, 0)
    canvas.area(strip, floor_y(1, floor_height) + 1, top, staircase.material)
    if staircase.entrance:
        paint_door(canvas, frame, (first, last), floor_height, ramp=staircase.ramp)


def tower_top(massing: Massing, floor_height: int) -> int:
    """The roof of a stair tower: one storey above the building's highest ceiling."""
    return ceiling_y(massing.floors, floor_height) + floor_height


def paint_stair_tower(
    canvas: Canvas, massing: Massing, tower: StairTower, floor_height: int, facade: str
) -> None:
    """A tower standing out of the wall: walls, a flat roof, a door and a window strip."""
    frame = wall_frame(massing, tower.side, tower.offset)
    if frame is None:
        return
    first, last = tower.offset, tower.offset + tower.width - 1
    rect = frame.span(first, -tower.depth, last, -1)
    top = tower_top(massing, floor_height)
    material = tower.material or facade
    canvas.area(rect, 1, top - 1, "air")
    canvas.ring(rect, 1, top - 1, material)
    canvas.area(rect, 1, 1, material)
    canvas.area(rect, top, top, material)
    outside = Frame(rect, tower.side)
    middle = outside.length // 2
    canvas.area(outside.span(middle, 0, middle, 0), floor_y(1, floor_height) + 1, top - 2, "glass")
    paint_door(canvas, outside, (middle, middle), floor_height, ramp=tower.ramp)


def paint_balconies(
    canvas: Canvas, massing: Massing, floor_height: int, balconies: Balconies
) -> None:
    """A slab with a railing around it in front of the windows, storey by storey; a gallery
    runs along each whole wall."""
    depth = balconies.depth
    for side in balconies.sides:
        for storey in range(balconies.from_floor - 1, massing.floors):
            y = floor_y(storey, floor_height)
            for run in wall_runs(massing, storey, side):
                frame = run.frame
                width = run.length if balconies.gallery else balconies.width
                starts = [0] if balconies.gallery else spread(run.length, width, balconies.spacing)
                for start in starts:
                    end = start + width - 1
                    canvas.area(frame.span(start, -depth, end, -1), y, y, balconies.material)
                    for railing in (
                        frame.span(start, -depth, end, -depth),
                        frame.span(start, -depth, start, -1),
                        frame.span(end, -depth, end, -1),
                    ):
                        canvas.area(railing, y + 1, y + 1, balconies.railing)


def paint_common_room(
    canvas: Canvas, massing: Massing, room: CommonRoom, floor_height: int
) -> None:
    """The ground floor's wall turns to glass over the room's length, with a door and a sign."""
    frame = wall_frame(massing, room.side, room.offset)
    if frame is None:
        return
    first, last = room.offset, room.offset + room.length - 1
    canvas.area(frame.span(first, 0, last, 0), 2, floor_y(1, floor_height) - 1, room.facade)
    canvas.area(frame.span(first + 1, 0, first + 2, 0), 2, 3, "dark_wood")
    if room.sign is not None:
        x, z = frame.cell((first + last) // 2, -1)
        canvas.sign(x, floor_y(1, floor_height) - 1, z, room.sign)
