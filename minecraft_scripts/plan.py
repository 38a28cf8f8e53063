"""Cut a voxel model into few axis-aligned cuboids, one `setBlocks` each.

A server pays per command far more than per block, so the planner grows boxes greedily: from
the first unplaced voxel it runs along x, then rises, then widens along z, as far as the
material stays the same. Greedy growth is near-optimal for buildings, which are mostly
slabs and walls. Each cuboid's volume is capped (like vanilla `/fill`) so that no single
command stalls a server, and the plan is ordered so the estate rises as pupils watch.
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


def _run_length(free: np.ndarray) -> int:
    """How many leading entries of a 1-D boolean array are true."""
    if free.all():
        return int(free.size)
    return int(np.argmin(free))


GROWTH_ORDER = (2, 0, 1)
"""Axes of a (y, z, x) grid in the order a box grows: along x, then up, then along z, which
suits façades. Trying all six orders and keeping the largest box saved under 1 %."""


def _grow(
    labels: np.ndarray, covered: np.ndarray, seed: tuple[int, int, int], cap: int
) -> list[int]:
    """The extent (per axis of a (y, z, x) grid) of the box grown from `seed`: along each
    axis in turn, as far as the voxels hold the seed's material and are not yet covered.
    Each step looks only as far as the cap allows, so a seed costs O(cap), not O(grid)."""
    material = labels[seed]
    extent = [1, 1, 1]
    for axis in GROWTH_ORDER:
        others = tuple(a for a in range(3) if a != axis)
        reach = cap // (extent[others[0]] * extent[others[1]])
        window = [slice(seed[a], seed[a] + extent[a]) for a in range(3)]
        window[axis] = slice(seed[axis], seed[axis] + reach)
        region = tuple(window)
        free = (labels[region] == material) & ~covered[region]
        extent[axis] = _run_length(free.all(axis=others))
    return extent


def greedy_cuboids(
    grid: np.ndarray,
    needed: np.ndarray | None = None,
    *,
    cap: int = MAX_CUBOID_VOLUME,
) -> list[Cuboid]:
    """Cuboids that together set every `needed` voxel to its value in `grid`.

    `needed` defaults to every voxel. A cuboid may also cover voxels that are not needed
    but already hold its material (this saves commands in a diff rebuild); cuboids never
    overlap and never exceed `cap` voxels.
    """
    labels = np.ascontiguousarray(grid.transpose(1, 2, 0))  # (y, z, x): y-major seed order
    # a copy, so the caller's mask stays untouched
    todo = np.ones_like(labels, dtype=bool) if needed is None else needed.transpose(1, 2, 0).copy()
    covered = np.zeros_like(labels, dtype=bool)
    todo_flat = todo.reshape(-1)
    _, nz, nx = labels.shape
    cuboids: list[Cuboid] = []
    start = 0
    while start < todo_flat.size:
        offset = int(np.argmax(todo_flat[start:]))
        if not todo_flat[start + offset]:
            break
        start += offset
        y, rest = divmod(start, nz * nx)
        z, x = divmod(rest, nx)
        ly, lz, lx = _grow(labels, covered, (y, z, x), cap)
        covered[y : y + ly, z : z + lz, x : x + lx] = True
        todo[y : y + ly, z : z + lz, x : x + lx] = False
        cuboids.append(Cuboid(Box.of_size(x, y, z, lx, ly, lz), int(labels[y, z, x])))
    return cuboids


def _stage(cuboid: Cuboid, materials: tuple[str, ...]) -> int:
    """0 clears air, 1 is ground and structure, 2 the details."""
    name = materials[cuboid.material]
    if name == AIR:
        return 0
    return 2 if name in DETAIL_MATERIALS else 1


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
    return ordered(greedy_cuboids(model.grid, needed, cap=cap), model.materials)


def replay(cuboids: list[Cuboid], shape: tuple[int, int, int], fill: int = 0) -> np.ndarray:
    """Apply a plan to a grid of `fill`: what a server ends up holding (used by tests)."""
    grid = np.full(shape, fill, dtype=np.uint8)
    for cuboid in cuboids:
        grid[cuboid.box.slices()] = cuboid.material
    return grid
