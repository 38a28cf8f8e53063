"""A voxel model in one edition's block names: the common ground of every export.

Each writer needs the same three things: the distinct named blocks in the model (its palette),
one palette index per voxel, and the signs with their (safe) text. Materials that name the
same block (road marking and white concrete are both white concrete in Bedrock) share one
palette entry.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from minecraft_scripts.game_text import safe_sign_lines
from minecraft_scripts.palette import NamedBlock, NamedEdition, named_blocks_for
from minecraft_scripts.server.readback import SIGN_MATERIAL, sign_positions
from minecraft_scripts.voxels import VoxelModel

AIR_NAMES = frozenset({"minecraft:air", "air"})


@dataclass(frozen=True)
class SignText:
    """A sign in model coordinates with up to four lines, made safe for any game."""

    x: int
    y: int
    z: int
    lines: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class NamedModel:
    """`palette[grid[x, y, z]]` is the block at (x, y, z); palette entry 0 is air."""

    edition: NamedEdition
    palette: tuple[NamedBlock, ...]
    grid: np.ndarray
    signs: tuple[SignText, ...]

    @property
    def size(self) -> tuple[int, int, int]:
        nx, ny, nz = self.grid.shape
        return int(nx), int(ny), int(nz)

    def is_air(self, index: int) -> bool:
        return self.palette[index].name in AIR_NAMES


def named_model(model: VoxelModel, edition: NamedEdition) -> NamedModel:
    """The model in `edition`'s names; every sign voxel holds a sign, with text or blank."""
    blocks = named_blocks_for(model.materials, edition)
    palette: list[NamedBlock] = []
    lookup = np.zeros(len(blocks), dtype=np.uint16)
    for index, block in enumerate(blocks):
        if block not in palette:
            palette.append(block)
        lookup[index] = palette.index(block)
    grid = lookup[model.grid]
    signs = tuple(SignText(s.x, s.y, s.z, safe_sign_lines(s.lines)) for s in sign_positions(model))
    if signs:
        sign_block = named_blocks_for((SIGN_MATERIAL,), edition)[0]
        if sign_block not in palette:
            palette.append(sign_block)
        for sign in signs:
            grid[sign.x, sign.y, sign.z] = palette.index(sign_block)
    return NamedModel(edition, tuple(palette), grid, signs)
