"""A building's mass: which ground cells it covers and how many storeys stand on each.

Flats and common houses may be a plain block, a composed shape (L, U, courtyard block), a
list of wings with their own heights, or a free outline. All become one ``Massing``:
the wings (each with its floors and roof shape) and the storey count per cell. Rule checks,
generation and the planner's measures all read it, so they agree on what stands where.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from worlds.building_parts import RoofShape
from worlds.geometry import Rect
from worlds.shapes import CellMask


@dataclass(frozen=True, eq=False)
class WingPlan:
    """One wing: its cells, storeys and roof. Pitched roofs ridge along ``ridge_along_x``."""

    mask: CellMask
    floors: int
    roof_shape: RoofShape

    @property
    def ridge_along_x(self) -> bool:
        return self.mask.rect.width >= self.mask.rect.depth


@dataclass(frozen=True, eq=False)
class Massing:
    """The wings of one building and, per cell of ``rect``, the storeys standing there."""

    rect: Rect
    storeys: np.ndarray
    wings: tuple[WingPlan, ...]

    @classmethod
    def of_wings(cls, wings: list[WingPlan]) -> Massing:
        rect = CellMask.union([wing.mask for wing in wings]).rect
        storeys = np.zeros((rect.width, rect.depth), dtype=np.int16)
        for wing in wings:
            window = storeys[wing.mask.window_in(rect)]
            np.maximum(window, np.where(wing.mask.cells, wing.floors, 0), out=window)
        return cls(rect, storeys, tuple(wings))

    @property
    def floors(self) -> int:
        return int(self.storeys.max())

    def body(self) -> CellMask:
        """The ground cells the building stands on."""
        return CellMask(self.rect, self.storeys > 0)

    def storey(self, storey: int) -> np.ndarray:
        """Cells that have storey ``storey`` (0 = ground floor)."""
        return self.storeys > storey

    def floor_cells(self) -> int:
        """Gross floor area in cells: every storey of every cell (etageareal, in m²)."""
        return int(self.storeys.sum())

    def outermost(self, side: str, offset: int) -> tuple[int, int] | None:
        """The ground-floor cell of the wall facing ``side`` at ``offset`` along it."""
        body = self.storeys > 0
        if side in ("north", "south"):
            if not 0 <= offset < self.rect.width or not body[offset].any():
                return None
            cells = np.flatnonzero(body[offset])
            z = cells.max() if side == "south" else cells.min()
            return self.rect.x1 + offset, self.rect.z1 + int(z)
        if not 0 <= offset < self.rect.depth or not body[:, offset].any():
            return None
        cells = np.flatnonzero(body[:, offset])
        x = cells.max() if side == "east" else cells.min()
        return self.rect.x1 + int(x), self.rect.z1 + offset


def shape_wings(rect: Rect, shape: str, depth: int, corner: str, open_side: str) -> list[Rect]:
    """The wing rectangles of a composed shape inside ``rect``, none overlapping.

    L: the wings meet at ``corner``. U: open towards ``open_side``. Courtyard: four wings
    around a closed courtyard (north, south, west, east).
    """
    if shape == "block":
        return [rect]
    north = Rect(rect.x1, rect.z1, rect.x2, rect.z1 + depth - 1)
    south = Rect(rect.x1, rect.z2 - depth + 1, rect.x2, rect.z2)
    west = Rect(rect.x1, rect.z1, rect.x1 + depth - 1, rect.z2)
    east = Rect(rect.x2 - depth + 1, rect.z1, rect.x2, rect.z2)
    if shape == "l":
        across = north if corner.startswith("north") else south
        upright = west if corner.endswith("west") else east
        return [across, _minus_strip(upright, across)]
    if shape == "u":
        closed = {"south": north, "north": south, "east": west, "west": east}[open_side]
        arms = [west, east] if open_side in ("north", "south") else [north, south]
        return [closed, *(_minus_strip(arm, closed) for arm in arms)]
    return [north, south, _minus_strip(_minus_strip(west, north), south),
            _minus_strip(_minus_strip(east, north), south)]  # fmt: skip


def _minus_strip(rect: Rect, strip: Rect) -> Rect:
    """``rect`` shortened so that it no longer reaches into ``strip``, which crosses one end."""
    across_width = strip.x1 <= rect.x1 and rect.x2 <= strip.x2
    if across_width and strip.z1 <= rect.z1 <= strip.z2:
        return Rect(rect.x1, strip.z2 + 1, rect.x2, rect.z2)
    if across_width:
        return Rect(rect.x1, rect.z1, rect.x2, strip.z1 - 1)
    if strip.x1 <= rect.x1 <= strip.x2:
        return Rect(strip.x2 + 1, rect.z1, rect.x2, rect.z2)
    return Rect(rect.x1, rect.z1, strip.x1 - 1, rect.z2)
