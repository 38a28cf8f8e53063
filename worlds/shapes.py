"""Footprints that are not plain rectangles: polygon outlines and masks of ground cells.

An outline's points are cell *corners*: the outline ``[[10, 10], [40, 10], [40, 30],
[10, 30]]`` covers exactly the cells of ``at: [10, 10], size: [30, 20]``. A cell belongs to
an outline when its centre lies inside it, so any angle is allowed. Rule checks (overlaps)
and generation use the same masks, so what is checked is what is built.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Annotated

import numpy as np
from pydantic import Field

from worlds.geometry import Point, Rect

Outline = Annotated[tuple[Point, ...], Field(min_length=3, max_length=200)]


@dataclass(frozen=True, eq=False)
class CellMask:
    """Ground cells inside ``rect``: ``cells[x - rect.x1, z - rect.z1]`` is True when taken."""

    rect: Rect
    cells: np.ndarray

    @classmethod
    def full(cls, rect: Rect) -> CellMask:
        return cls(rect, np.ones((rect.width, rect.depth), dtype=bool))

    @classmethod
    def of_outline(cls, points: tuple[Point, ...] | list[Point]) -> CellMask:
        """The cells whose centres lie inside the polygon (even-odd rule)."""
        xs = [x for x, _ in points]
        zs = [z for _, z in points]
        rect = Rect(min(xs), min(zs), max(max(xs) - 1, min(xs)), max(max(zs) - 1, min(zs)))
        cx = np.arange(rect.x1, rect.x2 + 1)[:, None] + 0.5
        cz = np.arange(rect.z1, rect.z2 + 1)[None, :] + 0.5
        inside = np.zeros((rect.width, rect.depth), dtype=bool)
        corners = list(points)
        for (ax, az), (bx, bz) in zip(corners, corners[1:] + corners[:1], strict=True):
            if az == bz:
                continue
            crosses = (az > cz) != (bz > cz)
            x_at = ax + (cz - az) * (bx - ax) / (bz - az)
            inside ^= crosses & (cx < x_at)
        return cls(rect, inside)

    @classmethod
    def union(cls, masks: list[CellMask]) -> CellMask:
        rect = masks[0].rect
        for mask in masks[1:]:
            rect = Rect(
                min(rect.x1, mask.rect.x1),
                min(rect.z1, mask.rect.z1),
                max(rect.x2, mask.rect.x2),
                max(rect.z2, mask.rect.z2),
            )
        cells = np.zeros((rect.width, rect.depth), dtype=bool)
        for mask in masks:
            cells[mask.window_in(rect)] |= mask.cells
        return cls(rect, cells)

    def window_in(self, outer: Rect) -> tuple[slice, slice]:
        """Where this mask's cells sit in an array covering ``outer`` (which holds ``rect``)."""
        x, z = self.rect.x1 - outer.x1, self.rect.z1 - outer.z1
        return slice(x, x + self.rect.width), slice(z, z + self.rect.depth)

    def count(self) -> int:
        return int(np.count_nonzero(self.cells))

    def common(self, other: CellMask) -> Rect | None:
        """The rectangle around the cells both masks take, or None when they share none."""
        if not self.rect.overlaps(other.rect):
            return None
        rect = Rect(
            max(self.rect.x1, other.rect.x1),
            max(self.rect.z1, other.rect.z1),
            min(self.rect.x2, other.rect.x2),
            min(self.rect.z2, other.rect.z2),
        )
        shared = self.part(rect) & other.part(rect)
        if not shared.any():
            return None
        xs, zs = np.nonzero(shared)
        return Rect(rect.x1 + xs.min(), rect.z1 + zs.min(), rect.x1 + xs.max(), rect.z1 + zs.max())

    def part(self, rect: Rect) -> np.ndarray:
        """The mask's cells within ``rect`` (False outside the mask's own rectangle)."""
        out = np.zeros((rect.width, rect.depth), dtype=bool)
        x1, z1 = max(rect.x1, self.rect.x1), max(rect.z1, self.rect.z1)
        x2, z2 = min(rect.x2, self.rect.x2), min(rect.z2, self.rect.z2)
        if x1 <= x2 and z1 <= z2:
            out[x1 - rect.x1 : x2 - rect.x1 + 1, z1 - rect.z1 : z2 - rect.z1 + 1] = self.cells[
                x1 - self.rect.x1 : x2 - self.rect.x1 + 1, z1 - self.rect.z1 : z2 - self.rect.z1 + 1
            ]
        return out


def free_line_cells(points: list[Point], width: int) -> CellMask:
    """Cells whose centres lie within ``width / 2`` of the line through ``points``
    (grid points on cell corners, as for outlines), so a path may run at any angle."""
    half = width / 2
    xs = [x for x, _ in points]
    zs = [z for _, z in points]
    reach = int(np.ceil(half))
    rect = Rect(min(xs) - reach, min(zs) - reach, max(xs) + reach - 1, max(zs) + reach - 1)
    cx = np.arange(rect.x1, rect.x2 + 1)[:, None] + 0.5
    cz = np.arange(rect.z1, rect.z2 + 1)[None, :] + 0.5
    near = np.zeros((rect.width, rect.depth), dtype=bool)
    for (ax, az), (bx, bz) in itertools.pairwise(points):
        dx, dz = bx - ax, bz - az
        length = dx * dx + dz * dz or 1
        t = np.clip(((cx - ax) * dx + (cz - az) * dz) / length, 0, 1)
        distance = np.hypot(cx - (ax + t * dx), cz - (az + t * dz))
        near |= distance <= half
    return CellMask(rect, near)


def as_mask(shape: Rect | CellMask) -> CellMask:
    return shape if isinstance(shape, CellMask) else CellMask.full(shape)
