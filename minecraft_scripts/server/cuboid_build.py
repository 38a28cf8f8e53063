"""Build a model with plain mcpi commands: what servers without our jagten mod get.

The cuboid plan goes out pipelined (thousands of `setBlocks` without waiting), with one
barrier at the end; signs are placed one by one; the region is read back, what differs is
sent again and counted. A diff build first reads what stands and sends only cuboids
covering what differs. Any rerun completes an interrupted build, since what already stands
is either skipped or rewritten with the same blocks.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from minecraft_scripts.game_text import safe_sign_lines
from minecraft_scripts.palette import MINETEST_SIGN_NODE, Edition, ambiguous_read_keys, blocks_for
from minecraft_scripts.plan import Cuboid, plan_model
from minecraft_scripts.server.bulk import write_sign_texts
from minecraft_scripts.server.connection import GameConnection
from minecraft_scripts.server.readback import (
    SIGN_MATERIAL,
    expected_keys,
    read_keys,
    sign_mask,
    sign_positions,
)
from minecraft_scripts.voxels import Sign, VoxelModel

Progress = Callable[[int, int], None]
Position = tuple[int, int, int]

PROGRESS_EVERY = 64


def place_sign(
    conn: GameConnection, sign: Sign, at: Position, edition: Edition, jagten_mod: bool = False
) -> None:
    """RaspberryJuice writes sign text with `world.setSign`. pycraft has no such command: it
    gets a wooden sign node, and any text is written later with our jagten mod's
    `write_sign_texts` (pycraft without the mod ignores the unknown `world.setSign`)."""
    x, y, z = sign.x + at[0], sign.y + at[1], sign.z + at[2]
    if edition is not Edition.JAVA:
        conn.send("world.setNode", x, y, z, MINETEST_SIGN_NODE, 4)
    if jagten_mod:
        return
    lines = safe_sign_lines(sign.lines) or ("",)
    conn.send("world.setSign", x, y, z, 63, 0, *lines)


def send_plan(
    conn: GameConnection,
    cuboids: list[Cuboid],
    model: VoxelModel,
    at: Position,
    edition: Edition,
    progress: Progress | None = None,
) -> None:
    """Pipeline one `setBlocks` per cuboid; `progress(done, total)` may raise to interrupt.
    The caller ends with `conn.barrier()` once everything of this pass is sent."""
    blocks = blocks_for(model.materials, edition)
    total = len(cuboids)
    for done, cuboid in enumerate(cuboids, start=1):
        world = cuboid.box.translated(*at)
        block = blocks[cuboid.material]
        conn.set_blocks(*world.low, *world.high, block.id, block.data)
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            progress(done, total)


def cuboid_build(
    conn: GameConnection,
    model: VoxelModel,
    origin: Position,
    *,
    verify: bool,
    diff: bool,
    edition: Edition,
    jagten_mod: bool,
    progress: Progress | None,
) -> tuple[int, int]:
    """Build `model` at mcpi `origin`: (commands sent, mismatches found by read keys).

    `diff` reads what stands first and sends what differs. Otherwise, with `verify`, the
    solid voxels go first, the read-back finds what else differs (leftovers where the model
    has air, blocks pycraft dropped) and one repair pass sends just that: on bare land, the
    usual case, no air is sent at all. Without `verify`, every voxel is sent, air too.
    """
    world_box = model.bounds.translated(*origin)
    signs = sign_positions(model)
    is_sign = sign_mask(model, signs)
    expected = expected_keys(model, edition)
    needed = ~is_sign
    if diff:
        needed &= _differs(read_keys(conn, world_box, edition), expected, edition)
    elif verify:
        needed &= model.grid != 0
    elif edition is Edition.MINETEST:
        _load_map_blocks(conn, model, origin)
    cuboids = plan_model(model, needed)
    send_plan(conn, cuboids, model, origin, edition, progress)
    for sign in signs:
        place_sign(conn, sign, origin, edition, jagten_mod)
    conn.barrier()
    if jagten_mod:
        write_sign_texts(conn, signs, origin)
    mismatches = 0
    if verify:
        mismatched = read_keys(conn, world_box, edition) != expected
        if (mismatched & ~is_sign).any():
            cuboids += _repair(conn, model, origin, mismatched & ~is_sign, edition)
            mismatched = read_keys(conn, world_box, edition) != expected
        mismatches = int(np.count_nonzero(mismatched))
    return len(cuboids) + len(signs), mismatches


def _repair(
    conn: GameConnection,
    model: VoxelModel,
    origin: Position,
    mismatched: np.ndarray,
    edition: Edition,
) -> list[Cuboid]:
    """Send what differs after a first pass; on Minetest load the map blocks first."""
    if edition is Edition.MINETEST:
        _load_map_blocks(conn, model, origin)
    cuboids = plan_model(model, mismatched)
    send_plan(conn, cuboids, model, origin, edition)
    conn.barrier()
    return cuboids


def _load_map_blocks(conn: GameConnection, model: VoxelModel, origin: Position) -> None:
    """Make pycraft load (or create) every map block of the region before a build.

    pycraft runs a `setBlocks` under 50 voxels through `minetest.set_node`, which silently
    does nothing in a map block that is not loaded. Consecutive `setBlock`s are applied
    through one VoxelManip over their bounding box, which loads or creates all its blocks;
    so we set the region's two far corners to what they will hold anyway.
    """
    blocks = blocks_for(model.materials, Edition.MINETEST)
    for corner in (model.bounds.low, model.bounds.high):
        block = blocks[int(model.grid[corner])]
        if model.materials[int(model.grid[corner])] == SIGN_MATERIAL:
            block = blocks[0]
        x, y, z = (c + o for c, o in zip(corner, origin, strict=True))
        conn.set_block(x, y, z, block.id, block.data)
    conn.barrier()


def _differs(standing: np.ndarray, expected: np.ndarray, edition: Edition) -> np.ndarray:
    """Voxels to send: those that read differently, and those a read cannot vouch for."""
    ambiguous = np.isin(expected, list(ambiguous_read_keys(edition)))
    return (standing != expected) | ambiguous
