"""Features on sloping ground: painted as on flat land, then stood on the terrain.

A painter never thinks about slopes. Each feature is painted into a scratch model with flat
ground at y = 0 and then moved onto the land: lawns, paths and playgrounds are draped, each
column lifted by the ground's height there; buildings, sheds and each single tree, bench or
lamp stand level at one height (a building at the highest ground under it, on a plinth).
Ponds dig into the ground themselves. On flat land all this is skipped.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from minecraft_scripts.generate.canvas import Canvas
from minecraft_scripts.voxels import Box, VoxelModel
from worlds.geometry import Rect

UNTOUCHED = 255
"""A scratch voxel no painter wrote to; every other value is copied onto the land."""
SPLIT_BY_POINT = frozenset({"trees", "benches", "lamps"})
REACH = 4
"""Cells a feature may paint beyond its footprint: crowns, canopies, ramps in front of doors."""
PLINTH = "stone"


def pieces(feature: Any) -> list[Any]:
    """A feature as it stands on the land: one piece per tree, bench or lamp."""
    if getattr(feature, "type", "") in SPLIT_BY_POINT and len(feature.points) > 1:
        return [feature.model_copy(update={"points": [point]}) for point in feature.points]
    return [feature]


def stand(canvas: Canvas, feature: Any, paint: Any, heights: np.ndarray) -> None:
    """Paint ``feature`` onto the land of ``heights`` (one ground y per column)."""
    model = canvas.model
    region = _region(feature.footprint(), model)
    scratch = VoxelModel(model.materials, np.full(model.grid.shape, UNTOUCHED, np.uint8))
    scratch_canvas = Canvas(scratch, canvas.clip, canvas.seed)
    paint(scratch_canvas, feature)
    rigid = hasattr(feature, "body") or getattr(feature, "type", "") in SPLIT_BY_POINT | {"sign"}
    window = heights[region.x1 : region.x2 + 1, region.z1 : region.z2 + 1]
    lift = np.full(window.shape, base_height(feature, heights)) if rigid else window
    if rigid and hasattr(feature, "body"):
        _plinth(canvas, feature, heights, int(lift.flat[0]))
    for dy in np.unique(lift):
        columns = lift == dy
        _copy_up(scratch, model, region, columns, int(dy))
    for sign in scratch.signs:
        inside = region.contains(sign.x, 0, sign.z)
        dy = int(lift[sign.x - region.x1, sign.z - region.z1]) if inside else 0
        canvas.sign(sign.x, sign.y + dy, sign.z, sign.lines)


def _region(footprint: Rect, model: VoxelModel) -> Box:
    nx, ny, nz = model.size
    return Box(
        max(0, footprint.x1 - REACH), 0, max(0, footprint.z1 - REACH),
        min(nx - 1, footprint.x2 + REACH), ny - 1, min(nz - 1, footprint.z2 + REACH),
    )  # fmt: skip


def base_height(feature: Any, heights: np.ndarray) -> int:
    """The one height a rigid feature stands at: the highest ground under it."""
    if hasattr(feature, "body"):
        body = feature.body()
        cells = heights[body.rect.x1 : body.rect.x2 + 1, body.rect.z1 : body.rect.z2 + 1]
        return int(cells[body.cells[: cells.shape[0], : cells.shape[1]]].max())
    x, z = feature.points[0] if hasattr(feature, "points") else feature.at
    return int(heights[x, z])


def _plinth(canvas: Canvas, feature: Any, heights: np.ndarray, base: int) -> None:
    """Fill between the land and a building's floor, where the ground falls away."""
    body = feature.body()
    for i, j in zip(*np.nonzero(body.cells), strict=True):
        x, z = body.rect.x1 + int(i), body.rect.z1 + int(j)
        if x < heights.shape[0] and z < heights.shape[1] and heights[x, z] < base:
            canvas.box(x, int(heights[x, z]) + 1, z, x, base, z, PLINTH)


def _copy_up(scratch: VoxelModel, model: VoxelModel, region: Box, columns: np.ndarray, dy: int):
    """Copy the painted voxels of ``columns`` (within ``region``) ``dy`` blocks higher."""
    height = model.size[1] - dy
    if height <= 0:
        return
    source = scratch.grid[region.x1 : region.x2 + 1, :height, region.z1 : region.z2 + 1]
    target = model.grid[region.x1 : region.x2 + 1, dy:, region.z1 : region.z2 + 1]
    painted = (source != UNTOUCHED) & columns[:, None, :]
    target[painted] = source[painted]
