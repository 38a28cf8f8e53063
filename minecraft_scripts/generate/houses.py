"""Paint rows of terraced houses (rækkehuse) and the reuse station (genbrugssted)."""

from __future__ import annotations

import numpy as np

from minecraft_scripts.generate.canvas import Canvas
from minecraft_scripts.generate.frames import OPPOSITE, Frame
from minecraft_scripts.generate.roofs import paint_roof, rect_roof, roof_top
from minecraft_scripts.generate.walls import paint_storeys, paint_wall_mask, window_rows
from worlds.building_features import ReuseStation, RowHouses, Windows
from worlds.geometry import Rect

Spans = list[tuple[int, int]]
"""First and last u of each house along the row."""

SHED_HEIGHT = 4
CONTAINER_HEIGHT = 2


def row_houses_top(row: RowHouses) -> int:
    """Roof ridge plus a chimney."""
    return roof_top(Rect.at(row.at, row.size), row.floors, row.floor_height, row.roof_shape) + 1


def house_spans(length: int, houses: int) -> Spans:
    """First and last u of each house; the last house takes what is left over."""
    width = length // houses
    return [
        (i * width, length - 1 if i == houses - 1 else (i + 1) * width - 1) for i in range(houses)
    ]


def paint_row_houses(canvas: Canvas, row: RowHouses) -> None:
    """Each house in its own facade colour, a door and windows front and back, one long roof."""
    rect = Rect.at(row.at, row.size)
    front = Frame(rect, row.front)
    spans = house_spans(front.length, row.houses)
    for index, (first, last) in enumerate(spans):
        house = front.span(first, 0, last, front.depth - 1)
        facade = row.facades[index % len(row.facades)]
        paint_storeys(canvas, house, row.floors, row.floor_height, facade, None)
        door_x, door_z = front.cell(first + 1, 0)
        canvas.box(door_x, 2, door_z, door_x, 3, door_z, row.door)
    if row.windows is not None:
        _paint_row_windows(canvas, rect, row, row.windows, spans)
    roof = rect_roof(rect, row.floors, row.floor_height, row.roof_shape)
    paint_roof(canvas, roof, row.roof, row.facades[0])
    _paint_chimneys(canvas, row, front, spans)
    if row.garden_depth > 0:
        _paint_gardens(canvas, row, front, spans)


def _paint_row_windows(
    canvas: Canvas, rect: Rect, row: RowHouses, windows: Windows, spans: Spans
) -> None:
    """Front windows beside each door, back windows across each house.

    Opposite walls share their u direction, so one set of house spans serves both.
    """
    rows = window_rows(row.floors, row.floor_height, windows.height)
    for side in (row.front, OPPOSITE[row.front]):
        frame = Frame(rect, side)
        columns = np.zeros(frame.length, dtype=bool)
        for first, last in spans:
            window_first = first + 3 if side == row.front else first + 1
            columns[window_first : min(window_first + windows.width, last)] = True
        paint_wall_mask(canvas, frame, columns[:, None] & rows[None, :], windows.material)


def _paint_chimneys(canvas: Canvas, row: RowHouses, front: Frame, spans: Spans) -> None:
    """A brick chimney on the ridge of every second house."""
    ridge_v = (front.depth - 1) // 2
    top = roof_top(front.rect, row.floors, row.floor_height, row.roof_shape)
    for first, _ in spans[::2]:
        x, z = front.cell(first + 1, ridge_v)
        canvas.box(x, top - 1, z, x, top + 1, z, "brick")


def _paint_gardens(canvas: Canvas, row: RowHouses, front: Frame, spans: Spans) -> None:
    """Back gardens of lawn, each fenced by a low hedge."""
    back_first, back_last = front.depth, front.depth + row.garden_depth - 1
    for first, last in spans:
        canvas.area(front.span(first, back_last, last, back_last), 1, 1, row.hedge)
        canvas.area(front.span(first, back_first, first, back_last), 1, 1, row.hedge)
    canvas.area(front.span(spans[-1][1], back_first, spans[-1][1], back_last), 1, 1, row.hedge)


def reuse_station_top(station: ReuseStation) -> int:
    return SHED_HEIGHT + 1


def paint_reuse_station(canvas: Canvas, station: ReuseStation) -> None:
    """A paved yard behind a fence, an open shed at the back and a row of sorting containers."""
    rect = Rect.at(station.at, station.size)
    frame = Frame(rect, station.opening)
    canvas.ground(rect, station.surface)
    if station.fence is not None:
        canvas.ring(rect, 1, 1, station.fence)
        gate = frame.length // 2
        canvas.area(frame.span(gate - 2, 0, gate + 1, 0), 1, 1, "air")
    _paint_shed(canvas, station, frame)
    row_v = frame.depth - station.shed_depth - 3
    for index, colour in enumerate(station.containers):
        u = 1 + index * 3
        canvas.area(frame.span(u, row_v - 1, u + 1, row_v), 1, CONTAINER_HEIGHT, colour)
    if station.sign is not None:
        x, z = frame.cell(frame.length // 2 - 3, 1)
        canvas.sign(x, 1, z, station.sign)


def _paint_shed(canvas: Canvas, station: ReuseStation, frame: Frame) -> None:
    """Closed on three sides, open towards the yard, posts carrying a flat roof."""
    back, front_v = frame.depth - 1, frame.depth - station.shed_depth
    last_u = frame.length - 1
    shed = frame.span(0, front_v, last_u, back)
    canvas.area(frame.span(0, back, last_u, back), 1, SHED_HEIGHT - 1, station.facade)
    canvas.area(frame.span(0, front_v, 0, back), 1, SHED_HEIGHT - 1, station.facade)
    canvas.area(frame.span(last_u, front_v, last_u, back), 1, SHED_HEIGHT - 1, station.facade)
    for u in range(0, frame.length, 4):
        canvas.area(frame.span(u, front_v, u, front_v), 1, SHED_HEIGHT - 1, station.facade)
    canvas.area(shed, SHED_HEIGHT, SHED_HEIGHT, station.roof)
    canvas.area(frame.span(1, back - 1, last_u - 1, back - 1), 1, 1, "wood")
