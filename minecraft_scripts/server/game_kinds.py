"""The kinds of game server the toolkit builds in, and how far each one's world reaches.

A build outside the world does harm before anything can be read back: at x = 40,000 the
Minetest mod fails with a Lua error, and at 2^53 the server spins at full CPU and stops
answering. So every build is checked against its game's limits before the toolkit
connects; the command line and the portal ask the same function, `placement_problem`.
"""

from __future__ import annotations

from dataclasses import dataclass

from worlds.error_messages import did_you_mean
from worlds.language import _, number

Corner = tuple[int, int, int]


@dataclass(frozen=True)
class GameKind:
    """One kind of server: its name in settings, and the lowest and highest block it has."""

    name: str
    title: str
    low: Corner
    high: Corner


MINETEST = GameKind("minetest", "Minetest", (-31_000, -31_000, -31_000), (31_000, 31_000, 31_000))
"""Minetest maps end at ±31,007 (`mapgen_limit`); the last few blocks at the edge are
never generated, so we keep to ±31,000."""

MINECRAFT = GameKind(
    "raspberryjuice", "Minecraft", (-30_000_000, -64, -30_000_000), (29_999_999, 319, 29_999_999)
)
"""Minecraft Java with RaspberryJuice: x and z within ±30,000,000 (the world border), y
within the build height of Java 1.18 and later. RaspberryJuice's default relative mode
adds the spawn point to every position; spawn lies near 0, 0, 0 in most worlds."""

GAME_KINDS: dict[str, GameKind] = {kind.name: kind for kind in (MINETEST, MINECRAFT)}
"""The game kinds by the name a setting or `--game` uses."""


def game_kind(name: str) -> GameKind:
    """The game kind called `name`; a `ValueError` naming the kinds there are."""
    try:
        return GAME_KINDS[name]
    except KeyError:
        hint = did_you_mean(name, list(GAME_KINDS))
        raise ValueError(_("unknown game '%(name)s'; %(hint)s", name=name, hint=hint)) from None


def placement_problem(kind: GameKind | str, low: Corner, size: Corner) -> str | None:
    """Why a build of `size` blocks with its low corner at `low` does not fit in the
    world of `kind`, as a sentence; `None` when it fits."""
    kind = game_kind(kind) if isinstance(kind, str) else kind
    for axis, start, extent, first, last in zip("xyz", low, size, kind.low, kind.high, strict=True):
        end = start + extent - 1
        if start < first or end > last:
            return _(
                "the build would reach %(axis)s %(start)s..%(end)s, outside the %(game)s "
                "world (%(axis)s from %(first)s to %(last)s): choose a position within it",
                axis=axis,
                start=number(start),
                end=number(end),
                game=kind.title,
                first=number(first),
                last=number(last),
            )
    return None
