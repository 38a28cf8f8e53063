"""Sun and shadow by casting the sun's rays through the voxels.

From a point above each ground cell a ray runs towards the sun through every voxel it
crosses; it is in shadow if one of them is solid (walls, roofs, tree crowns alike) before
the ray leaves the estate's box. Everything beyond the estate is open land. All rays of one
sun position move together as numpy arrays.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from minecraft_scripts.voxels import VoxelModel

SAMPLE_HEIGHT = 1.1
"""Where sun is measured: this far above the ground's surface, where people sit and children
play (so a low hedge or a bed of vegetables does not shade the path beside it)."""


def sample_voxel(ground: np.ndarray) -> np.ndarray:
    """The y of the voxel each column's sun is measured in."""
    return (ground + 1 + int(SAMPLE_HEIGHT)).astype(np.int64)


def standing_points(model: VoxelModel, ground: np.ndarray) -> np.ndarray:
    """(x, y, z) of the point measured above each column's ground, shape (nx, nz, 3)."""
    nx, _, nz = model.size
    xs, zs = np.meshgrid(np.arange(nx) + 0.5, np.arange(nz) + 0.5, indexing="ij")
    ys = ground.astype(np.float64) + 1.0 + SAMPLE_HEIGHT
    return np.stack([xs, ys, zs], axis=-1)


def lit(grid: np.ndarray, points: np.ndarray, direction: Sequence[float]) -> np.ndarray:
    """For each point (shape (n, 3)): whether the ray towards ``direction`` reaches open sky.
    A point inside a solid voxel (under a bench, in a wall) is never lit.

    The rays step from voxel to voxel exactly (Amanatides and Woo's traversal): each step
    crosses the nearest voxel face, so no voxel a ray passes through is skipped.
    """
    solid = grid != 0
    nx, ny, nz = solid.shape
    levels = np.flatnonzero(solid.any(axis=(0, 2)))
    ceiling = int(levels.max() + 1) if levels.size else 0
    d = np.asarray(direction, dtype=np.float64)
    if d[1] <= 0:
        return np.zeros(len(points), dtype=bool)
    cell = np.floor(points).astype(np.int64)
    result = ~solid[cell[:, 0], np.clip(cell[:, 1], 0, ny - 1), cell[:, 2]]
    step = np.sign(d).astype(np.int64)
    with np.errstate(divide="ignore", over="ignore"):
        across = np.where(d != 0, np.abs(1 / d), np.inf)
        boundary = np.where(d > 0, cell + 1 - points, points - cell)
        next_face = np.where(d != 0, boundary * across, np.inf)
    active = np.flatnonzero(result)
    cell, next_face = cell[active], next_face[active]
    while active.size:
        axis = np.argmin(next_face, axis=1)
        rows = np.arange(active.size)
        cell[rows, axis] += step[axis]
        next_face[rows, axis] += across[axis]
        inside = (
            (cell[:, 0] >= 0) & (cell[:, 0] < nx) & (cell[:, 2] >= 0) & (cell[:, 2] < nz)
            & (cell[:, 1] < ceiling)
        )  # fmt: skip
        active, cell, next_face = active[inside], cell[inside], next_face[inside]
        hit = solid[cell[:, 0], cell[:, 1], cell[:, 2]]
        result[active[hit]] = False
        keep = ~hit
        active, cell, next_face = active[keep], cell[keep], next_face[keep]
    return result


def sun_hours(
    model: VoxelModel,
    ground: np.ndarray,
    directions: Sequence[Sequence[float]],
    hours_each: float,
    where: np.ndarray | None = None,
) -> np.ndarray:
    """Hours of direct sun per column (nx, nz): ``hours_each`` for every direction whose
    ray is free; only columns in ``where`` are cast (others stay 0)."""
    points = standing_points(model, ground)
    chosen = np.ones(ground.shape, dtype=bool) if where is None else where
    flat = points[chosen]
    hours = np.zeros(len(flat))
    for direction in directions:
        hours += lit(model.grid, flat, direction) * hours_each
    out = np.zeros(ground.shape)
    out[chosen] = hours
    return out
