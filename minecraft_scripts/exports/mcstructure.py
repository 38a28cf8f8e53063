"""A Bedrock structure (`.mcstructure`) for `/structure load` in an existing world.

Little-endian NBT: the size, two layers of palette indices (the second, for water inside
blocks, stays empty: -1) in x, y, z order with z fastest, the palette, and the signs' block
entities keyed by their voxel index. Bedrock loads structures of any size with the command
(the 64 × 384 × 64 limit belongs to the structure block), so one file holds the estate.
"""

from __future__ import annotations

import io

from nbtlib import Compound, File, Int, List

from minecraft_scripts.exports.bedrock_blocks import palette_entry, sign_entity
from minecraft_scripts.exports.named_model import NamedModel
from minecraft_scripts.palette import NamedEdition
from worlds.language import _


def mcstructure_bytes(model: NamedModel) -> bytes:
    if model.edition is not NamedEdition.BEDROCK:
        raise ValueError(_("a .mcstructure needs the model in Bedrock's block names"))
    nx, ny, nz = model.size
    indices = model.grid.ravel(order="C").tolist()  # x, then y, then z fastest
    tags = [Int(index) for index in range(len(model.palette))]  # shared: far faster
    void = Int(-1)
    position_data = Compound(
        {
            str((s.x * ny + s.y) * nz + s.z): Compound(
                {"block_entity_data": sign_entity(s.x, s.y, s.z, s.lines)}
            )
            for s in model.signs
        }
    )
    root = File(
        {
            "format_version": Int(1),
            "size": List[Int]([Int(nx), Int(ny), Int(nz)]),
            "structure": Compound(
                {
                    "block_indices": List[List[Int]](
                        [
                            List[Int]([tags[index] for index in indices]),
                            List[Int]([void] * len(indices)),
                        ]
                    ),
                    "entities": List[Compound]([]),
                    "palette": Compound(
                        {
                            "default": Compound(
                                {
                                    "block_palette": List[Compound](
                                        [palette_entry(block) for block in model.palette]
                                    ),
                                    "block_position_data": position_data,
                                }
                            )
                        }
                    ),
                }
            ),
            "structure_world_origin": List[Int]([Int(0), Int(0), Int(0)]),
        }
    )
    buffer = io.BytesIO()
    root.write(buffer, byteorder="little")
    return buffer.getvalue()
