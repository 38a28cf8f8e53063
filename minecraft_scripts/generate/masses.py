"""Paint a building's mass: outer walls and floor slabs storey by storey, bands, gable walls,
and windows spread along every straight run of wall.

Storey ``s`` of a cell exists where the massing has more than ``s`` storeys there; a cell
is an outer wall in storey ``s`` when a neighbour lacks that storey, so stepped heights give
walls above a lower wing's roof by themselves.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from minecraft_scripts.generate.canvas import Canvas
from minecraft_scripts.generate.frames import Frame, spread
from minecraft_scripts.generate.walls import SIDES, floor_y
from worlds.building_parts import Windows
from worlds.geometry import Rect, Side
from worlds.massing import Massing

STEP: dict[str, tuple[int, int]] = {
    "north": (0, -1),
    "south": (0, 1),
    "east": (1, 0),
    "west": (-1, 0),
}


@dataclass(frozen=True)
class WallRun:
    """A straight stretch of outer wall facing ``side``; its frame has u = 0 at its west or
    north end and v = 0 in the wall, negative v outside."""

    side: Side
    frame: Frame

    @property
    def length(self) -> int:
        return self.frame.length


def facing(cells: np.ndarray, side: str) -> np.ndarray:
    """Cells of ``cells`` whose neighbour towards ``side`` is not in ``cells``."""
    dx, dz = STEP[side]
    padded = np.pad(cells, 1)
    width, depth = cells.shape
    neighbour = padded[1 + dx : 1 + dx + width, 1 + dz : 1 + dz + depth]
    return cells & ~neighbour


def outer_walls(cells: np.ndarray) -> np.ndarray:
    """Cells of ``cells`` with any side open."""
    walls = np.zeros_like(cells)
    for side in SIDES:
        walls |= facing(cells, side)
    return walls


def wall_runs(massing: Massing, storey: int, side: Side) -> Iterator[WallRun]:
    """Each straight run of storey ``storey``'s wall facing ``side``."""
    faces = facing(massing.storey(storey), side)
    along_x = side in ("north", "south")
    lines = faces.T if along_x else faces
    origin = massing.rect
    for line_index, line in enumerate(lines):
        padded = np.concatenate([[False], line, [False]]).astype(np.int8)
        edges = np.flatnonzero(np.diff(padded))
        for start, end in zip(edges[::2], edges[1::2], strict=True):
            if along_x:
                z = origin.z1 + line_index
                rect = Rect(origin.x1 + int(start), z, origin.x1 + int(end) - 1, z)
            else:
                x = origin.x1 + line_index
                rect = Rect(x, origin.z1 + int(start), x, origin.z1 + int(end) - 1)
            yield WallRun(side, Frame(rect, side))


def wall_frame(massing: Massing, side: Side, offset: int) -> Frame | None:
    """A frame on the outermost ground-floor wall facing ``side`` at ``offset`` along it,
    with u counted from the building's west or north end (as entrances count)."""
    cell = massing.outermost(side, offset)
    if cell is None:
        return None
    outer = massing.rect
    if side in ("north", "south"):
        return Frame(Rect(outer.x1, cell[1], outer.x2, cell[1]), side)
    return Frame(Rect(cell[0], outer.z1, cell[0], outer.z2), side)


def paint_mass(
    canvas: Canvas,
    massing: Massing,
    floor_height: int,
    facades: tuple[str, str],
    bands: str | None,
) -> None:
    """Walls and a slab for every storey; ``facades`` is (ground floor, upper floors)."""
    low = (massing.rect.x1, 0, massing.rect.z1)
    for storey in range(massing.floors):
        cells = massing.storey(storey)
        walls = outer_walls(cells)
        slab_y = floor_y(storey, floor_height)
        facade = facades[0] if storey == 0 else facades[1]
        canvas.mask((low[0], slab_y, low[2]), cells[:, None, :], facade)
        shaft = np.repeat(walls[:, None, :], floor_height, axis=1)
        canvas.mask((low[0], slab_y, low[2]), shaft, facade)
        if bands is not None and storey > 0:
            canvas.mask((low[0], slab_y, low[2]), walls[:, None, :], bands)


def paint_gable_walls(canvas: Canvas, massing: Massing, floor_height: int, material: str) -> None:
    """Give each wing's two short end walls their own material, where they are outer walls."""
    for wing in massing.wings:
        rect = wing.mask.rect
        ends = np.zeros(wing.mask.cells.shape, dtype=bool)
        if rect.width >= rect.depth:
            ends[[0, -1], :] = True
        else:
            ends[:, [0, -1]] = True
        for storey in range(wing.floors):
            walls = outer_walls(massing.storey(storey))[wing.mask.window_in(massing.rect)]
            shaft = np.repeat((walls & ends & wing.mask.cells)[:, None, :], floor_height, axis=1)
            canvas.mask((rect.x1, floor_y(storey, floor_height), rect.z1), shaft, material)


def paint_windows(
    canvas: Canvas, massing: Massing, floor_height: int, windows: tuple[Windows | None, ...]
) -> None:
    """Windows centred on every wall run, storey by storey; ``windows[0]`` is the ground
    floor's, ``windows[1]`` the upper floors'."""
    for storey in range(massing.floors):
        spec = windows[0] if storey == 0 else windows[1]
        if spec is None:
            continue
        first = floor_y(storey, floor_height) + 1
        last = first + min(spec.height, floor_height - 1) - 1
        for side in SIDES:
            for run in wall_runs(massing, storey, side):
                for start in spread(run.length, spec.width, spec.spacing):
                    pane = run.frame.span(start, 0, start + spec.width - 1, 0)
                    canvas.area(pane, first, last, spec.material)
