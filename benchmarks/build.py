"""Benchmark: the toolkit's verified build against honest peers on the same server, same run.

Run: `.venv/bin/python benchmarks/build.py` (or `make benchmark`) starts a managed Minetest
in a temporary world with Debian's WorldEdit and a benchmark-only mod
(`minetest_bench_mod/`) added. With JAGTEN_TEST_SERVER=HOST:PORT it uses that server
instead and leaves out WorldEdit and the schematic, which need the benchmark's own mod.

It prints, for the largest shipped estate: the verified build (bulk path, on cleared land,
eleven builds), a variant switch, the cuboid `setBlocks` path that servers without our mod
get, the cuboid planner; a per-block mcpi script placing the solid voxels only and one
placing every voxel (extrapolated from a measured sample); WorldEdit and
`minetest.place_schematic` placing the same estate; the ratios; the split of one verified
build; and the scale table (see build_scale.py). Targets (issue 16, 2-core machine):
verified build <= 0.25 s and >= 20x the solid-only script and faster than WorldEdit;
variant switch <= 0.1 s; plan <= 30 ms; 20 M voxels linear within 20 %, peak RSS <= 600 MB.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import build_baselines
import build_scale
from build_scale import cpu_seconds

from minecraft_scripts.generate import generate
from minecraft_scripts.plan import plan_model
from minecraft_scripts.server.build import (
    BuildReport,
    build_estate,
    build_model,
    clear_estate,
)
from minecraft_scripts.server.connection import GameConnection, parse_address
from minecraft_scripts.server.managed_minetest import ManagedMinetest
from worlds.catalog import estate_ids, load_estate
from worlds.schema import Estate

AT = (1700, 0, -9000)
"""Inside the estates' test region (0 <= x < 2000), far from the tests' builds."""
PEER_AT = (1700, 0, -9400)
SCRIPT_AT = (1700, 60, -9800)
RUNS = 11
CLICK_SPREAD = 0.1
"""A build started from the portal begins at a random moment of the server's cycle (0.05 s
steps, between which the server waits up to 0.03 s for its players' packets); started right
after the previous build's last step (back to back) it always meets the same moment."""
WORLDEDIT = Path("/usr/share/games/minetest/mods/worldedit/worldedit")
BENCH_MOD = Path(__file__).resolve().parent / "minetest_bench_mod"


@dataclass
class Server:
    conn: GameConnection
    address: str
    world: Path | None  # our own world, with WorldEdit and the benchmark mod
    managed: ManagedMinetest | None


@contextmanager
def benchmark_server() -> Iterator[Server]:
    address = os.environ.get("JAGTEN_TEST_SERVER")
    if address:
        with GameConnection.from_address(address, timeout=300) as conn:
            yield Server(conn, address, None, None)
        return
    with tempfile.TemporaryDirectory() as folder:
        world = Path(folder)
        server = ManagedMinetest(world)
        server.prepare()
        shutil.copytree(WORLDEDIT, world / "worldmods" / "worldedit")
        shutil.copytree(BENCH_MOD, world / "worldmods" / "jagten_bench")
        with server, server.connect(timeout=300) as conn:
            yield Server(conn, server.address, world, server)


def largest_estate() -> Estate:
    return max((load_estate(e) for e in estate_ids()), key=lambda e: generate(e).grid.size)


def median(values: list[float]) -> float:
    return statistics.median(values)


def span(values: list[float], unit: str = " s", digits: int = 3) -> str:
    low, high, middle = min(values), max(values), median(values)
    return f"{low:.{digits}f}–{high:.{digits}f}{unit} (median {middle:.{digits}f})"


def peak_rss_mb(pid: int | None) -> str:
    if pid is None:
        return "not ours to measure"
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return f"{int(line.split()[1]) // 1024} MB"
    return "unknown"


def click_moment(rng: random.Random | None) -> None:
    """At a random moment of the server's cycle, as a teacher's click; None: at once."""
    if rng is not None:
        time.sleep(rng.uniform(0, CLICK_SPREAD))


def verified_builds(
    conn: GameConnection, estate: Estate, pid: int | None, rng: random.Random | None
) -> tuple[list[BuildReport], list[tuple[float, float]]]:
    """Verified builds on cleared land, with the (server, client) CPU seconds of each."""
    reports, cpu = [], []
    for _ in range(RUNS):
        clear_estate(conn, estate, at=AT)  # bare land, as at a lesson's start
        click_moment(rng)
        server_before, client_before = cpu_seconds(pid), time.process_time()
        reports.append(build_estate(conn, estate, at=AT))
        cpu.append((cpu_seconds(pid) - server_before, time.process_time() - client_before))
        assert reports[-1].verified, reports[-1]
    return reports, cpu


def variant_switches(
    conn: GameConnection, estate: Estate, rng: random.Random | None
) -> tuple[str, list[float]]:
    site = estate.sites[0]
    other = next(v.id for v in site.variants if v.id != site.default)
    seconds = []
    for i in range(RUNS * 2):
        variant = other if i % 2 == 0 else site.default
        click_moment(rng)
        report = build_estate(conn, estate, variants={site.id: variant}, at=AT, diff=True,
                              sites=[site.id])  # fmt: skip
        assert report.verified, report
        seconds.append(report.seconds)
    return f"{site.id}: {site.default} ⇄ {other}", seconds


def plan_seconds(estate: Estate) -> list[float]:
    model = generate(estate)
    seconds = []
    for _ in range(5):
        started = time.perf_counter()
        plan_model(model, include_air=False)
        seconds.append(time.perf_counter() - started)
    return seconds


def main() -> None:
    estate = largest_estate()
    model = generate(estate)
    voxels, solid = int(model.grid.size), model.solid_voxels()
    load_before = os.getloadavg()
    with benchmark_server() as server:
        conn = server.conn
        pid = server.managed._process.pid if server.managed else None
        clicks = random.Random(16)
        builds, cpu = verified_builds(conn, estate, pid, clicks)
        back_to_back, _ = verified_builds(conn, estate, pid, None)
        with GameConnection.from_address(server.address) as fresh:
            clear_estate(conn, estate, at=AT)
            cold = build_estate(fresh, estate, at=AT)  # a new connection: asks what it talks to
        switch, switch_seconds = variant_switches(conn, estate, clicks)
        _, switches_back_to_back = variant_switches(conn, estate, None)
        clear_estate(conn, estate, at=AT)
        cuboids = build_model(conn, model, at=AT, bulk=False)
        host, port = parse_address(server.address)
        rate = build_baselines.mcpi_script_rate(host, port, model, SCRIPT_AT)
        peers = {}
        if server.world is not None:
            clear_estate(conn, estate, at=PEER_AT)
            peers["WorldEdit 0.6 (worldedit.deserialize)"] = build_baselines.world_edit(
                conn, model, PEER_AT, server.world / "estate.we"
            )
            clear_estate(conn, estate, at=PEER_AT)
            peers["minetest.place_schematic"] = build_baselines.schematic(
                conn, model, AT, PEER_AT, server.world / "estate.mts")  # fmt: skip
        scale = build_scale.table(server.address, pid)
        server_peak = peak_rss_mb(pid)
    plans = plan_seconds(estate)
    report(estate, model, voxels, solid, builds, cpu, cold, switch, switch_seconds, cuboids,
           rate, peers, plans, scale, load_before)  # fmt: skip
    middle = median([r.seconds for r in back_to_back])
    print(f"back to back (each started right after the previous one's last server step): "
          f"verified build {span([r.seconds for r in back_to_back])}, "
          f"{solid / rate / middle:.1f}x the solid-only script; variant switch "
          f"{span(switches_back_to_back)}")  # fmt: skip
    print(f"  the Minetest server's peak RSS over the whole run: {server_peak}")


def report(estate, model, voxels, solid, builds, cpu, cold, switch, switch_seconds, cuboids,
           rate, peers, plans, scale, load_before) -> None:  # fmt: skip
    build_seconds = [r.seconds for r in builds]
    best = median(build_seconds)
    print(
        f"machine: {os.cpu_count()} cores, load average {load_before[0]:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after (shared with other work: timings are noisy)"
    )
    print(
        f"estate: {estate.id} ({'×'.join(map(str, model.size))} = {voxels:,} voxels, "
        f"{solid:,} solid)"
    )
    print(
        f"verified build, bulk path, on cleared land, {RUNS} runs, each started at a random "
        f"moment (0-{CLICK_SPREAD} s after the land was cleared): {span(build_seconds)}, "
        f"{builds[0].commands} commands, mismatches {builds[0].mismatches}, "
        f"saved {builds[0].saved}"
    )
    print(
        f"  the same from a new connection (asks the server what it is first): {cold.seconds:.3f} s"
    )
    print(f"  covers: {', '.join(builds[0].covers)}")
    print(
        f"  CPU per build: server {span([c[0] for c in cpu])}, this client "
        f"{span([c[1] for c in cpu])} (on an idle machine a build takes about their sum "
        f"plus the waits for server steps, 0.05 s each)"
    )
    phases = builds[len(builds) // 2].phases
    print("  split of one build (s): " + ", ".join(f"{k} {v:.3f}" for k, v in phases.items()))
    print(
        "    (server write: measured in the server, each put decoding its payload and checking "
        "what it wrote; send, "
        "check (the metadata read) and save include waiting for server steps)"
    )
    print(
        f"variant switch {switch}, {len(switch_seconds)} runs at random moments: "
        f"{span(switch_seconds)}"
    )
    print(
        f"cuboid setBlocks path (servers without our mod), same server: {cuboids.seconds:.3f} s,"
        f" {cuboids.commands} commands, verified {cuboids.verified}"
    )
    print(f"cuboid planner (solid voxels), 5 runs: {span([p * 1000 for p in plans], ' ms', 1)}")
    print(
        f"mcpi script, Minecraft.setBlock per block: {rate:,.0f} blocks/s "
        f"({build_baselines.SCRIPT_SAMPLE:,} measured)"
    )
    for label, count in (("solid voxels only", solid), ("every voxel", voxels)):
        seconds = count / rate
        print(f"  {label}: {seconds:.1f} s (extrapolated) -> toolkit {seconds / best:.1f}x faster")
    for label, peer in peers.items():
        print(
            f"{label}: {peer.seconds:.3f} s in the server, mismatches {peer.mismatches} "
            f"({peer.note}) -> toolkit {peer.seconds / best:.1f}x faster"
        )
    print("scale (verified bulk build on cleared land, each in its own process):")
    print(
        "  voxels        size          generate  build s  voxels/s    CPU server + client  "
        "verified  peak RSS"
    )
    for row in scale:
        per_second = row["voxels"] / row["seconds"]
        cpu = f"{row['server_cpu']:.2f} + {row['client_cpu']:.2f} s"
        print(f"  {row['voxels']:>11,}  {row['size']:<13} {row['generate']:>7.2f}  "
              f"{row['seconds']:>7.2f}  {per_second:>10,.0f}  {cpu:<19}  "
              f"{row['verified']!s:<8}  {row['peak_rss_mb']} MB")  # fmt: skip
    rates = [row["voxels"] / row["seconds"] for row in scale]
    cpu_rates = [row["voxels"] / (row["server_cpu"] + row["client_cpu"]) for row in scale]
    print(
        f"  voxels/s at the largest size / at 1 M: {rates[-1] / rates[1]:.2f} wall, "
        f"{cpu_rates[-1] / cpu_rates[1]:.2f} by CPU time"
    )


if __name__ == "__main__":
    main()
