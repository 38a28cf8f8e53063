"""Roofs as height fields over any footprint: flat, gabled, hipped and single-pitch.

A roof is described per ground cell by how far it rises above the ceiling there. A gabled
wing is a prism: the distance across the wing to its nearer eave, extended along its ridge
so that the wings of an L or U meet in valleys. A hipped roof is the distance to the nearest
edge along the four axes, which suits any outline. A single-pitch roof rises one cell per three
towards its high side. An overhang grows the roof past the walls and lowers its eaves.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from minecraft_scripts.generate.canvas import Canvas
from minecraft_scripts.generate.walls import ceiling_y
from worlds.building_parts import RoofShape
from worlds.geometry import Rect
from worlds.massing import Massing, WingPlan
from worlds.shapes import CellMask

NONE = np.iinfo(np.int16).min
"""Height of a cell without roof."""


@dataclass(frozen=True, eq=False)
class RoofPlan:
    """Per cell of ``rect``: the roof base (ceiling y), its rise, and whether walls stand there.

    ``rise`` is NONE where there is no roof; over the eaves of an overhang it is negative.
    """

    rect: Rect
    base: np.ndarray
    rise: np.ndarray
    storeys: np.ndarray
    flat: np.ndarray
    overhang: int

    def top(self) -> int:
        """The highest y the roof reaches (a flat roof's parapet included)."""
        covered = self.rise != NONE
        surface = np.where(covered, self.base + self.rise + self.flat, 0)
        return int(surface.max())


def roof_plan(
    massing: Massing, floor_height: int, overhang: int = 0, rises_towards: str = "north"
) -> RoofPlan:
    """The roof of every wing, with its overhang, over the massing grown by the overhang."""
    grow = overhang
    rect = massing.rect.grown(grow, grow, grow, grow)
    shape = (rect.width, rect.depth)
    storeys = np.zeros(shape, dtype=np.int16)
    storeys[grow : grow + massing.rect.width, grow : grow + massing.rect.depth] = massing.storeys
    rise = np.full(shape, NONE, dtype=np.int16)
    base = np.zeros(shape, dtype=np.int16)
    flat = np.zeros(shape, dtype=bool)
    for wing in massing.wings:
        wing_rise = _wing_rise(massing, wing, rect, storeys, grow, rises_towards)
        higher = wing_rise > rise
        rise = np.where(higher, wing_rise, rise)
        base = np.where(higher, ceiling_y(wing.floors, floor_height), base)
        flat = np.where(higher, wing.roof_shape == "flat", flat)
    return RoofPlan(rect, base, rise, storeys, flat, grow)


def rect_roof(rect: Rect, floors: int, floor_height: int, shape: RoofShape) -> RoofPlan:
    """The roof of a plain rectangular house (row houses)."""
    wing = WingPlan(CellMask.full(rect), floors, shape)
    return roof_plan(Massing.of_wings([wing]), floor_height)


def roof_top(rect: Rect, floors: int, floor_height: int, shape: RoofShape) -> int:
    """The highest y a roof of this shape reaches over a rectangle."""
    return rect_roof(rect, floors, floor_height, shape).top()


def paint_roof(canvas: Canvas, plan: RoofPlan, roof: str, gable: str) -> None:
    """The roof solid down to each ceiling, the walls' material in gable ends, a parapet
    around flat roofs without overhang; overhanging eaves are one cell thick."""
    covered = plan.rise != NONE
    if not covered.any():
        return
    surface = np.where(covered, plan.base + plan.rise, 0)
    low = int(np.where(covered, surface, surface.max()).min())
    ys = np.arange(low, int(surface.max()) + 2)[None, :, None]
    base, top = plan.base[:, None, :], surface[:, None, :]
    inside = (plan.storeys > 0)[:, None, :]
    on = covered[:, None, :]
    solid = on & np.where(inside, (base <= ys) & (ys <= top), ys == top)
    edge = _top_edge(plan.storeys)[:, None, :]
    gable_end = on & inside & edge & (base < ys) & (ys < top)
    parapet = on & inside & edge & plan.flat[:, None, :] & (ys == base + 1)
    low_corner = (plan.rect.x1, low, plan.rect.z1)
    canvas.mask(low_corner, solid, roof)
    canvas.mask(low_corner, gable_end, gable)
    if plan.overhang == 0:
        canvas.mask(low_corner, parapet, gable)


def _top_edge(storeys: np.ndarray) -> np.ndarray:
    """Cells whose top storey has an outer wall: a neighbour is lower or outside."""
    padded = np.pad(storeys, 1)
    lowest = np.minimum.reduce(
        [padded[:-2, 1:-1], padded[2:, 1:-1], padded[1:-1, :-2], padded[1:-1, 2:]]
    )
    return (storeys > 0) & (lowest < storeys)


def _wing_rise(
    massing: Massing,
    wing: WingPlan,
    rect: Rect,
    storeys: np.ndarray,
    grow: int,
    rises_towards: str,
) -> np.ndarray:
    """This wing's roof rise over ``rect``: on its own top cells and on free cells nearby."""
    own = _place(wing.mask.cells, wing.mask.rect, rect) & (storeys == wing.floors)
    near = _dilate(_place(wing.mask.cells, wing.mask.rect, rect), grow) & (storeys == 0)
    level = storeys == wing.floors
    if wing.roof_shape == "flat":
        rise = np.zeros(storeys.shape, dtype=np.int16)
    elif wing.roof_shape == "hipped":
        rise = _nearest_edge(_dilate(level, grow), axes=(0, 1)) - grow
    elif wing.roof_shape == "single_pitch":
        rise = _single_pitch(_dilate(own, grow), rises_towards) - grow // 3
    elif len(massing.wings) == 1:
        axis = 1 if wing.ridge_along_x else 0
        rise = _nearest_edge(_dilate(own, grow), axes=(axis,)) - grow
    else:
        rise = _prism(wing.mask.rect, rect)
        own = (rise >= 0) & level
        near = _dilate(own, grow) & (storeys == 0) & (rise >= -grow)
    return np.where(own | near, rise, NONE).astype(np.int16)


def _prism(wing: Rect, rect: Rect) -> np.ndarray:
    """A gabled wing's rise, extended along its ridge so that joined wings meet in valleys
    (negative beyond its eaves)."""
    xs = np.arange(rect.x1, rect.x2 + 1)[:, None]
    zs = np.arange(rect.z1, rect.z2 + 1)[None, :]
    if wing.width >= wing.depth:
        across = np.minimum(zs - wing.z1, wing.z2 - zs) + 0 * xs
    else:
        across = np.minimum(xs - wing.x1, wing.x2 - xs) + 0 * zs
    return across


def _single_pitch(mask: np.ndarray, high_side: str) -> np.ndarray:
    """A third of the distance from the low edge: one cell up for every three towards
    ``high_side``, a gentle pitch (pulttag)."""
    axis, from_low = {
        "north": (1, "south"),
        "south": (1, "north"),
        "east": (0, "west"),
        "west": (0, "east"),
    }[high_side]
    runs = _runs(mask, axis, reverse=from_low in ("south", "east"))
    return runs // 3


def _nearest_edge(mask: np.ndarray, axes: tuple[int, ...]) -> np.ndarray:
    """Cells from each cell of ``mask`` to its nearest edge, looking along ``axes`` only."""
    runs = [_runs(mask, axis, reverse) for axis in axes for reverse in (False, True)]
    return np.minimum.reduce(runs)


def _runs(mask: np.ndarray, axis: int, reverse: bool) -> np.ndarray:
    """For each cell, how many mask cells lie before it without a gap along ``axis``."""
    moved = np.moveaxis(mask, axis, 0)
    out = np.zeros(moved.shape, dtype=np.int16)
    run = np.full(moved.shape[1:], -1, dtype=np.int16)
    order = range(moved.shape[0] - 1, -1, -1) if reverse else range(moved.shape[0])
    for index in order:
        run = np.where(moved[index], run + 1, -1)
        out[index] = run
    return np.moveaxis(out, 0, axis)


def _place(cells: np.ndarray, at: Rect, rect: Rect) -> np.ndarray:
    out = np.zeros((rect.width, rect.depth), dtype=bool)
    x, z = at.x1 - rect.x1, at.z1 - rect.z1
    out[x : x + at.width, z : z + at.depth] = cells
    return out


def _dilate(mask: np.ndarray, cells: int) -> np.ndarray:
    """``mask`` grown by ``cells`` in every direction, corners included."""
    grown = mask.copy()
    for _ in range(cells):
        padded = np.pad(grown, 1)
        grown = np.zeros_like(grown)
        for dx in (0, 1, 2):
            for dz in (0, 1, 2):
                grown |= padded[dx : dx + mask.shape[0], dz : dz + mask.shape[1]]
    return grown
