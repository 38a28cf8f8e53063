"""Paint blocks of flats and the common house (fælleshus), whatever their ground plan."""

from __future__ import annotations

from minecraft_scripts.generate.canvas import Canvas
from minecraft_scripts.generate.facades import (
    paint_balconies,
    paint_common_room,
    paint_entrance,
    paint_stair_tower,
    paint_staircase,
    tower_top,
)
from minecraft_scripts.generate.masses import (
    paint_gable_walls,
    paint_mass,
    paint_windows,
    wall_frame,
)
from minecraft_scripts.generate.roofs import paint_roof, roof_plan
from minecraft_scripts.generate.walls import floor_y
from worlds.building_features import Building, CommonHouse, Flats
from worlds.building_parts import Windows


def building_top(building: Building) -> int:
    """The highest y a building reaches (its roof, or a stair tower above it)."""
    massing = building.massing()
    plan = roof_plan(massing, building.floor_height, building.roof_overhang,
                     building.roof_rises_towards)  # fmt: skip
    towers = [tower_top(massing, building.floor_height)] if building.stair_towers else []
    return max([plan.top(), *towers])


def storey_windows(building: Building) -> tuple[Windows | None, Windows | None]:
    """(ground floor, upper floors) windows."""
    ground = building.ground_floor
    if ground is None or ground.windows == "same":
        return building.windows, building.windows
    return ground.windows, building.windows


def paint_building(canvas: Canvas, building: Building) -> None:
    """Walls, storeys, windows, stairs, entrances, roof, towers: later parts cut earlier."""
    massing = building.massing()
    height = building.floor_height
    ground = building.ground_floor
    ground_facade = ground.facade if ground is not None and ground.facade else building.facade
    paint_mass(canvas, massing, height, (ground_facade, building.facade), building.bands)
    if building.gables is not None:
        paint_gable_walls(canvas, massing, height, building.gables)
    paint_windows(canvas, massing, height, storey_windows(building))
    for staircase in building.staircases:
        paint_staircase(canvas, massing, staircase, height)
    for entrance in building.entrances:
        frame = wall_frame(massing, entrance.side, entrance.offset)
        if frame is not None:
            paint_entrance(canvas, frame, entrance, height)
    flat = building.roof_shape == "flat"
    gable = building.facade if flat else (building.gables or building.facade)
    plan = roof_plan(massing, height, building.roof_overhang, building.roof_rises_towards)
    paint_roof(canvas, plan, building.roof, gable)
    for tower in building.stair_towers:
        paint_stair_tower(canvas, massing, tower, height, building.facade)


def paint_flats(canvas: Canvas, flats: Flats) -> None:
    """A block of flats, with balconies, galleries and a common room if the file asks."""
    paint_building(canvas, flats)
    massing = flats.massing()
    for balconies in flats.balcony_sets():
        paint_balconies(canvas, massing, flats.floor_height, balconies)
    if flats.common_room is not None:
        paint_common_room(canvas, massing, flats.common_room, flats.floor_height)


def paint_common_house(canvas: Canvas, house: CommonHouse) -> None:
    """The common house, with its name on a sign above the middle of its front."""
    paint_building(canvas, house)
    if house.sign is None:
        return
    massing = house.massing()
    outer = house.outer()
    length = outer.width if house.sign_side in ("north", "south") else outer.depth
    frame = wall_frame(massing, house.sign_side, length // 2)
    if frame is not None:
        x, z = frame.cell(length // 2, -1)
        canvas.sign(x, floor_y(1, house.floor_height) - 1, z, house.sign)
