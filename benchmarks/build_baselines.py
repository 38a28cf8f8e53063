"""The build benchmark's peers, measured on the same server in the same run.

- a classroom mcpi script: `mcpi.minecraft.Minecraft.setBlock` once per block, the real
  library, on a sample of the estate's solid voxels (the rate is extrapolated);
- WorldEdit (Debian's `minetest-mod-worldedit` 0.6): the estate written by this script as a
  `.we` file and loaded by `worldedit.deserialize` inside the server, timed there;
- the engine's own schematic: `minetest.create_schematic` of the built estate and
  `minetest.place_schematic` of it elsewhere, timed there.
Each placement is read back afterwards and its mismatches are reported with its time.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from mcpi.minecraft import Minecraft

from minecraft_scripts.palette import Edition, blocks_for
from minecraft_scripts.server.bulk import palette
from minecraft_scripts.server.connection import GameConnection
from minecraft_scripts.server.readback import expected_keys, read_keys
from minecraft_scripts.voxels import VoxelModel

Position = tuple[int, int, int]
SCRIPT_SAMPLE = 20_000


@dataclass(frozen=True)
class Placement:
    """A peer's placement of the estate: seconds (server-side where it says so) and check."""

    seconds: float
    mismatches: int
    note: str = ""


def mcpi_script_rate(host: str, port: int, model: VoxelModel, at: Position) -> float:
    """Blocks per second of a plain mcpi script placing the model's solid voxels one by one
    (the first `SCRIPT_SAMPLE` of them, in the order a nested loop would visit them)."""
    mc = Minecraft.create(host, port)
    blocks = blocks_for(model.materials, Edition.MINETEST)
    solid = np.argwhere(model.grid.transpose(1, 0, 2) != 0)[:SCRIPT_SAMPLE]  # y, x, z loops
    started = time.perf_counter()
    for y, x, z in solid:
        block = blocks[model.grid[x, y, z]]
        mc.setBlock(at[0] + x, at[1] + y, at[2] + z, block.id, block.data)
    mc.getBlock(at[0], at[1], at[2])  # answered once the server has run every setBlock
    seconds = time.perf_counter() - started
    mc.conn.socket.close()
    return len(solid) / seconds


def _node_names(conn: GameConnection, model: VoxelModel) -> list[str]:
    reply = conn.query("world.benchNodes", palette(model.materials))
    return [entry.rpartition(".")[0] + " 0 " + entry.rpartition(".")[2]
            for entry in reply.removeprefix("ok ").split(";")]  # fmt: skip


def write_we_file(conn: GameConnection, model: VoxelModel, path: Path) -> int:
    """The model's solid voxels in WorldEdit's list format (version 3: "x y z name param1
    param2" per node, Minetest axes), which Debian's WorldEdit 0.6 reads; its nested-table
    format 4 fails on an estate this size (see /work/shared/notes/bulk-building.md)."""
    names = _node_names(conn, model)
    xs, ys, zs = np.nonzero(model.grid)
    lines = [f"{x} {y} {-z} {names[model.grid[x, y, z]]}\n"
             for x, y, z in zip(xs.tolist(), ys.tolist(), zs.tolist(), strict=True)]  # fmt: skip
    path.write_text("".join(lines))
    return len(lines)


def _mismatches(conn: GameConnection, model: VoxelModel, at: Position) -> int:
    standing = read_keys(conn, model.bounds.translated(*at), Edition.MINETEST)
    return int(np.count_nonzero(standing != expected_keys(model, Edition.MINETEST)))


def world_edit(conn: GameConnection, model: VoxelModel, at: Position, path: Path) -> Placement:
    """`worldedit.deserialize` of the estate at `at` (mcpi), timed inside the server."""
    nodes = write_we_file(conn, model, path)
    reply = conn.query("world.benchWorldEdit", str(path), at[0], at[1], -at[2])
    _, count, micros = reply.split(" ")
    note = f"{count} of {nodes} nodes, add_node per node"
    return Placement(int(micros) / 1e6, _mismatches(conn, model, at), note)


def schematic(
    conn: GameConnection, model: VoxelModel, source: Position, at: Position, path: Path
) -> Placement:
    """The engine's own bulk path: the built estate as `.mts`, placed at `at` (mcpi)."""
    high = (source[0] + model.size[0] - 1, source[1] + model.size[1] - 1, source[2])
    low = (source[0], source[1], source[2] + model.size[2] - 1)
    reply = conn.query("world.benchSchematic", low[0], low[1], -low[2], high[0], high[1],
                       -high[2], str(path), at[0], at[1], -(at[2] + model.size[2] - 1))  # fmt: skip
    _, create, place = reply.split(" ")
    note = f"create_schematic {int(create) / 1e6:.3f} s, not counted"
    return Placement(int(place) / 1e6, _mismatches(conn, model, at), note)
