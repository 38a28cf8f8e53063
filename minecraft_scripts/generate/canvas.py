"""What feature painters draw on: a voxel model seen through a clipping box.

Painters think in estate coordinates (x east, z south, ground at y = 0) and
never worry about edges: everything is clipped to the model and, for a site's
variant, to the site, so that switching a variant can only change its site.
"""

from __future__ import annotations

import zlib

import numpy as np

from minecraft_scripts.voxels import Box, Sign, VoxelModel
from worlds.geometry import Rect
from worlds.shapes import CellMask

GROUND_Y = 0
"""The ground layer; everything standing on the ground starts at y = 1."""


class Canvas:
    """Paint boxes, masks and signs into ``model``, inside ``clip`` only."""

    def __init__(
        self, model: VoxelModel, clip: Box, seed: str, heights: np.ndarray | None = None
    ) -> None:
        self.model = model
        self.clip = clip
        self.seed = seed
        self.heights = (
            heights
            if heights is not None
            else np.zeros((model.size[0], model.size[2]), dtype=np.int16)
        )

    def box(self, x1: int, y1: int, z1: int, x2: int, y2: int, z2: int, material: str) -> None:
        """Fill the box between two corners (given in any order)."""
        clipped = Box.spanning((x1, y1, z1), (x2, y2, z2)).intersection(self.clip)
        if clipped is not None:
            self.model.fill(clipped, material)

    def area(self, rect: Rect, y1: int, y2: int, material: str) -> None:
        """Fill a ground rectangle from ``y1`` up to ``y2``."""
        self.box(rect.x1, y1, rect.z1, rect.x2, y2, rect.z2, material)

    def ground(self, rect: Rect, material: str) -> None:
        """Replace the ground layer under ``rect``."""
        self.area(rect, GROUND_Y, GROUND_Y, material)

    def surface(self, cells: CellMask, material: str, lift: int = 0) -> None:
        """Paint ``cells`` in each column's ground layer (``lift`` blocks above it)."""
        rect = cells.rect
        for i, j in zip(*np.nonzero(cells.cells), strict=True):
            x, z = rect.x1 + int(i), rect.z1 + int(j)
            if 0 <= x < self.heights.shape[0] and 0 <= z < self.heights.shape[1]:
                y = int(self.heights[x, z]) + lift
                self.box(x, y, z, x, y, z, material)

    def ring(self, rect: Rect, y1: int, y2: int, material: str) -> None:
        """The four walls around ``rect`` (its outermost cells), from ``y1`` to ``y2``."""
        self.box(rect.x1, y1, rect.z1, rect.x2, y2, rect.z1, material)
        self.box(rect.x1, y1, rect.z2, rect.x2, y2, rect.z2, material)
        self.box(rect.x1, y1, rect.z1, rect.x1, y2, rect.z2, material)
        self.box(rect.x2, y1, rect.z1, rect.x2, y2, rect.z2, material)

    def mask(self, low: tuple[int, int, int], mask: np.ndarray, material: str) -> None:
        """Set ``material`` where the 3-d boolean ``mask`` (placed at ``low``) is true."""
        region = Box.of_size(*low, *mask.shape).intersection(self.clip)
        region = region.intersection(self.model.bounds) if region else None
        if region is None:
            return
        local = region.translated(-low[0], -low[1], -low[2])
        target = self.model.grid[region.slices()]
        target[mask[local.slices()]] = self.model.material_index(material)

    def sign(self, x: int, y: int, z: int, lines: tuple[str, ...] | list[str]) -> None:
        """A sign block carrying text, if it falls inside the clip."""
        if self.clip.contains(x, y, z) and self.model.bounds.contains(x, y, z):
            self.model.fill(Box(x, y, z, x, y, z), "sign")
            self.model.signs.append(Sign(x, y, z, tuple(lines)))

    def rng(self, *key: object) -> np.random.Generator:
        """A random source fixed by the estate and ``key``: the same estate looks the same."""
        return np.random.default_rng(zlib.crc32(repr((self.seed, *key)).encode()))
