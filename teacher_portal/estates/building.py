"""Building a class's estate state on a game server, by diff, region by region.

A rebuild reads what stands and sends only what differs from the state, so a decision the
class made stays, and whatever the world lost (a server reset) comes back. The groups' plots
above their ground are left alone once the estate stood there: what a group built is theirs.
No Flask here: the build job calls `build_state` with a connection.
"""

from collections.abc import Callable
from dataclasses import dataclass

from minecraft_scripts.estate_state import (
    EstateState,
    build_regions,
    plot_signs,
    site_region,
    state_model,
)
from minecraft_scripts.server.build import BuildReport, build_model, server_kind
from minecraft_scripts.server.connection import GameConnection
from minecraft_scripts.server.cuboid_build import place_sign
from minecraft_scripts.server.readback import detect_edition
from minecraft_scripts.voxels import Box

Position = tuple[int, int, int]
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class StateBuild:
    """What a state build did over all its regions."""

    regions: int
    voxels: int
    commands: int
    seconds: float
    verified: bool
    mismatches: int
    covers: tuple[str, ...]  # what every region's check covered (see `BuildReport.covers`)


def build_state(
    conn: GameConnection,
    state: EstateState,
    at: Position,
    *,
    sites: list[str] | None = None,
    keep_plots: bool = True,
    progress: Progress | None = None,
) -> StateBuild:
    """Build the state at world position `at`, verified; `sites` limits it to those sites
    (a decision or its undo changes nothing else), `keep_plots` spares the groups' plots."""
    model = state_model(state)
    if sites:
        regions = [site_region(model, state.estate, site_id) for site_id in sites]
    else:
        regions = build_regions(model, state.estate, keep_plots)
    edition = detect_edition(conn)
    total = sum(region.volume for region in regions)
    reports: list[BuildReport] = []
    done = 0
    for region in regions:
        report = build_model(
            conn,
            model,
            at=at,
            region=region,
            diff=True,
            verify=True,
            edition=edition,
            progress=_share(progress, done, region, total),
        )
        reports.append(report)
        done += region.volume
    signs = plot_signs(model, state.estate) if keep_plots and not sites else []
    jagten_mod = server_kind(conn, edition).jagten_mod
    for sign in signs:
        place_sign(conn, sign, at, edition, jagten_mod=jagten_mod)
    conn.barrier()
    if progress is not None:
        progress(total, total)
    return StateBuild(
        regions=len(regions),
        voxels=sum(r.voxels for r in reports),
        commands=sum(r.commands for r in reports) + 2 * len(signs),
        seconds=round(sum(r.seconds for r in reports), 3),
        verified=all(r.verified for r in reports),
        mismatches=sum(r.mismatches for r in reports),
        covers=_covered_by_all(reports),
    )


def _covered_by_all(reports: list[BuildReport]) -> tuple[str, ...]:
    first = reports[0].covers if reports else ()
    return tuple(c for c in first if all(c in r.covers for r in reports))


def _share(progress: Progress | None, done: int, region: Box, total: int) -> Progress | None:
    """One region's progress as its share of the whole build, counted in voxels."""
    if progress is None:
        return None

    def report(part_done: int, part_total: int) -> None:
        progress(done + region.volume * part_done // max(1, part_total), total)

    return report
