"""Build a voxel model in a running game server, fast, and prove it stands as planned.

A build sends the cuboid plan pipelined (thousands of `setBlocks` without waiting), waits once
at a barrier, then places signs and reads the region back, repairs what differs and counts
mismatches. A diff build first reads what stands and sends only cuboids covering what
differs: that switches a site's variant after a vote. Any rerun completes an interrupted
build, since what already stands is either skipped or rewritten with the same blocks.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace

import numpy as np

from minecraft_scripts.game_text import safe_sign_lines
from minecraft_scripts.generate import generate, site_box
from minecraft_scripts.palette import MINETEST_SIGN_NODE, Edition, ambiguous_read_keys, blocks_for
from minecraft_scripts.plan import Cuboid, plan_model
from minecraft_scripts.server.connection import GameConnection
from minecraft_scripts.server.readback import (
    SIGN_MATERIAL,
    detect_edition,
    expected_keys,
    read_keys,
    sign_mask,
    sign_positions,
)
from minecraft_scripts.voxels import Box, Sign, VoxelModel
from worlds.schema import Estate

Progress = Callable[[int, int], None]
Position = tuple[int, int, int]

PROGRESS_EVERY = 64


@dataclass(frozen=True)
class BuildReport:
    """What a build did: the voxels it set (air included, as it clears the region too),
    commands sent, seconds taken, and the check; `solid_voxels` counts the non-air ones."""

    voxels: int
    commands: int
    seconds: float
    verified: bool
    mismatches: int
    solid_voxels: int = 0

    def as_dict(self) -> dict[str, int | float | bool]:
        return asdict(self)


def place_sign(conn: GameConnection, sign: Sign, at: Position, edition: Edition) -> None:
    """RaspberryJuice writes sign text with `world.setSign`. pycraft has no such command: it
    gets a wooden sign node, and our managed world's `jagten` mod adds `world.setSign` for
    the text (any other pycraft server ignores the unknown command)."""
    x, y, z = sign.x + at[0], sign.y + at[1], sign.z + at[2]
    lines = safe_sign_lines(sign.lines) or ("",)
    if edition is not Edition.JAVA:
        conn.send("world.setNode", x, y, z, MINETEST_SIGN_NODE, 4)
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


def build_model(
    conn: GameConnection,
    model: VoxelModel,
    *,
    at: Position = (0, 0, 0),
    region: Box | None = None,
    verify: bool = True,
    diff: bool = False,
    edition: Edition | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Build `model` with its origin at world position `at` (mcpi coordinates).

    Three ways to decide what to send: `diff` reads what stands first and sends what
    differs (a variant switch, a resumed build). Otherwise, with `verify`, the solid
    voxels go first, the read-back finds what else differs (leftovers where the model has
    air, blocks pycraft dropped) and one repair pass sends just that: on bare land, the
    usual case, no air is sent at all. Without `verify`, every voxel is sent, air too.
    `region` (model-local) limits the work to part of the model, e.g. one site.
    """
    started = time.perf_counter()
    edition = edition or detect_edition(conn)
    part = model.cropped(region) if region is not None else model
    offset = region.low if region is not None else (0, 0, 0)
    origin = (at[0] + offset[0], at[1] + offset[1], at[2] + offset[2])
    world_box = part.bounds.translated(*origin)
    signs = sign_positions(part)
    is_sign = sign_mask(part, signs)
    expected = expected_keys(part, edition)
    needed = ~is_sign
    if diff:
        needed &= _differs(read_keys(conn, world_box, edition), expected, edition)
    elif verify:
        needed &= part.grid != 0
    elif edition is Edition.MINETEST:
        _load_map_blocks(conn, part, origin)
    cuboids = plan_model(part, needed)
    send_plan(conn, cuboids, part, origin, edition, progress)
    for sign in signs:
        place_sign(conn, sign, origin, edition)
    conn.barrier()
    mismatches = 0
    if verify:
        mismatched = read_keys(conn, world_box, edition) != expected
        if (mismatched & ~is_sign).any():
            cuboids += _repair(conn, part, origin, mismatched & ~is_sign, edition)
            mismatched = read_keys(conn, world_box, edition) != expected
        mismatches = int(np.count_nonzero(mismatched))
    return BuildReport(
        voxels=int(part.grid.size),
        commands=len(cuboids) + len(signs),
        seconds=round(time.perf_counter() - started, 3),
        verified=verify and mismatches == 0,
        mismatches=mismatches,
        solid_voxels=part.solid_voxels(),
    )


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


def clearing_model(model: VoxelModel, at: Position, ground_level: int = 0) -> VoxelModel:
    """A model of bare land the size of `model`: grass at the ground level, soil below, air."""
    bare = VoxelModel.empty(model.size, ["grass", "soil"])
    nx, ny, nz = model.size
    ground = ground_level - at[1]
    if 0 <= ground < ny:
        bare.fill(Box(0, ground, 0, nx - 1, ground, nz - 1), "grass")
    if ground > 0:
        bare.fill(Box(0, 0, 0, nx - 1, min(ground, ny) - 1, nz - 1), "soil")
    return bare


def build_estate(
    conn: GameConnection,
    estate: Estate,
    *,
    variants: dict[str, str] | None = None,
    at: Position = (0, 0, 0),
    verify: bool = True,
    diff: bool = False,
    progress: Progress | None = None,
    sites: list[str] | None = None,
) -> BuildReport:
    """Generate an estate with the chosen variants and build it; `sites` limits a diff
    rebuild to those sites' boxes (a variant switch after a vote)."""
    model = generate(estate, variants=variants)
    if not sites:
        return build_model(conn, model, at=at, verify=verify, diff=diff, progress=progress)
    region = site_box(estate, sites[0])
    for site_id in sites[1:]:
        region = region.union(site_box(estate, site_id))
    return build_model(
        conn, model, at=at, region=region, verify=verify, diff=diff, progress=progress
    )


def clear_estate(
    conn: GameConnection,
    estate: Estate,
    *,
    at: Position = (0, 0, 0),
    verify: bool = False,
    progress: Progress | None = None,
) -> BuildReport:
    """Return the estate's ground to bare grass land, as the managed Minetest lays it.

    Clearing rewrites every voxel (air included) in one pass, then checks if asked to.
    """
    started = time.perf_counter()
    bare = clearing_model(generate(estate), at)
    edition = detect_edition(conn)
    report = build_model(conn, bare, at=at, verify=False, edition=edition, progress=progress)
    if not verify:
        return report
    standing = read_keys(conn, bare.bounds.translated(*at), edition)
    mismatches = int(np.count_nonzero(standing != expected_keys(bare, edition)))
    seconds = round(time.perf_counter() - started, 3)
    return replace(report, seconds=seconds, verified=mismatches == 0, mismatches=mismatches)
