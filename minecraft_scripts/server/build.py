"""Build a voxel model in a running game server, fast, and prove it stands as planned.

Two ways, chosen by what the server offers. The managed world's `jagten` mod takes whole
regions at once, reads them back node for node with every node's metadata (sign text,
leftovers), and says when the world has saved them: there a build is "verified" only once
it matches the model and is on disk (`bulk_build`). Any other mcpi server (RaspberryJuice,
pycraft alone) gets the cuboid plan and is checked by reading its blocks back; whether and
when it saves is the server's own business (`cuboid_build`). Either way a rerun completes
an interrupted build, and a lost server ends it with how far it came.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace

import numpy as np

from minecraft_scripts.generate import choose_variants, generate, site_box
from minecraft_scripts.palette import Edition
from minecraft_scripts.server.bulk import (
    MAX_PALETTE,
    BulkRefused,
    mod_version,
    speaks_bulk,
    wait_until_saved,
)
from minecraft_scripts.server.bulk_build import BulkOutcome, Steps, bulk_build, bulk_check
from minecraft_scripts.server.connection import GameConnection, GameConnectionError
from minecraft_scripts.server.cuboid_build import cuboid_build
from minecraft_scripts.server.map_commits import CommitWatch, watch_commits
from minecraft_scripts.server.readback import detect_edition, expected_keys, read_keys
from minecraft_scripts.voxels import Box, VoxelModel
from worlds.language import _, number
from worlds.schema import Estate

__all__ = ["BuildInterrupted", "BuildReport", "build_estate", "build_model", "clear_estate",
           "detect_edition", "expected_keys", "read_keys", "server_kind"]  # fmt: skip

Progress = Callable[[int, int], None]
Position = tuple[int, int, int]

CACHED_VOXELS = 64_000_000
"""Voxels of generated models kept for the next build of the same estate (a variant switch,
a rebuild): at most 64 MB."""

COVERS_WITH_MOD = ("blocks", "sign text", "node metadata", "saved")
COVERS_WITHOUT_MOD = ("blocks",)


@dataclass(frozen=True)
class BuildReport:
    """What a build did: the voxels it set (air included, as it clears the region too),
    commands sent, seconds taken, and the check; `solid_voxels` counts the non-air ones.
    `covers` names what the check covered; `saved` is true once the world confirmed it has
    saved the build (only our jagten mod can); `phases` splits the seconds."""

    voxels: int
    commands: int
    seconds: float
    verified: bool
    mismatches: int
    solid_voxels: int = 0
    saved: bool = False
    covers: tuple[str, ...] = COVERS_WITHOUT_MOD
    phases: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


class BuildInterrupted(GameConnectionError):
    """The server went away in the middle of a build; a rerun finishes it."""

    def __init__(self, done: int, total: int, cause: Exception) -> None:
        super().__init__(
            _("The build was cut off at %(done)s of %(total)s; run it again to finish.",
              done=number(done), total=number(total))
            + f" ({cause})"
        )  # fmt: skip
        self.done, self.total = done, total


@dataclass(frozen=True)
class GameServerKind:
    """Which game a server runs, whether it has our jagten mod, and whether this machine
    can watch its map database for the commit that saves a build."""

    edition: Edition
    jagten_mod: bool
    commits: CommitWatch | None = field(default=None, compare=False)


_kinds: weakref.WeakKeyDictionary[GameConnection, GameServerKind] = weakref.WeakKeyDictionary()


def server_kind(conn: GameConnection, edition: Edition | None = None) -> GameServerKind:
    """Ask once per connection: our mod answers `world.jagtenVersion`, others do not. A
    world with an older copy of our mod is treated as one without it (pycraft's commands)."""
    known = _kinds.get(conn)
    if known is None or (edition is not None and known.edition is not edition):
        version = mod_version(conn) if edition in (None, Edition.MINETEST) else None
        if speaks_bulk(version):
            known = GameServerKind(Edition.MINETEST, True, watch_commits(version))
        elif version is not None:
            known = GameServerKind(Edition.MINETEST, False)
        else:
            known = GameServerKind(edition or detect_edition(conn), False)
        _kinds[conn] = known
    return known


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
    bulk: bool | None = None,
) -> BuildReport:
    """Build `model` with its origin at world position `at` (mcpi coordinates).

    `region` (model-local) limits the work to part of the model, e.g. one site. `diff`
    sends only what differs from what stands (a variant switch, a resumed build). `bulk`
    chooses the way (default: bulk where the server has our mod); see the modules.
    """
    started = time.perf_counter()
    kind = server_kind(conn, edition)
    part = model.cropped(region) if region is not None else model
    offset = region.low if region is not None else (0, 0, 0)
    origin = (at[0] + offset[0], at[1] + offset[1], at[2] + offset[2])
    use_bulk = kind.jagten_mod and len(part.materials) <= MAX_PALETTE and bulk is not False
    steps = Steps(progress)
    try:
        if use_bulk:
            outcome = bulk_build(conn, part, origin, verify=verify, steps=steps,
                                 commits=kind.commits)  # fmt: skip
        else:
            outcome = _cuboid_build(conn, part, origin, kind, verify, diff, steps)
    except BulkRefused:
        raise
    except GameConnectionError as error:
        if not steps.total:  # lost before anything was sent: no build to finish
            raise
        raise BuildInterrupted(steps.done, steps.total, error) from error
    return BuildReport(
        voxels=int(part.grid.size),
        commands=outcome.commands,
        seconds=round(time.perf_counter() - started, 3),
        verified=verify and outcome.mismatches == 0 and (outcome.saved or not kind.jagten_mod),
        mismatches=outcome.mismatches,
        solid_voxels=part.solid_voxels(),
        saved=outcome.saved,
        covers=COVERS_WITH_MOD if kind.jagten_mod else COVERS_WITHOUT_MOD,
        phases=outcome.phases,
    )


def _cuboid_build(
    conn: GameConnection,
    model: VoxelModel,
    origin: Position,
    kind: GameServerKind,
    verify: bool,
    diff: bool,
    steps: Steps,
) -> BulkOutcome:
    """The cuboid way; on a server with our mod the final check is the mod's, and saved."""

    planning = time.perf_counter()
    commands, mismatches = cuboid_build(conn, model, origin, verify=verify, diff=diff,
                                        edition=kind.edition, jagten_mod=kind.jagten_mod,
                                        progress=steps.reach)  # fmt: skip
    outcome = BulkOutcome(commands=commands, mismatches=mismatches)
    outcome.add("plan, send and check", time.perf_counter() - planning)
    if verify and kind.jagten_mod:
        outcome.mismatches = int(np.count_nonzero(bulk_check(conn, model, origin, outcome)))
        outcome.saved = wait_until_saved(conn)
    return outcome


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


_models: OrderedDict[tuple[str, tuple[tuple[str, str], ...]], VoxelModel] = OrderedDict()
_models_lock = threading.Lock()  # the portal builds in threads


def _generated(estate: Estate, variants: dict[str, str] | None) -> VoxelModel:
    """`generate`, remembered by the estate's content and the chosen variants: a variant
    switch after a vote regenerates nothing it has seen. Builds never change a model."""
    key = (estate.model_dump_json(), tuple(sorted(choose_variants(estate, variants).items())))
    with _models_lock:
        model = _models.pop(key, None)
    model = model or generate(estate, variants=variants)
    with _models_lock:
        _models[key] = model
        while sum(m.grid.size for m in _models.values()) > CACHED_VOXELS and len(_models) > 1:
            _models.popitem(last=False)
    return model


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
    started = time.perf_counter()
    model = _generated(estate, variants)
    generating = time.perf_counter() - started
    region = None
    for site_id in sites or []:
        box = site_box(estate, site_id)
        region = box if region is None else region.union(box)
    report = build_model(
        conn, model, at=at, region=region, verify=verify, diff=diff, progress=progress
    )
    phases = {"generate": round(generating, 4), **report.phases}
    return replace(report, seconds=round(time.perf_counter() - started, 3), phases=phases)


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
    kind = server_kind(conn)
    if kind.jagten_mod:
        return build_model(conn, bare, at=at, verify=verify, progress=progress)
    report = build_model(conn, bare, at=at, verify=False, progress=progress)
    if not verify:
        return report
    standing = read_keys(conn, bare.bounds.translated(*at), kind.edition)
    mismatches = int(np.count_nonzero(standing != expected_keys(bare, kind.edition)))
    seconds = round(time.perf_counter() - started, 3)
    return replace(report, seconds=seconds, verified=mismatches == 0, mismatches=mismatches)
