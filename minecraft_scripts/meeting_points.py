"""Where the teacher sends players in an estate: the meeting place the estate names, else in
front of the common house's door (or the estate's middle when it has none), and the middle
of each plot.

A point is model-local (add the build's origin) and always a spot a player can stand on:
ground underfoot and two free blocks above, found in the voxels nearest the wanted place,
so nobody is put inside a wall, a tree or a bench.
"""

from dataclasses import dataclass

import numpy as np

from minecraft_scripts.generate import ground_heights
from minecraft_scripts.voxels import VoxelModel
from worlds.building_features import CommonHouse
from worlds.schema import Estate

Point = tuple[float, float, float]

STEP_OUT = 3
"""Cells in front of a door: past its canopy and step, on the path."""


@dataclass(frozen=True)
class MeetingPoints:
    """Where the class meets, and where each plot's group gathers (by plot id)."""

    meeting: Point
    plots: dict[str, Point]


def meeting_points(estate: Estate, model: VoxelModel) -> MeetingPoints:
    """The meeting place in front of the common house's first door (or the middle of the
    estate), and the middle of each plot; `model` is the estate as built (its state)."""
    heights = ground_heights(estate)
    plots = {}
    for plot in estate.plots:
        area = plot.footprint()
        plots[plot.id] = free_spot(
            model, heights, ((area.x1 + area.x2) // 2, (area.z1 + area.z2) // 2)
        )
    return MeetingPoints(free_spot(model, heights, _meeting_cell(estate)), plots)


def _meeting_cell(estate: Estate) -> tuple[int, int]:
    if estate.meeting_point is not None:
        return estate.meeting_point
    house = next((f for f in estate.features if isinstance(f, CommonHouse)), None)
    if house is None:
        return estate.size[0] // 2, estate.size[1] // 2
    walls = house.outer()
    door = house.entrances[0] if house.entrances else None
    side = door.side if door else house.sign_side
    along = walls.x1 if side in ("north", "south") else walls.z1
    middle = along + (door.offset + door.width // 2 if door else (walls.width // 2))
    cells = {
        "south": (middle, walls.z2 + STEP_OUT),
        "north": (middle, walls.z1 - STEP_OUT),
        "east": (walls.x2 + STEP_OUT, middle),
        "west": (walls.x1 - STEP_OUT, middle),
    }
    x, z = cells[side]
    return min(max(x, 0), estate.size[0] - 1), min(max(z, 0), estate.size[1] - 1)


def free_spot(model: VoxelModel, heights: np.ndarray, wanted: tuple[int, int]) -> Point:
    """The standing place nearest `wanted`: on the ground, with two air blocks above.

    Returns the middle of the block above the ground, so a player lands on it."""
    air = model.material_index("air")
    nx, ny, nz = model.size
    xs, zs = np.meshgrid(np.arange(nx), np.arange(nz), indexing="ij")
    feet = heights.astype(int) + 1
    inside = feet + 1 < ny
    feet = np.minimum(feet, ny - 2)
    standing = inside & (model.grid[xs, feet, zs] == air) & (model.grid[xs, feet + 1, zs] == air)
    if not standing.any():  # a model of solid blocks: stand on its top
        return wanted[0] + 0.5, float(ny), wanted[1] + 0.5
    distance = (xs - wanted[0]) ** 2 + (zs - wanted[1]) ** 2
    distance[~standing] = np.iinfo(distance.dtype).max
    x, z = np.unravel_index(int(np.argmin(distance)), distance.shape)
    return int(x) + 0.5, float(feet[x, z]), int(z) + 0.5
