"""Bedrock's LevelDB chunk records: sub-chunks, biomes and height, block entities.

Keys are the chunk's x and z (little-endian int32) and a tag byte; a sub-chunk key adds its
y index. A sub-chunk (format 9) holds 16³ palette indices in x, z, y order (y fastest),
packed into little-endian 32-bit words, and its palette as little-endian NBT. Chunks are
marked finished (FinalizedState 2), so the game does not generate terrain over them.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator

import numpy as np
from nbtlib import Compound, File

CHUNK_VERSION = 40  # Bedrock 1.18.30 and later read it as current
SUB_CHUNK_FORMAT = 9
WORLD_BOTTOM = -64
SECTIONS = 24  # y -64 to 319
PLAINS = 1
TAG_DATA_3D, TAG_VERSION, TAG_SUB_CHUNK, TAG_BLOCK_ENTITY, TAG_FINALIZED = 43, 44, 47, 49, 54
FINISHED = 2
BIT_SIZES = (1, 2, 3, 4, 5, 6, 8, 16)


def chunk_key(cx: int, cz: int, tag: int, sub_y: int | None = None) -> bytes:
    key = struct.pack("<iiB", cx, cz, tag)
    return key if sub_y is None else key + struct.pack("<b", sub_y)


def little_nbt(tag: Compound) -> bytes:
    buffer = io.BytesIO()
    File(tag).write(buffer, byteorder="little")
    return buffer.getvalue()


def sub_chunk(section: np.ndarray, sub_y: int, palette: list[bytes]) -> bytes:
    """One 16×16×16 section ([x, y, z] indices into `palette`, given as NBT bytes)."""
    used, local = np.unique(section.transpose(0, 2, 1).ravel(), return_inverse=True)
    bits = next(size for size in BIT_SIZES if (1 << size) >= max(2, len(used)))
    per_word = 32 // bits
    words = -(-4096 // per_word)
    values = np.zeros(words * per_word, dtype=np.uint32)
    values[:4096] = local
    shifts = np.arange(per_word, dtype=np.uint32) * bits
    packed = (values.reshape(words, per_word) << shifts).sum(axis=1, dtype=np.uint64)
    header = struct.pack("<BBbB", SUB_CHUNK_FORMAT, 1, sub_y, bits << 1)
    entries = b"".join(palette[int(index)] for index in used)
    return header + packed.astype("<u4").tobytes() + struct.pack("<I", len(used)) + entries


def height_and_biomes(column: np.ndarray, is_air: np.ndarray) -> bytes:
    """Data3D: per x, z the height above the world bottom of the first air over the
    highest block, then one biome (plains) for the whole column."""
    solid = ~is_air[column]  # [x, y, z], y counted from the world bottom
    top = np.where(solid.any(axis=1), solid.shape[1] - np.argmax(solid[:, ::-1, :], axis=1), 0)
    heights = top.T.astype("<i2").tobytes()  # z-major: index z * 16 + x
    biomes = b"\x01" + struct.pack("<i", PLAINS) + b"\xff" * (SECTIONS - 1)
    return heights + biomes


def chunk_records(
    cx: int, cz: int, column: np.ndarray, palette: list[bytes], is_air: np.ndarray,
    block_entities: list[Compound],
) -> Iterator[tuple[bytes, bytes]]:  # fmt: skip
    """Every record of one chunk; `column` is [x, y, z] from the world bottom up."""
    yield chunk_key(cx, cz, TAG_VERSION), bytes([CHUNK_VERSION])
    for index in range(column.shape[1] // 16):
        sub_y = WORLD_BOTTOM // 16 + index
        section = column[:, index * 16 : index * 16 + 16, :]
        yield chunk_key(cx, cz, TAG_SUB_CHUNK, sub_y), sub_chunk(section, sub_y, palette)
    yield chunk_key(cx, cz, TAG_DATA_3D), height_and_biomes(column, is_air)
    if block_entities:
        yield chunk_key(cx, cz, TAG_BLOCK_ENTITY), b"".join(map(little_nbt, block_entities))
    yield chunk_key(cx, cz, TAG_FINALIZED), struct.pack("<i", FINISHED)
