"""Framing of the mcpi wire protocol: pure functions, no sockets.

A command is `package.name(arg,arg,...)` and a newline. Replies are single lines;
failures are the line `Fail` (RaspberryJuice, RaspberryJamMod) or `fail` (pycraft).
Keeping this apart from the socket code lets the rules be tested on their own.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from minecraft_scripts.game_text import safe_argument

FAIL_REPLIES = frozenset({"Fail", "fail"})

IDEMPOTENT_COMMANDS = frozenset(
    {"world.setBlock", "world.setBlocks", "world.setSign", "world.setNode", "world.setNodes"}
)
"""Commands that may be sent twice without changing the outcome: only these are
replayed one by one to find which command of a pipelined batch failed."""

SYNC_COMMAND = "world.getBlock"
SYNC_ARGS = (0, 0, 0)
"""A cheap query every server answers with exactly one line: used as a barrier."""


SHOWN_CHARACTERS = 200
"""How much of a command a message shows: a bulk command can be megabytes long."""

_TOKEN_CHARACTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=.:;_-"


class Token(str):
    """An argument made only of characters that never end or split a command (base64,
    digits, node names, `;`-lists), checked at C speed: a bulk payload of megabytes goes out
    as it is instead of through the per-character text sanitiser."""

    def __new__(cls, text: str) -> "Token":
        if not text.isascii() or text.encode().translate(None, _TOKEN_CHARACTERS):
            raise ValueError(f"not a protocol token: {text[:40]!r}")
        return super().__new__(cls, text)


@dataclass(frozen=True)
class Command:
    """One encoded protocol line and the name it was sent under."""

    name: str
    line: bytes

    @property
    def idempotent(self) -> bool:
        return self.name in IDEMPOTENT_COMMANDS

    def __str__(self) -> str:
        text = self.line.decode("utf-8", "replace").rstrip("\n")
        return text if len(text) <= SHOWN_CHARACTERS else f"{text[:SHOWN_CHARACTERS]}…"


def _flatten(args: Iterable[object]) -> Iterator[object]:
    for arg in args:
        if isinstance(arg, (list, tuple)):
            yield from _flatten(arg)
        else:
            yield arg


def _format_argument(arg: object) -> str:
    if isinstance(arg, Token):
        return arg
    if isinstance(arg, bool):
        return "1" if arg else "0"
    if isinstance(arg, (int, np.integer)):
        return str(int(arg))
    if isinstance(arg, (float, np.floating)):
        return repr(float(arg))
    return safe_argument(str(arg))


def encode_command(name: str | bytes, *args: object) -> Command:
    """Encode one command line. Text arguments pass through the game-text sanitiser,
    so no argument can contain a line break and start a second command."""
    command_name = name.decode("ascii") if isinstance(name, bytes) else name
    if not command_name or any(c in command_name for c in "(),\r\n "):
        raise ValueError(f"not a protocol command name: {command_name!r}")
    arguments = ",".join(_format_argument(arg) for arg in _flatten(args))
    return Command(command_name, f"{command_name}({arguments})\n".encode())


def is_fail(reply: str) -> bool:
    return reply in FAIL_REPLIES


Corner = tuple[int, int, int]


def region(x1: int, y1: int, z1: int, x2: int, y2: int, z2: int) -> tuple[Corner, Corner, Corner]:
    """The low and high corners of a region given by any two opposite corners, and its size."""
    low = (min(x1, x2), min(y1, y2), min(z1, z2))
    high = (max(x1, x2), max(y1, y2), max(z1, z2))
    return low, high, (high[0] - low[0] + 1, high[1] - low[1] + 1, high[2] - low[2] + 1)


def _as_region(values: np.ndarray, size: tuple[int, int, int]) -> np.ndarray:
    """Values listed y-major, then x, then z (both servers) as an array indexed [x, y, z]."""
    nx, ny, nz = size
    return values.reshape(ny, nx, nz).transpose(1, 0, 2)


def parse_blocks_with_data(reply: str, size: tuple[int, int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Turn pycraft's `world.getBlocksWithData` reply (`id,data|id,data|…`) into two arrays,
    ids and data values, indexed [x, y, z]."""
    nx, ny, nz = size
    pairs = np.fromstring(reply.replace("|", ","), dtype=np.int32, sep=",").reshape(-1, 2)
    if len(pairs) != nx * ny * nz:
        raise ValueError(
            f"getBlocksWithData returned {len(pairs)} blocks for a {nx}×{ny}×{nz} region"
        )
    return _as_region(pairs[:, 0], size), _as_region(pairs[:, 1], size)


def parse_block_ids(reply: str, size: tuple[int, int, int]) -> np.ndarray:
    """Turn a `world.getBlocks` reply into an array indexed [x, y, z].

    Both servers list ids y-major, then x, then z (increasing), with optional
    `id,data` pairs on RaspberryJamMod; we keep the id.
    """
    nx, ny, nz = size
    values = np.fromstring(reply, dtype=np.float64, sep=",").astype(np.int32) if reply else []
    if len(values) == 2 * nx * ny * nz:
        values = values[::2]
    if len(values) != nx * ny * nz:
        raise ValueError(f"getBlocks returned {len(values)} values for a {nx}×{ny}×{nz} region")
    return _as_region(np.asarray(values, dtype=np.int32), size)
