"""Build and check a model through the managed world's bulk commands, then wait for the save.

One pipeline carries the whole build: every chunk of the region (air included, so
leftovers are cleared), the sign texts, and a read of every chunk's metadata; the server
runs it in one or a few steps. Each put answers its own check: the mod compares every node
it was sent with what stands, reading each map block from the map before and, where it
wrote, again after (exact node and param2, not a read key two materials may share), so a
separate read of every node would read the same nodes again one step later. Every node
with metadata is compared with the signs the model has. A chunk whose put found nodes that
differ is read whole, and what differs is written again, with the rest of its chunk kept,
and read again. A diff build needs no read first: writing a region costs the server hardly
more than reading it, and the mod leaves untouched what already stands as modelled.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np

from minecraft_scripts.server.bulk import (
    Chunk,
    MetaEntry,
    PutReply,
    ReadBack,
    chunks,
    meta_command,
    palette,
    parse_meta,
    parse_put,
    parse_read,
    parse_sign,
    put_command,
    read_command,
    sign_command,
    sign_text,
    wait_until_saved,
)
from minecraft_scripts.server.connection import GameConnection
from minecraft_scripts.server.map_commits import COMMIT_TIMEOUT, CommitWatch
from minecraft_scripts.server.protocol import Command, Token
from minecraft_scripts.server.readback import sign_positions
from minecraft_scripts.voxels import Sign, VoxelModel

Progress = Callable[[int, int], None]
Position = tuple[int, int, int]


@dataclass
class BulkOutcome:
    """What a bulk build did and found; `phases` in seconds."""

    commands: int = 0
    mismatches: int = 0
    saved: bool = False
    phases: dict[str, float] = field(default_factory=dict)

    def add(self, phase: str, seconds: float) -> None:
        self.phases[phase] = round(self.phases.get(phase, 0.0) + seconds, 4)


class Steps:
    """Counts the parts of a build done, so an interruption can say how far it came."""

    def __init__(self, progress: Progress | None = None) -> None:
        self.done, self.total, self._progress = 0, 0, progress

    def step(self) -> None:
        self.reach(self.done + 1, self.total)

    def reach(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        if self._progress is not None:
            self._progress(done, total)


def bulk_build(
    conn: GameConnection,
    model: VoxelModel,
    origin: Position,
    *,
    verify: bool,
    steps: Steps,
    commits: CommitWatch | None = None,
) -> BulkOutcome:
    """Write `model` with its origin at mcpi `origin`; with `verify`, check, repair, and
    wait until the world has saved it (seen in its map database through `commits` where
    this machine can, else asked of the server). `steps` counts the chunks written, and
    the check."""
    outcome = BulkOutcome()
    commits = commits if verify else None
    started = time.perf_counter()
    parts = chunks(model.size, origin)
    names = palette(model.materials)
    signs = sign_positions(model)
    puts = [put_command(model.grid, chunk, names) for chunk in parts]
    outcome.add("plan", time.perf_counter() - started)  # boxes, encoded
    steps.total = len(parts) + (1 if verify else 0)
    metas = [meta_command(chunk) for chunk in parts] if verify else []
    written, found = _run(conn, puts, [sign_command(s, origin) for s in signs], metas,
                          lambda reply, _chunk: parse_meta(reply, origin), parts, steps,
                          outcome, commits)  # fmt: skip
    outcome.commands = len(puts) + len(signs)
    if not verify:
        return outcome
    doubtful = [chunk for chunk, put in zip(parts, written, strict=True) if put.wrong]
    reads = _read(conn, doubtful, names, origin, outcome) if doubtful else []
    wrong = node_mismatches(model, reads) | metadata_mismatches(
        model, list(zip(parts, found, strict=True)), signs
    )
    if wrong.any():
        wrong = _repair(conn, model, origin, parts, names, signs, wrong, outcome, commits)
    outcome.mismatches = int(np.count_nonzero(wrong))
    saving = time.perf_counter()
    seen = commits.saved(COMMIT_TIMEOUT) if commits else None
    outcome.saved = seen or wait_until_saved(conn)
    outcome.add("save", time.perf_counter() - saving)
    steps.step()
    return outcome


def _repair(
    conn: GameConnection,
    model: VoxelModel,
    origin: Position,
    parts: list[Chunk],
    names: Token,
    signs: list[Sign],
    wrong: np.ndarray,
    outcome: BulkOutcome,
    commits: CommitWatch | None,
) -> np.ndarray:
    """Write again what differs, keeping the rest of its chunk, and read those chunks."""
    todo = [c for c in parts if wrong[c.local.slices()].any()]
    puts = [put_command(model.grid, c, names, keep=~wrong) for c in todo]
    resign = [sign_command(s, origin) for s in signs if wrong[s.x, s.y, s.z]]
    _, reads = _run(conn, puts, resign, [read_command(c, names) for c in todo],
                    lambda reply, chunk: parse_read(reply, chunk, origin), todo, None,
                    outcome, commits)  # fmt: skip
    outcome.commands += len(puts) + len(resign)
    again = mismatched(model, reads, signs)
    redone = np.zeros(model.size, dtype=bool)
    for chunk in todo:
        redone[chunk.local.slices()] = True
    return np.where(redone, again, wrong)


def _run(
    conn: GameConnection,
    puts: list[Command],
    signs: list[Command],
    checks: list[Command],
    parse_check: Callable[[str, Chunk], object],
    parts: list[Chunk],
    steps: Steps | None,
    outcome: BulkOutcome,
    commits: CommitWatch | None = None,
) -> tuple[list[PutReply], list]:
    """Send puts, signs and checks (reads of `parts`) in one pipeline; parse the replies as
    they come, and tell `commits` when the first change is reported."""
    sent = time.perf_counter()
    if commits:
        commits.sending()
    replies: Iterator[str] = conn.replies([*puts, *signs, *checks])
    written = []
    try:
        for _ in puts:
            written.append(parse_put(next(replies)))
            if written[-1].changed and commits:
                commits.changed()
            outcome.add("server write", written[-1].server_seconds)
            if steps is not None:
                steps.step()
        outcome.add("send", time.perf_counter() - sent)
        for _ in signs:
            parse_sign(next(replies))
            if commits:
                commits.changed()  # a sign's text is a change to save too
        checking = time.perf_counter()
        found = [parse_check(next(replies), chunk) for chunk in parts[: len(checks)]]
    finally:
        replies.close()  # at once: unread replies must not reach a later query
    if checks:
        outcome.add("check", time.perf_counter() - checking)
    return written, found


def _read(
    conn: GameConnection, parts: list[Chunk], names: Token, origin: Position, outcome: BulkOutcome
) -> list[ReadBack]:
    """Read `parts` whole through the mod."""
    _, reads = _run(conn, [], [], [read_command(c, names) for c in parts],
                    lambda reply, chunk: parse_read(reply, chunk, origin), parts, None,
                    outcome)  # fmt: skip
    outcome.add("server read", sum(r.server_seconds for r in reads))
    return reads


def bulk_check(
    conn: GameConnection, model: VoxelModel, origin: Position, outcome: BulkOutcome
) -> np.ndarray:
    """Read the model's region back through the mod: where it differs (see `mismatched`)."""
    reads = _read(conn, chunks(model.size, origin), palette(model.materials), origin, outcome)
    return mismatched(model, reads, sign_positions(model))


def mismatched(model: VoxelModel, reads: list[ReadBack], signs: list[Sign]) -> np.ndarray:
    """Where what stands differs from the model: node, sign text, or stray metadata."""
    found = [(read.chunk, read.metadata) for read in reads]
    return node_mismatches(model, reads) | metadata_mismatches(model, found, signs)


def node_mismatches(model: VoxelModel, reads: list[ReadBack]) -> np.ndarray:
    """Where a read found another node than the model's (exact node and param2)."""
    wrong = np.zeros(model.size, dtype=bool)
    for read in reads:
        box = read.chunk.local.slices()
        wrong[box] = read.indices != read.canon[model.grid[box]]
    return wrong


def metadata_mismatches(
    model: VoxelModel, found: list[tuple[Chunk, list[MetaEntry]]], signs: list[Sign]
) -> np.ndarray:
    """Where a sign's text differs from the model's, or a node carries metadata the model
    does not give it (a removed sign's text, an inventory), in the chunks read."""
    wrong = np.zeros(model.size, dtype=bool)
    texts = {(s.x, s.y, s.z): sign_text(s) for s in signs}
    seen: set[tuple[int, int, int]] = set()
    for _chunk, entries in found:
        for entry in entries:
            expected = texts.get(entry.at)
            seen.add(entry.at)
            fine = expected is not None and entry.other_fields == 0
            if not (fine and entry.text == expected and entry.infotext == expected):
                wrong[entry.at] = True
    for at, text in texts.items():
        if at not in seen and text and any(chunk.local.contains(*at) for chunk, _ in found):
            wrong[at] = True
    return wrong
