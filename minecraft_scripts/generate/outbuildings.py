"""Paint the small buildings and places of a yard: bike sheds, carports, bin enclosures,
ball courts and ponds."""

from __future__ import annotations

import numpy as np

from minecraft_scripts.generate.canvas import Canvas
from minecraft_scripts.generate.frames import Frame
from worlds.materials import CAR_COLOURS
from worlds.yard_features import BallCourt, BikeShed, BinEnclosure, Carport, Pond, Shelter

SHELTER_HEIGHT = 3
"""Shelters are one storey of posts: the roof lies at this y."""


def shelter_top(_shelter: Shelter) -> int:
    return SHELTER_HEIGHT


def _posts_and_roof(canvas: Canvas, shelter: Shelter) -> Frame:
    """Posts at the corners and every fourth cell of the open side, a flat roof on top."""
    rect = shelter.footprint()
    frame = Frame(rect, shelter.open_side)
    for u in [*range(0, frame.length - 1, 4), frame.length - 1]:
        for v in (0, frame.depth - 1):
            canvas.area(frame.span(u, v, u, v), 1, SHELTER_HEIGHT - 1, shelter.frame)
    canvas.area(rect, SHELTER_HEIGHT, SHELTER_HEIGHT, shelter.roof)
    return frame


def paint_bike_shed(canvas: Canvas, shed: BikeShed) -> None:
    """Closed at the back, open at the front, a row of bikes (a wheel-and-frame each)."""
    frame = _posts_and_roof(canvas, shed)
    back = frame.depth - 1
    canvas.area(frame.span(0, back, frame.length - 1, back), 1, SHELTER_HEIGHT - 1, shed.frame)
    canvas.ground(shed.footprint(), "paving_stones")
    if shed.bikes:
        for u in range(1, frame.length - 1, 2):
            canvas.area(frame.span(u, back - 1, u, max(1, back - 2)), 1, 1, "metal")


def paint_carport(canvas: Canvas, carport: Carport) -> None:
    """A roof on posts over asphalt; each car a coloured body with glass on top."""
    frame = _posts_and_roof(canvas, carport)
    canvas.ground(carport.footprint(), "asphalt")
    colours = canvas.rng("carport", carport.at).choice(len(CAR_COLOURS), size=max(1, carport.cars))
    for index in range(min(carport.cars, (frame.length - 1) // 3)):
        u = 1 + index * 3
        body = frame.span(u, 1, u + 1, max(1, frame.depth - 2))
        canvas.area(body, 1, 1, CAR_COLOURS[colours[index]])
        canvas.area(frame.span(u, 2, u + 1, max(2, frame.depth - 3)), 2, 2, "glass")


def paint_bin_enclosure(canvas: Canvas, enclosure: BinEnclosure) -> None:
    """A screen wall on three sides, bins in a row inside, the open side to the path."""
    rect = enclosure.footprint()
    frame = Frame(rect, enclosure.open_side)
    canvas.ground(rect, "paving_stones")
    last_u, back = frame.length - 1, frame.depth - 1
    for wall in (frame.span(0, 0, 0, back), frame.span(last_u, 0, last_u, back),
                 frame.span(0, back, last_u, back)):  # fmt: skip
        canvas.area(wall, 1, 2, enclosure.frame)
    for index, colour in enumerate(enclosure.bins):
        u = 1 + index * 2
        canvas.area(frame.span(u, max(1, back - 1), u, max(1, back - 1)), 1, 1, colour)


def paint_ball_court(canvas: Canvas, court: BallCourt) -> None:
    """Surface, side and centre lines, two goals on the short ends, a fence round with gates."""
    rect = court.footprint()
    frame = Frame(rect, "west" if rect.width >= rect.depth else "north")
    canvas.ground(rect, court.surface)
    inner = frame.span(1, 1, frame.length - 2, frame.depth - 2)
    line = np.zeros((inner.width, 1, inner.depth), dtype=bool)
    line[[0, -1], :, :] = True
    line[:, :, [0, -1]] = True
    middle = frame.span(1, frame.depth // 2, frame.length - 2, frame.depth // 2)
    canvas.mask((inner.x1, 0, inner.z1), line, court.marking)
    canvas.ground(middle, court.marking)
    if court.goals:
        goal_u = frame.length // 2 - 1
        for v in (1, frame.depth - 2):
            canvas.area(frame.span(goal_u, v, goal_u + 2, v), 2, 2, "metal")
            canvas.area(frame.span(goal_u, v, goal_u, v), 1, 1, "metal")
            canvas.area(frame.span(goal_u + 2, v, goal_u + 2, v), 1, 1, "metal")
    if court.fence is not None:
        canvas.ring(rect, 1, 2, court.fence)
        gate = frame.length // 2
        canvas.area(frame.span(0, gate, 0, gate + 1), 1, 2, "air")


def paint_pond(canvas: Canvas, pond: Pond) -> None:
    """Water dug ``depth`` deep into the land (never below the model), sand on its bed,
    a shore around the water."""
    water = pond.water()
    rect = water.rect
    heights = canvas.heights[rect.x1 : rect.x2 + 1, rect.z1 : rect.z2 + 1]
    for i, j in zip(*np.nonzero(np.ones(water.cells.shape, dtype=bool)), strict=True):
        x, z, ground = rect.x1 + int(i), rect.z1 + int(j), int(heights[i, j])
        if water.cells[i, j]:
            bottom = max(0, ground - pond.depth + 1)
            canvas.box(x, bottom, z, x, ground, z, "water")
            if bottom > 0:
                canvas.box(x, bottom - 1, z, x, bottom - 1, z, "sand")
        elif pond.shore is not None:
            canvas.box(x, ground, z, x, ground, z, pond.shore)
