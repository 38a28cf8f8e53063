"""The client side of the managed world's bulk commands (`minetest_mod/bulk.lua`).

A bulk command carries a whole box of the model: one byte per node (its palette index),
in a zlib stream (whose Adler-32 checksum the mod's inflate checks before it writes
anything), base64-encoded.
Boxes follow Minetest's map blocks (16³ nodes), so no map block is read or written twice,
and each is small enough for one server step. Reads answer the same way, plus every node
that carries metadata, so a check covers sign text and leftovers such as a removed sign's
text. The bulk commands speak Minetest coordinates, whose z runs opposite to mcpi's.
"""

from __future__ import annotations

import base64
import time
import zlib
from dataclasses import dataclass

import numpy as np

from minecraft_scripts.game_text import safe_sign_lines
from minecraft_scripts.palette import MINETEST_SIGN_NODE, Edition, material
from minecraft_scripts.server.connection import GameConnection, GameConnectionError
from minecraft_scripts.server.protocol import Command, Token, encode_command
from minecraft_scripts.voxels import Box, Sign
from worlds.language import _

Position = tuple[int, int, int]

MOD_PROTOCOL = "jagten 4"
"""The version our mod answers (minetest_mod/world_commands.lua), as far as it names the
bulk commands' form; what follows it names the world's database (map_commits.py)."""
KEEP = 255
"""A put's index for "leave what stands"; in a read, 255 means a node the palette lacks."""
OTHER = 255
MAX_PALETTE = 255
MAP_BLOCK = 16
BLOCKS_PER_CHUNK = 64
"""Map blocks per command: 262,144 nodes, a few milliseconds of the server's Lua."""
SIGN_PARAM2 = 4
SAVE_TIMEOUT = 30.0
"""Longest wait for the world to save a build before it is reported as not verified."""


class BulkRefused(GameConnectionError):
    """The mod refused a bulk command (a damaged payload, a box outside the world, …)."""


@dataclass(frozen=True)
class Chunk:
    """One command's box: `local` in the model (mcpi axes), `low`/`high` in Minetest's."""

    local: Box
    low: Position
    high: Position


@dataclass(frozen=True)
class MetaEntry:
    """A node with metadata, as a read found it (model-local position)."""

    at: Position
    text: str
    infotext: str
    other_fields: int


@dataclass(frozen=True)
class PutReply:
    """What a put did: nodes changed, the server's seconds, and the nodes that still differ
    from the payload when the mod read the written map blocks back (0 when all stand)."""

    changed: int
    server_seconds: float
    wrong: int


@dataclass(frozen=True)
class ReadBack:
    """What a read found in one chunk: palette indices (model axes) and metadata."""

    chunk: Chunk
    indices: np.ndarray
    canon: np.ndarray
    metadata: list[MetaEntry]
    server_seconds: float


def mod_version(conn: GameConnection) -> str | None:
    """ "jagten N …" when the server runs our jagten mod, None otherwise."""
    return conn.query_if_known("world.jagtenVersion")


def speaks_bulk(version_reply: str | None) -> bool:
    """Whether the mod speaks this client's bulk commands. A world with an older copy of
    the mod (installed by hand on a school's own server) is built the cuboid way."""
    return (version_reply or "").split(" ")[:2] == MOD_PROTOCOL.split(" ")


def chunks(size: Position, origin: Position, blocks: int = BLOCKS_PER_CHUNK) -> list[Chunk]:
    """Cut a model of `size` placed at mcpi `origin` into boxes along map blocks."""
    low = (origin[0], origin[1], -(origin[2] + size[2] - 1))  # Minetest coordinates
    high = (origin[0] + size[0] - 1, origin[1] + size[1] - 1, -origin[2])
    first = [c // MAP_BLOCK for c in low]
    spans = [h // MAP_BLOCK - f + 1 for f, h in zip(first, high, strict=True)]
    ty = min(spans[1], blocks)
    tx = min(spans[0], max(1, int((blocks // ty) ** 0.5)))
    tz = min(spans[2], max(1, blocks // (ty * tx)))
    result = []
    for bz in range(first[2], first[2] + spans[2], tz):
        for by in range(first[1], first[1] + spans[1], ty):
            for bx in range(first[0], first[0] + spans[0], tx):
                a = (max(low[0], bx * MAP_BLOCK), max(low[1], by * MAP_BLOCK),
                     max(low[2], bz * MAP_BLOCK))  # fmt: skip
                b = (min(high[0], (bx + tx) * MAP_BLOCK - 1),
                     min(high[1], (by + ty) * MAP_BLOCK - 1),
                     min(high[2], (bz + tz) * MAP_BLOCK - 1))  # fmt: skip
                local = Box(a[0] - origin[0], a[1] - origin[1], -b[2] - origin[2],
                            b[0] - origin[0], b[1] - origin[1], -a[2] - origin[2])  # fmt: skip
                result.append(Chunk(local, a, b))
    return result


def palette(materials: tuple[str, ...]) -> Token:
    """Each material as the mod's palette names it: a legacy block, or the sign's node."""
    if len(materials) > MAX_PALETTE:
        raise ValueError(f"a bulk palette holds at most {MAX_PALETTE} materials")
    entries = []
    for name in materials:
        if name == "sign":
            entries.append(f"{MINETEST_SIGN_NODE}.{SIGN_PARAM2}")
        else:
            block = material(name).block(Edition.MINETEST)
            entries.append(f"{block.id}.{block.data}")
    return Token(";".join(entries))


def _to_nodes(values: np.ndarray) -> bytes:
    """Model axes (x, y, mcpi z) → the mod's order: x fastest, then y, then Minetest z."""
    return np.ascontiguousarray(values[:, :, ::-1].transpose(2, 1, 0)).tobytes()


def _from_nodes(data: bytes, size: Position) -> np.ndarray:
    nx, ny, nz = size
    nodes = np.frombuffer(data, dtype=np.uint8).reshape(nz, ny, nx)
    return nodes.transpose(2, 1, 0)[:, :, ::-1]


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))  # Minetest omits the padding


def _text(encoded: str) -> str:
    return _unb64(encoded).decode("utf-8", "replace")


def put_command(
    grid: np.ndarray, chunk: Chunk, names: Token, keep: np.ndarray | None = None
) -> Command:
    """Write a chunk of the model; where `keep` is true, what stands is left alone."""
    values = grid[chunk.local.slices()]
    if keep is not None:
        values = np.where(keep[chunk.local.slices()], np.uint8(KEEP), values)
    nodes = _to_nodes(values)
    payload = base64.b64encode(zlib.compress(nodes, 1)).decode()
    return encode_command("world.jagtenPut", *chunk.low, *chunk.high, names, Token(payload))


def read_command(chunk: Chunk, names: Token) -> Command:
    return encode_command("world.jagtenRead", *chunk.low, *chunk.high, names)


def meta_command(chunk: Chunk) -> Command:
    """Only the chunk's nodes with metadata: a put has checked its nodes already."""
    return encode_command("world.jagtenMeta", *chunk.low, *chunk.high)


def sign_text(sign: Sign) -> str:
    """What a sign's text is once written: its safe lines, blank ones kept."""
    return "\n".join(safe_sign_lines(sign.lines))


def sign_command(sign: Sign, origin: Position) -> Command:
    """Write the text of a sign of the model placed at mcpi `origin`."""
    x, y, z = sign.x + origin[0], sign.y + origin[1], sign.z + origin[2]
    return encode_command("world.jagtenSign", x, y, -z, Token(_b64(sign_text(sign))))


def write_sign_texts(conn: GameConnection, signs: list[Sign], origin: Position) -> None:
    for reply in conn.replies(sign_command(sign, origin) for sign in signs):
        parse_sign(reply)


def _refusal(reply: str, command: str) -> BulkRefused:
    reason = reply.removeprefix("refused ").strip() or reply
    message = _("The game server refused part of the build (%(command)s): %(reason)s.",
                command=command, reason=reason)  # fmt: skip
    return BulkRefused(message)


def parse_put(reply: str) -> PutReply:
    """Raises `BulkRefused` for a refusal."""
    parts = reply.split(" ")
    if parts[0] != "ok" or len(parts) != 4 or not all(p.isdigit() for p in parts[1:]):
        raise _refusal(reply, "a region")
    return PutReply(int(parts[1]), int(parts[2]) / 1e6, int(parts[3]))


def parse_sign(reply: str) -> None:
    if reply != "ok":
        raise _refusal(reply, "a sign")


def parse_read(reply: str, chunk: Chunk, origin: Position) -> ReadBack:
    parts = reply.split(" ")
    if parts[0] != "ok" or len(parts) < 4:
        raise _refusal(reply, "a read")
    indices = _from_nodes(zlib.decompress(_unb64(parts[3])), chunk.local.size)
    canon = np.array([int(k) for k in parts[2].split(".")], dtype=np.uint8)
    return ReadBack(chunk, indices, canon, _meta_entries(parts[4:], origin), int(parts[1]) / 1e6)


def parse_meta(reply: str, origin: Position) -> list[MetaEntry]:
    parts = reply.split(" ")
    if parts[0] != "ok":
        raise _refusal(reply, "a read")
    return _meta_entries(parts[1:], origin)


def _meta_entries(entries: list[str], origin: Position) -> list[MetaEntry]:
    found = []
    for entry in entries:
        x, y, z, text, infotext, other = entry.split(",")
        at = (int(x) - origin[0], int(y) - origin[1], -int(z) - origin[2])
        found.append(MetaEntry(at, _text(text), _text(infotext), int(other)))
    return found


def wait_until_saved(conn: GameConnection, timeout: float = SAVE_TIMEOUT) -> bool:
    """Wait until the world has saved every change so far; False if it did not in time."""
    deadline = time.monotonic() + timeout
    while True:
        [reply] = conn.replies([encode_command("world.jagtenSaved")])  # no retry when lost
        if reply == "saved":
            return True
        if time.monotonic() > deadline:
            return False
        seconds = float(reply.split(" ")[1]) if reply.startswith("pending ") else 0.1
        time.sleep(min(max(seconds, 0.005), 0.5))
