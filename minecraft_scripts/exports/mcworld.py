"""A Minecraft Education / Bedrock world (`.mcworld`) with the estate at spawn.

A teacher double-clicks the file and the game imports it: a flat creative world (bedrock,
two dirt, grass), always noon and without mobs, cheats on (for `/connect`). The estate's
ground layer replaces the grass, its north-west corner at x = 0, z = 0; the player spawns on
the grass just north of it, in the middle. Plots are marked as the generator marks them (a
border and a name sign), and signs carry their text.

The file is a zip of `level.dat` (an 8-byte header and little-endian NBT), `levelname.txt`
and the LevelDB database `db/`, written with `amulet-leveldb` (Mojang's LevelDB with zlib).
"""

from __future__ import annotations

import io
import json
import struct
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from leveldb import LevelDB
from nbtlib import Byte, Compound, Int, List, Long, String

from minecraft_scripts.exports.bedrock_blocks import palette_entry, sign_entity
from minecraft_scripts.exports.bedrock_chunks import WORLD_BOTTOM, chunk_records, little_nbt
from minecraft_scripts.exports.named_model import NamedModel
from minecraft_scripts.palette import NamedBlock, NamedEdition
from worlds.language import _

FLAT_LAYERS = (
    (NamedBlock("minecraft:bedrock", (("infiniburn_bit", False),)), 1),
    (NamedBlock("minecraft:dirt"), 2),
    (NamedBlock("minecraft:grass_block"), 1),
)
GROUND_Y = WORLD_BOTTOM + sum(count for _, count in FLAT_LAYERS) - 1
"""y = -61: the flat world's grass, where the estate's ground layer lies."""
STORAGE_VERSION = 10
GAME_VERSION = (1, 21, 40, 1, 0)
LAST_CHUNK_ROW = 15


@dataclass(frozen=True)
class Placement:
    """Where the estate lies in the world and where a player appears."""

    origin: tuple[int, int, int]
    spawn: tuple[int, int, int]


def placement(model: NamedModel) -> Placement:
    nx, _, _ = model.size
    return Placement(origin=(0, GROUND_Y, 0), spawn=(nx // 2, GROUND_Y + 1, -3))


def mcworld_bytes(model: NamedModel, title: str) -> bytes:
    if model.edition is not NamedEdition.BEDROCK:
        raise ValueError(_("a .mcworld needs the model in Bedrock's block names"))
    where = placement(model)
    with tempfile.TemporaryDirectory(prefix="jagten-mcworld-") as folder:
        root = Path(folder)
        _write_database(root / "db", model, where)
        (root / "level.dat").write_bytes(level_dat(title, where.spawn))
        (root / "levelname.txt").write_text(title, encoding="utf-8")
        return _zipped(root)


def _write_database(path: Path, model: NamedModel, where: Placement) -> None:
    blocks, palette = _world_region(model, where)
    nbt_palette = [little_nbt(palette_entry(block)) for block in palette]
    is_air = np.array([block.name == "minecraft:air" for block in palette])
    entities = _sign_entities(model, where)
    db = LevelDB(str(path), True)
    try:
        for cx in range(blocks.shape[0] // 16):
            for cz in range(blocks.shape[2] // 16):
                column = blocks[cx * 16 : cx * 16 + 16, :, cz * 16 : cz * 16 + 16]
                for key, value in chunk_records(
                    cx, cz, column, nbt_palette, is_air, entities.get((cx, cz), [])
                ):
                    db.put(key, value)
    finally:
        db.close()


def _world_region(model: NamedModel, where: Placement) -> tuple[np.ndarray, list[NamedBlock]]:
    """The chunks under the estate from the world bottom up: flat layers, then the estate.
    The region starts at chunk 0, 0 (the estate's origin) and ends on chunk borders."""
    nx, ny, nz = model.size
    ox, oy, oz = where.origin
    top = oy + ny - WORLD_BOTTOM
    shape = (_whole_chunks(ox + nx), _whole_chunks(top), _whole_chunks(oz + nz))
    palette = list(model.palette)
    blocks = np.zeros(shape, dtype=np.uint16)
    y = 0
    for layer, count in FLAT_LAYERS:
        if layer not in palette:
            palette.append(layer)
        blocks[:, y : y + count, :] = palette.index(layer)
        y += count
    low = oy - WORLD_BOTTOM
    blocks[ox : ox + nx, low : low + ny, oz : oz + nz] = model.grid
    return blocks, palette


def _whole_chunks(length: int) -> int:
    return -(-length // 16) * 16


def _sign_entities(model: NamedModel, where: Placement) -> dict[tuple[int, int], list[Compound]]:
    by_chunk: dict[tuple[int, int], list[Compound]] = {}
    ox, oy, oz = where.origin
    for sign in model.signs:
        x, y, z = sign.x + ox, sign.y + oy, sign.z + oz
        by_chunk.setdefault((x // 16, z // 16), []).append(sign_entity(x, y, z, sign.lines))
    return by_chunk


def level_dat(title: str, spawn: tuple[int, int, int]) -> bytes:
    """The world's settings: flat, creative, peaceful, always day, cheats on."""
    layers = {
        "biome_id": 1,
        "block_layers": [
            {"block_name": block.name, "count": count} for block, count in FLAT_LAYERS
        ],
        "encoding_version": 6,
        "structure_options": None,
        "world_version": "version.post_1_18",
    }
    version = List[Int]([Int(part) for part in GAME_VERSION])
    flags = {
        "commandsEnabled": 1, "hasBeenLoadedInCreative": 1, "educationFeaturesEnabled": 1,
        "dodaylightcycle": 0, "doweathercycle": 0, "domobspawning": 0, "mobgriefing": 0,
        "doinsomnia": 0, "keepinventory": 1, "pvp": 0, "tntexplodes": 0, "showcoordinates": 1,
        "MultiplayerGame": 1, "LANBroadcast": 1, "spawnMobs": 0, "texturePacksRequired": 0,
        "immutableWorld": 0, "ForceGameType": 0,
    }  # fmt: skip
    tag = Compound(
        {
            "LevelName": String(title),
            "StorageVersion": Int(STORAGE_VERSION),
            "lastOpenedWithVersion": version,
            "MinimumCompatibleClientVersion": version,
            "Generator": Int(2),  # flat
            "FlatWorldLayers": String(json.dumps(layers)),
            "GameType": Int(1),  # creative
            "Difficulty": Int(0),  # peaceful
            "SpawnX": Int(spawn[0]),
            "SpawnY": Int(spawn[1]),
            "SpawnZ": Int(spawn[2]),
            "spawnradius": Int(0),
            "Time": Long(6000),  # noon
            "LastPlayed": Long(int(time.time())),
            "RandomSeed": Long(0),
            "experiments": Compound({}),
            **{name: Byte(value) for name, value in flags.items()},
        }
    )
    payload = little_nbt(tag)
    return struct.pack("<ii", STORAGE_VERSION, len(payload)) + payload


def _zipped(root: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.name != "LOCK":
                archive.write(path, path.relative_to(root).as_posix())
    return buffer.getvalue()
