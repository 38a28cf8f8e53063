"""Benchmark: build the largest estate in Minetest and compare with block-by-block building.

Run: `.venv/bin/python benchmarks/build.py` starts a managed Minetest in a temporary world;
with JAGTEN_TEST_SERVER=HOST:PORT it uses a running server instead. It prints the estate's
voxels, the commands and seconds of a verified build, the same server's `setBlock` rate
measured in this run, the speed-up over block-by-block building, and a variant switch time.

Targets (issue 3): commands <= voxels / 200; a verified build <= 3 s; >= 100x faster than
block-by-block; a variant switch < 1 s.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from minecraft_scripts.generate import generate
from minecraft_scripts.server.build import build_estate, clear_estate
from minecraft_scripts.server.connection import GameConnection
from minecraft_scripts.server.managed_minetest import ManagedMinetest
from worlds.catalog import estate_ids, load_estate
from worlds.schema import Estate

AT = (1700, 0, -9000)
"""Inside the estates' test region (0 <= x < 2000), far from the tests' builds."""
SET_BLOCK_SAMPLE = 20_000
SAMPLE_AT = (1700, 60, -9400)


@contextmanager
def game_connection() -> Iterator[GameConnection]:
    address = os.environ.get("JAGTEN_TEST_SERVER")
    if address:
        with GameConnection.from_address(address, timeout=60) as conn:
            yield conn
        return
    with (
        tempfile.TemporaryDirectory() as world,
        ManagedMinetest(Path(world)) as server,
        server.connect(timeout=60) as conn,
    ):
        yield conn


def largest_estate() -> Estate:
    return max((load_estate(e) for e in estate_ids()), key=lambda e: generate(e).grid.size)


def set_block_rate(conn: GameConnection) -> float:
    """Single `setBlock`s per second, pipelined the same way the builder pipelines."""
    x0, y0, z0 = SAMPLE_AT
    conn.set_blocks(x0, y0, z0, x0 + 199, y0, z0 + 99, 0)  # load the map blocks first
    conn.barrier()
    started = time.perf_counter()
    for i in range(SET_BLOCK_SAMPLE):
        conn.set_block(x0 + i % 200, y0, z0 + i // 200 % 100, 1)
    conn.barrier()
    rate = SET_BLOCK_SAMPLE / (time.perf_counter() - started)
    conn.set_blocks(x0, y0, z0, x0 + 199, y0, z0 + 99, 0)
    conn.barrier()
    return rate


def variant_switch(conn: GameConnection, estate: Estate) -> tuple[str, float] | None:
    """Switch the first site to another variant, as after a vote; (what, seconds)."""
    if not estate.sites:
        return None
    site = estate.sites[0]
    other = next(v.id for v in site.variants if v.id != site.default)
    report = build_estate(conn, estate, variants={site.id: other}, at=AT, diff=True,
                          sites=[site.id])  # fmt: skip
    assert report.verified, report
    return f"{site.id}={other}", report.seconds


def main() -> None:
    estate = largest_estate()
    model = generate(estate)
    voxels, solid = int(model.grid.size), model.solid_voxels()
    with game_connection() as conn:
        clear_estate(conn, estate, at=AT)
        fresh = build_estate(conn, estate, at=AT)  # onto bare land, as at a lesson's start
        again = build_estate(conn, estate, at=AT)  # a rerun over the standing estate
        rate = set_block_rate(conn)
        switch = variant_switch(conn, estate)
    print(f"estate: {estate.id} ({model.size[0]}×{model.size[1]}×{model.size[2]})")
    print(f"voxels: {voxels} ({solid} solid)")
    for label, report in (("build on bare land", fresh), ("rebuild over itself", again)):
        print(
            f"{label}: {report.commands} commands (voxels/{voxels / report.commands:.0f}), "
            f"{report.seconds:.2f} s with verify, mismatches {report.mismatches}"
        )
    print(f"setBlock rate: {rate:,.0f} blocks/s ({SET_BLOCK_SAMPLE} pipelined)")
    every, only_solid = voxels / rate, solid / rate
    print(f"block by block, every voxel: {every:.1f} s -> speed-up {every / fresh.seconds:.0f}x")
    print(f"block by block, solid voxels only (no clearing, no check): {only_solid:.1f} s "
          f"-> speed-up {only_solid / fresh.seconds:.1f}x")  # fmt: skip
    if switch:
        print(f"variant switch {switch[0]}: {switch[1]:.2f} s with verify")


if __name__ == "__main__":
    main()
