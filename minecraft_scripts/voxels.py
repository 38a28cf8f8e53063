"""Voxel value types: the pure, server-free meeting point of generation, planning and building.

A generator paints an estate into a `VoxelModel`; the planner cuts it into cuboids; the builder
sends those to a game server. Coordinates are model-local: x east, y up, z south.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from worlds.language import _, number

AIR = "air"
MAX_MATERIALS = 256  # the grid is uint8
MAX_MODEL_VOXELS = 25_000_000
"""Thirty times the largest shipped estate, room for the 20-million-voxel estate the build
benchmark builds (peak 106 MB there). Generating, planning and drawing need a few bytes to a
few dozen bytes per voxel, so this keeps any model within a few hundred MB (a 1000 × 1000
estate of 16 storeys would be 600 million voxels and tens of GB)."""


class ModelTooLarge(ValueError):
    """A model larger than `MAX_MODEL_VOXELS`, refused before its grid is allocated."""


@dataclass(frozen=True)
class Box:
    """An axis-aligned cuboid with inclusive corners (x1 <= x2, y1 <= y2, z1 <= z2)."""

    x1: int
    y1: int
    z1: int
    x2: int
    y2: int
    z2: int

    def __post_init__(self) -> None:
        if self.x1 > self.x2 or self.y1 > self.y2 or self.z1 > self.z2:
            raise ValueError(f"Box corners out of order: {self}")

    @classmethod
    def spanning(cls, a: tuple[int, int, int], b: tuple[int, int, int]) -> Box:
        """The box between two corners given in any order."""
        return cls(
            min(a[0], b[0]), min(a[1], b[1]), min(a[2], b[2]),
            max(a[0], b[0]), max(a[1], b[1]), max(a[2], b[2]),
        )  # fmt: skip

    @classmethod
    def of_size(cls, x: int, y: int, z: int, sx: int, sy: int, sz: int) -> Box:
        """The box with its low corner at (x, y, z) and the given size (each >= 1)."""
        return cls(x, y, z, x + sx - 1, y + sy - 1, z + sz - 1)

    @property
    def size(self) -> tuple[int, int, int]:
        return (self.x2 - self.x1 + 1, self.y2 - self.y1 + 1, self.z2 - self.z1 + 1)

    @property
    def volume(self) -> int:
        sx, sy, sz = self.size
        return sx * sy * sz

    @property
    def low(self) -> tuple[int, int, int]:
        return (self.x1, self.y1, self.z1)

    @property
    def high(self) -> tuple[int, int, int]:
        return (self.x2, self.y2, self.z2)

    def translated(self, dx: int, dy: int, dz: int) -> Box:
        return Box(
            self.x1 + dx, self.y1 + dy, self.z1 + dz, self.x2 + dx, self.y2 + dy, self.z2 + dz
        )

    def intersection(self, other: Box) -> Box | None:
        """The common part of two boxes, or None when they do not touch."""
        x1, y1, z1 = max(self.x1, other.x1), max(self.y1, other.y1), max(self.z1, other.z1)
        x2, y2, z2 = min(self.x2, other.x2), min(self.y2, other.y2), min(self.z2, other.z2)
        if x1 > x2 or y1 > y2 or z1 > z2:
            return None
        return Box(x1, y1, z1, x2, y2, z2)

    def intersects(self, other: Box) -> bool:
        return self.intersection(other) is not None

    def contains(self, x: int, y: int, z: int) -> bool:
        return self.x1 <= x <= self.x2 and self.y1 <= y <= self.y2 and self.z1 <= z <= self.z2

    def union(self, other: Box) -> Box:
        """The smallest box holding both boxes."""
        return Box(
            min(self.x1, other.x1), min(self.y1, other.y1), min(self.z1, other.z1),
            max(self.x2, other.x2), max(self.y2, other.y2), max(self.z2, other.z2),
        )  # fmt: skip

    def slices(self) -> tuple[slice, slice, slice]:
        """Numpy slices selecting this box in a grid whose origin is (0, 0, 0)."""
        return (
            slice(self.x1, self.x2 + 1),
            slice(self.y1, self.y2 + 1),
            slice(self.z1, self.z2 + 1),
        )


def check_model_size(size: tuple[int, int, int]) -> None:
    """Raise `ModelTooLarge`, naming the limit, for a model of more than `MAX_MODEL_VOXELS`."""
    nx, ny, nz = size
    if nx * ny * nz > MAX_MODEL_VOXELS:
        raise ModelTooLarge(
            _(
                "the estate would be %(x)s × %(y)s × %(z)s = %(voxels)s blocks (east × up × "
                "south); the toolkit builds at most %(limit)s blocks per estate: make it "
                "smaller, or its tallest building lower",
                x=number(nx),
                y=number(ny),
                z=number(nz),
                voxels=number(nx * ny * nz),
                limit=number(MAX_MODEL_VOXELS),
            )
        )


@dataclass(frozen=True)
class Sign:
    """A sign with up to four lines of text, in model-local coordinates."""

    x: int
    y: int
    z: int
    lines: tuple[str, ...]


@dataclass
class VoxelModel:
    """A grid of material indices plus the metadata a grid cannot hold (sign texts)."""

    materials: tuple[str, ...]
    grid: np.ndarray
    signs: list[Sign] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.materials or self.materials[0] != AIR:
            raise ValueError('materials[0] must be "air"')
        if len(set(self.materials)) != len(self.materials):
            raise ValueError(f"duplicate material names: {self.materials}")
        if len(self.materials) > MAX_MATERIALS:
            raise ValueError(f"at most {MAX_MATERIALS} materials fit a uint8 grid")
        if self.grid.dtype != np.uint8 or self.grid.ndim != 3:
            raise ValueError("grid must be a 3-dimensional uint8 array")

    @classmethod
    def empty(cls, size: tuple[int, int, int], materials: Sequence[str]) -> VoxelModel:
        """An all-air model; "air" is put first if the list lacks it."""
        names = (AIR, *(name for name in materials if name != AIR))
        check_model_size(size)
        return cls(materials=names, grid=np.zeros(size, dtype=np.uint8), signs=[])

    @property
    def size(self) -> tuple[int, int, int]:
        nx, ny, nz = self.grid.shape
        return (int(nx), int(ny), int(nz))

    @property
    def bounds(self) -> Box:
        """The whole model as a box from (0, 0, 0)."""
        return Box.of_size(0, 0, 0, *self.size)

    def material_index(self, name: str) -> int:
        try:
            return self.materials.index(name)
        except ValueError:
            raise KeyError(
                f"unknown material {name!r}; known: {', '.join(self.materials)}"
            ) from None

    def fill(self, box: Box, material: str) -> None:
        """Paint a box, clipped to the model (generators may overhang the edge)."""
        clipped = box.intersection(self.bounds)
        if clipped is not None:
            self.grid[clipped.slices()] = self.material_index(material)

    def material_at(self, x: int, y: int, z: int) -> str:
        return self.materials[int(self.grid[x, y, z])]

    def solid_voxels(self) -> int:
        """How many voxels are not air: the count a build has to place."""
        return int(np.count_nonzero(self.grid))

    def counts(self) -> dict[str, int]:
        """Voxels per material, air included, for legends and reports."""
        tally = np.bincount(self.grid.ravel(), minlength=len(self.materials))
        return {name: int(tally[i]) for i, name in enumerate(self.materials) if tally[i]}

    def cropped(self, box: Box) -> VoxelModel:
        """A copy of the part inside `box`; signs are kept and moved to the new origin."""
        clipped = box.intersection(self.bounds)
        if clipped is None:
            raise ValueError(f"{box} lies outside the model {self.bounds}")
        signs = [
            Sign(s.x - clipped.x1, s.y - clipped.y1, s.z - clipped.z1, s.lines)
            for s in self.signs
            if clipped.contains(s.x, s.y, s.z)
        ]
        return VoxelModel(self.materials, self.grid[clipped.slices()].copy(), signs)
