"""Cut a voxel model into few axis-aligned cuboids, one `setBlocks` each.

A server pays per command far more than per block, so the planner cuts every row into runs
of one material along x, joins equal runs upwards, then equal rectangles along z: boxes that
suit buildings, which are mostly slabs and walls, from a few numpy passes. Each cuboid's
volume is capped (like vanilla `/fill`) so that no single command stalls a server, and the
plan is ordered so the estate rises as pupils watch.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from minecraft_scripts.voxels import AIR, Box, VoxelModel

MAX_CUBOID_VOLUME = 32_768
"""Vanilla Minecraft caps `/fill` here; RaspberryJuice fills a cuboid within one tick."""

DETAIL_MATERIALS = frozenset(
    {"tree_trunk", "leaves", "conifer_leaves", "hedge", "flowers", "crops", "metal", "fence",
     "lamp", "sign"}
)  # fmt: skip
"""Placed last, after ground, walls and roofs, like the finishing touches of a real build."""


@dataclass(frozen=True)
class Cuboid:
    """One command's worth of building: fill `box` with the model's material `material`."""

    box: Box
    material: int


Runs = dict[str, np.ndarray]
"""Boxes as columns of equal length: x1, x2, y1, y2, z1, z2 (inclusive) and label."""


def _runs_along_x(labels: np.ndarray, cap: int) -> Runs:
    """Maximal runs of one label along x in every (y, z) row, at most `cap` long; label -1
    (voxels not needed) makes no run."""
    nx, _, nz = labels.shape
    rows = np.ascontiguousarray(labels.transpose(1, 2, 0)).reshape(-1, nx)  # y-major rows
    starts_mask = np.ones(rows.shape, dtype=bool)
    starts_mask[:, 1:] = rows[:, 1:] != rows[:, :-1]
    starts = np.flatnonzero(starts_mask)
    ends = np.append(starts[1:], rows.size) - 1
    label = rows.reshape(-1)[starts]
    keep = label >= 0
    starts, ends, label = starts[keep], ends[keep], label[keep]
    row, x1 = np.divmod(starts, nx)
    x2 = ends % nx
    pieces = -(-(x2 - x1 + 1) // cap)  # runs longer than the cap are cut
    if (pieces > 1).any():
        first = np.repeat(np.cumsum(pieces) - pieces, pieces)
        offset = (np.arange(pieces.sum()) - first) * cap
        row, x1, x2, label = (np.repeat(a, pieces) for a in (row, x1, x2, label))
        x1 = x1 + offset
        x2 = np.minimum(x2, x1 + cap - 1)
    y, z = np.divmod(row, nz)
    return {"x1": x1, "x2": x2, "y1": y, "y2": y, "z1": z, "z2": z, "label": label}


def _merge(runs: Runs, axis: str, cap: int) -> Runs:
    """Join boxes that are equal but for consecutive positions along `axis` ("y" or "z"),
    as long as the joined box stays within `cap` voxels."""
    low, high = f"{axis}1", f"{axis}2"
    if runs[low].size == 0:
        return runs
    keys = [k for k in ("label", "x1", "x2", "y1", "y2", "z1", "z2") if k not in (low, high)]
    order = np.lexsort([runs[low], *(runs[k] for k in reversed(keys))])
    sorted_runs = {k: v[order] for k, v in runs.items()}
    position = sorted_runs[low]
    same = np.ones(position.size, dtype=bool)
    same[0] = False
    for k in keys:
        same[1:] &= sorted_runs[k][1:] == sorted_runs[k][:-1]
    same[1:] &= position[1:] == position[:-1] + 1
    group_start = np.flatnonzero(~same)
    group = np.cumsum(~same) - 1
    area = np.ones(position.size, dtype=np.int64)
    for a in "xyz":
        if a != axis:
            area *= sorted_runs[f"{a}2"] - sorted_runs[f"{a}1"] + 1
    within = np.arange(position.size) - group_start[group]
    first = ~same | (within % (cap // area) == 0)  # a new box starts here
    last = np.append(first[1:], True)
    merged = {k: v[first] for k, v in sorted_runs.items()}
    merged[high] = position[last]
    return merged


def greedy_cuboids(
    grid: np.ndarray,
    needed: np.ndarray | None = None,
    *,
    cap: int = MAX_CUBOID_VOLUME,
) -> list[Cuboid]:
    """Cuboids that together set every `needed` voxel (default: all) to its value in `grid`.

    Runs along x are joined upwards, then along z, wherever they match exactly: a few
    array passes instead of a Python loop per voxel. Cuboids cover needed voxels only,
    never overlap and never exceed `cap` voxels.
    """
    return _as_cuboids(_boxes(grid, needed, cap))


def _boxes(grid: np.ndarray, needed: np.ndarray | None, cap: int) -> Runs:
    labels = grid.astype(np.int16)
    if needed is not None:
        labels[~needed] = -1
    return _merge(_merge(_runs_along_x(labels, cap), "y", cap), "z", cap)


def _as_cuboids(boxes: Runs, order: np.ndarray | None = None) -> list[Cuboid]:
    names = ("x1", "y1", "z1", "x2", "y2", "z2", "label")
    columns = (boxes[k] if order is None else boxes[k][order] for k in names)
    rows = zip(*(column.tolist() for column in columns), strict=True)
    return [Cuboid(Box(x1, y1, z1, x2, y2, z2), m) for x1, y1, z1, x2, y2, z2, m in rows]


def _stage_of(name: str) -> int:
    """0 clears air, 1 is ground and structure, 2 the details."""
    if name == AIR:
        return 0
    return 2 if name in DETAIL_MATERIALS else 1


def _stage(cuboid: Cuboid, materials: tuple[str, ...]) -> int:
    return _stage_of(materials[cuboid.material])


def ordered(cuboids: list[Cuboid], materials: tuple[str, ...]) -> list[Cuboid]:
    """Clear first, then rise layer by layer (ground, walls, roofs), details last."""
    return sorted(
        cuboids,
        key=lambda c: (_stage(c, materials), c.box.y1, c.box.z1, c.box.x1),
    )


def plan_model(
    model: VoxelModel,
    needed: np.ndarray | None = None,
    *,
    include_air: bool = True,
    cap: int = MAX_CUBOID_VOLUME,
) -> list[Cuboid]:
    """The ordered build plan for a model, or for just its `needed` voxels (a diff).

    Without `include_air` the plan assumes the region is empty and places solid voxels only.
    """
    if not include_air:
        solid = model.grid != 0
        needed = solid if needed is None else needed & solid
    boxes = _boxes(model.grid, needed, cap)
    stages = np.array([_stage_of(name) for name in model.materials], dtype=np.int8)
    order = np.lexsort((boxes["x1"], boxes["z1"], boxes["y1"], stages[boxes["label"]]))
    return _as_cuboids(boxes, order)  # the order of `ordered`, sorted by numpy


def replay(cuboids: list[Cuboid], shape: tuple[int, int, int], fill: int = 0) -> np.ndarray:
    """Apply a plan to a grid of `fill`: what a server ends up holding (used by tests)."""
    grid = np.full(shape, fill, dtype=np.uint8)
    for cuboid in cuboids:
        grid[cuboid.box.slices()] = cuboid.material
    return grid
