"""Paint blocks of flats and the common house (fælleshus)."""

from __future__ import annotations

from minecraft_scripts.generate.canvas import Canvas
from minecraft_scripts.generate.frames import Frame, spread
from minecraft_scripts.generate.walls import (
    ceiling_y,
    floor_y,
    paint_entrance,
    paint_gables,
    paint_roof,
    paint_storeys,
    paint_windows,
    roof_top,
)
from worlds.building_features import Balconies, Building, CommonHouse, Flats
from worlds.geometry import Rect


def building_top(building: Building) -> int:
    """The highest y a building reaches (its roof)."""
    rect = Rect.at(building.at, building.size)
    return roof_top(rect, building.floors, building.floor_height, building.roof_shape)


def paint_building(canvas: Canvas, building: Building) -> None:
    """Walls, storeys, windows, entrances and roof, in that order so later parts cut earlier."""
    rect = Rect.at(building.at, building.size)
    floors, height = building.floors, building.floor_height
    paint_storeys(canvas, rect, floors, height, building.facade, building.bands)
    if building.gables is not None:
        paint_gables(canvas, rect, floors, height, building.gables)
    if building.windows is not None:
        paint_windows(canvas, rect, floors, height, building.windows)
    for entrance in building.entrances:
        paint_entrance(canvas, rect, entrance, height)
    flat = building.roof_shape == "flat"
    gable = building.facade if flat else (building.gables or building.facade)
    paint_roof(canvas, rect, ceiling_y(floors, height), building.roof_shape, building.roof, gable)


def paint_flats(canvas: Canvas, flats: Flats) -> None:
    """A block of flats, with balconies if the estate file asks for them."""
    paint_building(canvas, flats)
    if flats.balconies is not None:
        rect = Rect.at(flats.at, flats.size)
        paint_balconies(canvas, rect, flats.floors, flats.floor_height, flats.balconies)


def paint_balconies(
    canvas: Canvas, rect: Rect, floors: int, floor_height: int, balconies: Balconies
) -> None:
    """A slab with a railing around it in front of the windows, storey by storey."""
    depth = balconies.depth
    for side in balconies.sides:
        frame = Frame(rect, side)
        width = frame.length if balconies.gallery else balconies.width
        starts = [0] if balconies.gallery else spread(frame.length, width, balconies.spacing)
        for start in starts:
            end = start + width - 1
            for storey in range(balconies.from_floor - 1, floors):
                y = floor_y(storey, floor_height)
                canvas.area(frame.span(start, -depth, end, -1), y, y, balconies.material)
                railing_y = y + 1
                for railing in (
                    frame.span(start, -depth, end, -depth),
                    frame.span(start, -depth, start, -1),
                    frame.span(end, -depth, end, -1),
                ):
                    canvas.area(railing, railing_y, railing_y, balconies.railing)


def paint_common_house(canvas: Canvas, house: CommonHouse) -> None:
    """The common house, with its name on a sign above the middle of its front."""
    paint_building(canvas, house)
    if house.sign is None:
        return
    frame = Frame(Rect.at(house.at, house.size), house.sign_side)
    x, z = frame.cell(frame.length // 2, -1)
    canvas.sign(x, floor_y(1, house.floor_height) - 1, z, house.sign)
