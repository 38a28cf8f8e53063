"""Reading back what stands in the world, and what a read of a built model should answer.

Verification and diff builds compare the two. RaspberryJuice reads block ids only; pycraft
also reads data values (`getBlocksWithData`), which tells its wool colours apart. Both are
turned into one number per voxel, the palette's read key.
"""

from __future__ import annotations

import numpy as np

from minecraft_scripts.palette import Edition, material, read_keys_for
from minecraft_scripts.server.connection import CommandFailed, GameConnection
from minecraft_scripts.voxels import Box, Sign, VoxelModel

READ_CHUNK_VOXELS = 1_000_000
"""pycraft answers one query per server step (~0.1 s), so reads come in few large chunks;
one of this size takes the server about half a second."""
SIGN_MATERIAL = "sign"


def detect_edition(conn: GameConnection) -> Edition:
    """pycraft answers `world.getNode` with a node name; RaspberryJuice answers Fail."""
    try:
        conn.query("world.getNode", 0, 0, 0)
    except CommandFailed:
        return Edition.JAVA
    return Edition.MINETEST


def read_keys(conn: GameConnection, box: Box, edition: Edition) -> np.ndarray:
    """What stands in a world box as read keys (see `Block.read_key`), read in slabs."""
    _, sy, sz = box.size
    width = max(1, READ_CHUNK_VOXELS // (sy * sz))
    slabs = []
    for x in range(box.x1, box.x2 + 1, width):
        slab = Box(x, box.y1, box.z1, min(box.x2, x + width - 1), box.y2, box.z2)
        if edition is Edition.JAVA:
            slabs.append(conn.get_blocks(*slab.low, *slab.high))
        else:
            slabs.append(_read_with_data(conn, slab))
    return np.concatenate(slabs, axis=0) if len(slabs) > 1 else slabs[0]


def _read_with_data(conn: GameConnection, box: Box) -> np.ndarray:
    """pycraft's ids and data values as one read key per voxel."""
    ids, data = conn.get_blocks_with_data(*box.low, *box.high)
    return ids * 16 + data


def expected_keys(model: VoxelModel, edition: Edition) -> np.ndarray:
    """What a read of the built model should answer, voxel by voxel (signs included)."""
    lookup = np.array(read_keys_for(model.materials, edition), dtype=np.int32)
    expected = lookup[model.grid]
    expected[sign_mask(model, sign_positions(model))] = (
        material(SIGN_MATERIAL).block(edition).read_key(edition)
    )
    return expected


def sign_positions(model: VoxelModel) -> list[Sign]:
    """Every sign to place: those with text, plus sign voxels that have none (left blank)."""
    with_text = {(s.x, s.y, s.z): s for s in model.signs}
    if SIGN_MATERIAL in model.materials:
        index = model.material_index(SIGN_MATERIAL)
        for x, y, z in zip(*np.nonzero(model.grid == index), strict=True):
            with_text.setdefault((int(x), int(y), int(z)), Sign(int(x), int(y), int(z), ()))
    return list(with_text.values())


def sign_mask(model: VoxelModel, signs: list[Sign]) -> np.ndarray:
    """Where the signs stand: they are placed one by one, never in a cuboid."""
    mask = np.zeros(model.size, dtype=bool)
    for sign in signs:
        mask[sign.x, sign.y, sign.z] = True
    return mask
