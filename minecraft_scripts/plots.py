"""The pupils' side of the loop: plots where groups build proposals, a capture of what a
group built, and the winning proposal copied into a site once the class has voted.

Only `capture_plot` and `place_captured` touch a server. In between, a capture is a plain
value (one block key per voxel) that becomes a voxel model of raw blocks (`block:ID:DATA`,
see `raw_blocks`), which the ordinary plan, build and read-back place and verify.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
from PIL import Image

from minecraft_scripts.generate import generate, site_box
from minecraft_scripts.generate.canvas import GROUND_Y
from minecraft_scripts.palette import Edition
from minecraft_scripts.preview import render_isometric
from minecraft_scripts.raw_blocks import DYED_IDS, raw_block_name
from minecraft_scripts.server.build import BuildReport, build_model
from minecraft_scripts.server.connection import GameConnection
from minecraft_scripts.server.readback import detect_edition, read_keys
from minecraft_scripts.voxels import AIR, MAX_MATERIALS, Box, VoxelModel
from worlds.error_messages import did_you_mean
from worlds.language import _
from worlds.schema import Estate, Plot

PLOT_HEIGHT = 24
"""Blocks above the ground a capture reads: room for a proposal of a few storeys."""
DATA_VALUES = 16
"""A block key is `id * 16 + data`, as pycraft's reads are turned into one number."""
JAVA_DATA_IDS = DYED_IDS | {1, 3, 5, 6, 12, 17, 18, 24, 31, 38, 43, 44, 53, 67, 98, 108, 109,
                            114, 125, 126, 128, 134, 135, 136, 155, 156, 161, 162, 163, 164,
                            168, 175, 179, 180}  # fmt: skip
"""Java ids whose data value changes the look: variants of stone, wood, plants, slabs, stairs."""
Position = tuple[int, int, int]
Anchor = Literal["centre", "corner"]
ANCHORS: tuple[Anchor, ...] = ("centre", "corner")


class PlotProblem(ValueError):
    """A plot, site or capture that cannot be used as asked; the message says what to do."""


def find_plot(estate: Estate, plot_id: str) -> Plot:
    """The plot with this id, or a `PlotProblem` naming the plots there are."""
    for plot in estate.plots:
        if plot.id == plot_id:
            return plot
    ids = [plot.id for plot in estate.plots]
    choices = did_you_mean(plot_id, ids) if ids else _("this estate has no plots")
    message = _(
        "estate '%(estate)s' has no plot '%(plot)s'; %(hint)s",
        estate=estate.id,
        plot=plot_id,
        hint=choices,
    )
    raise PlotProblem(message)


def plot_box(estate: Estate, plot_id: str, height: int = PLOT_HEIGHT) -> Box:
    """Where a group builds (model-local): the plot's footprint, from one above the ground."""
    if height < 1:
        raise PlotProblem(_("a plot must be at least 1 block high, not %(height)s", height=height))
    area = find_plot(estate, plot_id).footprint()
    return Box(area.x1, GROUND_Y + 1, area.z1, area.x2, GROUND_Y + height, area.z2)


@dataclass(frozen=True, eq=False)
class CapturedBuild:
    """What a group built in its plot: one key (`id * 16 + data`, air 0) per voxel, indexed
    [x, y, z] from the plot's north-west corner one block above the ground."""

    plot_id: str
    edition: Edition
    keys: np.ndarray

    @property
    def size(self) -> tuple[int, int, int]:
        nx, ny, nz = self.keys.shape
        return int(nx), int(ny), int(nz)

    def block_count(self) -> int:
        return int(np.count_nonzero(self.keys))

    def blocks(self) -> Counter[tuple[int, int]]:
        """How many of each (id, data) the group used, air left out."""
        values, counts = np.unique(self.keys[self.keys != 0], return_counts=True)
        return Counter(
            {divmod(int(key), DATA_VALUES): int(n) for key, n in zip(values, counts, strict=True)}
        )

    def trimmed(self) -> CapturedBuild:
        """The build cut to what was built: its x/z extent, up to its top. It keeps standing
        on the ground, so the bottom layer stays even where it is empty (a bridge)."""
        solid = np.argwhere(self.keys != 0)
        if solid.size == 0:
            message = _(
                "plot '%(plot)s' is empty: the group has not built anything above the "
                "ground yet, so there is nothing to copy",
                plot=self.plot_id,
            )
            raise PlotProblem(message)
        (x1, _y1, z1), (x2, y2, z2) = solid.min(axis=0), solid.max(axis=0)
        keys = self.keys[x1 : x2 + 1, : y2 + 1, z1 : z2 + 1].copy()
        return CapturedBuild(self.plot_id, self.edition, keys)


def capture_plot(
    conn: GameConnection, estate: Estate, plot_id: str, at: Position, height: int = PLOT_HEIGHT
) -> CapturedBuild:
    """Read what stands in a plot of the estate built at world position `at`.

    The estate's own blocks there (the plot's name sign) are left out: they are not the
    group's proposal.
    """
    box = plot_box(estate, plot_id, height)
    edition = detect_edition(conn)
    world = box.translated(*at)
    keys = read_keys(conn, world, edition).astype(np.int32)
    if edition is Edition.JAVA:
        keys = _with_java_data(conn, world, keys * DATA_VALUES)
    keys[keys < DATA_VALUES] = 0  # air, whatever its data
    keys[_estate_blocks(estate, box)] = 0
    return CapturedBuild(plot_id, edition, keys)


def _with_java_data(conn: GameConnection, world: Box, keys: np.ndarray) -> np.ndarray:
    """RaspberryJuice's `getBlocks` reads ids only, so the data of blocks whose look depends
    on it (colours, stair directions, wood kinds) is read one block at a time."""
    for x, y, z in np.argwhere(np.isin(keys // DATA_VALUES, list(JAVA_DATA_IDS))):
        reply = conn.query("world.getBlockWithData", world.x1 + x, world.y1 + y, world.z1 + z)
        block_id, data = (int(part) for part in reply.split(","))
        keys[x, y, z] = block_id * DATA_VALUES + data
    return keys


def _estate_blocks(estate: Estate, box: Box) -> np.ndarray:
    """Where, inside `box`, the generated estate itself has a block."""
    mask = np.zeros(box.size, dtype=bool)
    model = generate(estate)
    overlap = box.intersection(model.bounds)
    if overlap is not None:
        local = overlap.translated(-box.x1, -box.y1, -box.z1)
        mask[local.slices()] = model.grid[overlap.slices()] != 0
    return mask


def captured_model(captured: CapturedBuild) -> VoxelModel:
    """The capture as a voxel model whose materials are its raw blocks, air first."""
    keys = np.unique(np.append(captured.keys.ravel(), 0))  # sorted, so air (0) comes first
    if len(keys) > MAX_MATERIALS:
        message = _(
            "plot '%(plot)s' holds %(count)s different blocks; a copy handles at most %(limit)s",
            plot=captured.plot_id,
            count=len(keys) - 1,
            limit=MAX_MATERIALS - 1,
        )
        raise PlotProblem(message)
    materials = (AIR, *(raw_block_name(*divmod(int(key), DATA_VALUES)) for key in keys[1:]))
    grid = np.searchsorted(keys, captured.keys).astype(np.uint8)
    return VoxelModel(materials, grid, [])


def render_captured(captured: CapturedBuild, tile: int | None = None) -> Image.Image:
    """An isometric picture of the proposal standing on a lawn the size of its plot."""
    build = captured_model(captured)
    nx, ny, nz = build.size
    scene = VoxelModel((*build.materials, "grass"), np.zeros((nx, ny + 1, nz), dtype=np.uint8))
    scene.grid[:, 0, :] = len(build.materials)
    scene.grid[:, 1:, :] = build.grid
    return render_isometric(scene, tile or _tile_for(nx + nz))


def _tile_for(span: int, target_width: int = 640) -> int:
    """An even tile that makes a plot's picture about `target_width` pixels wide."""
    return int(np.clip(target_width // (2 * span) * 2, 4, 24))


def site_placement(
    estate: Estate, captured: CapturedBuild, site_id: str, anchor: Anchor = "centre"
) -> tuple[VoxelModel, Box]:
    """The site above its ground with the build standing in it, and the (model-local) box
    that model fills. Whatever the site held above its ground gives way to air.

    The build is centred on the site, or put at its north-west corner; it must fit.
    """
    if anchor not in ANCHORS:
        hint = did_you_mean(anchor, ANCHORS)
        raise PlotProblem(_("anchor '%(anchor)s' is unknown; %(hint)s", anchor=anchor, hint=hint))
    site = site_region(estate, site_id)
    build = captured_model(captured.trimmed())
    (bx, by, bz), (sx, _sy, sz) = build.size, site.size
    if bx > sx or bz > sz:
        message = _(
            "the build in plot '%(plot)s' is %(bx)s×%(bz)s blocks (x × z) but site "
            "'%(site)s' is only %(sx)s×%(sz)s: choose a larger site, or let the group build "
            "smaller",
            plot=captured.plot_id,
            bx=bx,
            bz=bz,
            site=site_id,
            sx=sx,
            sz=sz,
        )
        raise PlotProblem(message)
    height = max(site.y2 - GROUND_Y, by)
    placed = VoxelModel.empty((sx, height, sz), build.materials)
    ox, oz = ((sx - bx) // 2, (sz - bz) // 2) if anchor == "centre" else (0, 0)
    placed.grid[ox : ox + bx, :by, oz : oz + bz] = build.grid
    return placed, Box.of_size(site.x1, GROUND_Y + 1, site.z1, sx, height, sz)


def site_region(estate: Estate, site_id: str) -> Box:
    """The site's box, ground to sky (model-local), or a `PlotProblem` naming the sites."""
    try:
        return site_box(estate, site_id)
    except ValueError as error:
        raise PlotProblem(str(error)) from None


def place_captured(
    conn: GameConnection,
    estate: Estate,
    captured: CapturedBuild,
    site_id: str,
    at: Position,
    anchor: Anchor = "centre",
    progress: Callable[[int, int], None] | None = None,
) -> BuildReport:
    """Build a captured proposal into a site of the estate built at `at`, and verify it."""
    placed, region = site_placement(estate, captured, site_id, anchor)
    origin = (at[0] + region.x1, at[1] + region.y1, at[2] + region.z1)
    return build_model(
        conn, placed, at=origin, verify=True, edition=captured.edition, progress=progress
    )


def copy_plot_to_site(
    conn: GameConnection,
    estate: Estate,
    plot_id: str,
    site_id: str,
    at: Position,
    anchor: Anchor = "centre",
    progress: Callable[[int, int], None] | None = None,
) -> BuildReport:
    """Build the proposal standing in a plot into a site: the winner of a vote on plots."""
    site_region(estate, site_id)  # a wrong site fails before the server is read
    captured = capture_plot(conn, estate, plot_id, at)
    return place_captured(conn, estate, captured, site_id, at, anchor, progress)
