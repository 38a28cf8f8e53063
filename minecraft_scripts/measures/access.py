"""Step-free access, read from the voxels: walk out of each door and see whether any step
on the way down to the ground is higher than half a block (a Minecraft slab, which a
player walks up without jumping, as a wheelchair rolls up a ramp)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from minecraft_scripts.generate.frames import Frame
from minecraft_scripts.generate.masses import STEP, wall_frame
from minecraft_scripts.generate.standing import base_height
from minecraft_scripts.voxels import VoxelModel
from worlds.building_features import Flats
from worlds.geometry import Rect

WALK = 8
"""Cells walked out of a door before giving up on reaching the ground."""


@dataclass(frozen=True)
class Door:
    """A door's wall cell, the way out of it, and whether a lift stands behind it."""

    x: int
    z: int
    side: str
    base: int
    lift: bool = False


def doors(feature: Any, heights: np.ndarray) -> Iterator[Door]:
    """The doors the generator put in a block of flats (entrances, staircases, towers)."""
    if not isinstance(feature, Flats):
        return
    massing = feature.massing()
    base = base_height(feature, heights) if heights.any() else 0
    for part in (*feature.entrances, *(s for s in feature.staircases if s.entrance)):
        frame = wall_frame(massing, part.side, part.offset)
        if frame is not None:
            yield Door(*frame.cell(part.offset, 0), part.side, base)
    for tower in feature.stair_towers:
        frame = wall_frame(massing, tower.side, tower.offset)
        if frame is None:
            continue
        rect: Rect = frame.span(tower.offset, -tower.depth, tower.offset + tower.width - 1, -1)
        outside = Frame(rect, tower.side)
        yield Door(*outside.cell(outside.length // 2, 0), tower.side, base, lift=tower.lift)


def step_free(model: VoxelModel, heights: np.ndarray, door: Door) -> bool:
    """Whether one walks from the door's threshold to the ground without a full step."""
    nx, _, nz = model.size
    slab = model.material_index("ramp_slab") if "ramp_slab" in model.materials else -1
    level = door.base + 2.0
    dx, dz = STEP[door.side]
    for distance in range(1, WALK + 1):
        x, z = door.x + dx * distance, door.z + dz * distance
        if not (0 <= x < nx and 0 <= z < nz):
            return False
        standing = _standing_level(model.grid[x, :, z], level, slab)
        if standing < level - 0.5 or standing > level + 0.5:
            return False
        level = standing
        if level <= heights[x, z] + 1:
            return True
    return False


def _standing_level(column: np.ndarray, below: float, slab: int) -> float:
    """Where one stands in a column, coming from ``below``'s height: on the highest solid
    voxel under it (half a block lower on a slab)."""
    for y in range(min(int(below), len(column) - 1), -1, -1):
        if column[y] != 0:
            return y + (0.5 if column[y] == slab else 1.0)
    return 0.0
