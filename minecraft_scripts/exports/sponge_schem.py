"""A Minecraft Java Sponge schematic (`.schem`, version 2) for WorldEdit and FastAsyncWorldEdit.

Gzipped big-endian NBT: the size, a palette of block-state texts, one varint palette index
per voxel in y, z, x order (x fastest), and the signs' block entities in Java 1.20's form.
WorldEdit upgrades the blocks from `JAVA_DATA_VERSION` to the server's version.
"""

from __future__ import annotations

import gzip
import io
import json

import numpy as np
from nbtlib import Byte, ByteArray, Compound, File, Int, IntArray, List, Short, String

from minecraft_scripts.exports.named_model import NamedModel, SignText
from minecraft_scripts.palette import JAVA_DATA_VERSION, NamedEdition
from worlds.language import _


def schem_bytes(model: NamedModel) -> bytes:
    if model.edition is not NamedEdition.JAVA:
        raise ValueError(_("a .schem needs the model in Minecraft Java's block names"))
    nx, ny, nz = model.size
    ordered = model.grid.transpose(1, 2, 0).ravel()  # y, then z, then x fastest
    root = File(
        {
            "Version": Int(2),
            "DataVersion": Int(JAVA_DATA_VERSION),
            "Width": Short(nx),
            "Height": Short(ny),
            "Length": Short(nz),
            "Offset": IntArray([0, 0, 0]),
            "PaletteMax": Int(len(model.palette)),
            "Palette": Compound(
                {block.java_text: Int(index) for index, block in enumerate(model.palette)}
            ),
            "BlockData": ByteArray(np.frombuffer(_varints(ordered), dtype=np.int8)),
            "BlockEntities": List[Compound]([_sign(sign) for sign in model.signs]),
        },
        root_name="Schematic",
    )
    buffer = io.BytesIO()
    root.write(buffer, byteorder="big")
    return gzip.compress(buffer.getvalue(), mtime=0)


def _varints(values: np.ndarray) -> bytes:
    """Protocol varints; palette indices under 128 take one byte each."""
    if values.size == 0 or int(values.max()) < 128:
        return values.astype(np.uint8).tobytes()
    out = bytearray()
    for value in values.tolist():
        while value >= 0x80:
            out.append((value & 0x7F) | 0x80)
            value >>= 7
        out.append(value)
    return bytes(out)


def _sign(sign: SignText) -> Compound:
    lines = [*sign.lines, "", "", "", ""][:4]
    return Compound(
        {
            "Pos": IntArray([sign.x, sign.y, sign.z]),
            "Id": String("minecraft:sign"),
            "front_text": _side(lines),
            "back_text": _side(["", "", "", ""]),
            "is_waxed": Byte(0),
        }
    )


def _side(lines: list[str]) -> Compound:
    messages = [String(json.dumps({"text": line}, ensure_ascii=False)) for line in lines]
    return Compound(
        {
            "messages": List[String](messages),
            "color": String("black"),
            "has_glowing_text": Byte(0),
        }
    )
