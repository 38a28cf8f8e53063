"""The palette covers every material an estate may name, and the servers read back what it says."""

import numpy as np
import pytest

from minecraft_scripts.palette import (
    MATERIALS,
    Edition,
    UnknownMaterial,
    ambiguous_read_keys,
    material,
)
from minecraft_scripts.server.readback import detect_edition, read_keys
from minecraft_scripts.voxels import Box
from worlds.materials import MATERIALS as WORLD_MATERIALS

BUILDABLE = [name for name in MATERIALS if name not in ("air", "sign")]


def test_every_world_material_has_a_palette_entry() -> None:
    missing = sorted(set(WORLD_MATERIALS) - set(MATERIALS))
    assert missing == []


def test_unknown_material_lists_the_known_ones() -> None:
    with pytest.raises(UnknownMaterial, match=r"known: .*brick"):
        material("marble")


def test_air_is_block_zero_in_both_editions() -> None:
    assert material("air").java.id == 0 and material("air").minetest.id == 0


def test_colours_are_rgb_and_materials_look_different() -> None:
    colours = [entry.colour for entry in MATERIALS.values()]
    assert all(len(c) == 3 and all(0 <= v <= 255 for v in c) for c in colours)
    assert len(set(colours)) == len(colours)


def test_minetest_reads_tell_almost_every_material_apart() -> None:
    """Only red wool (roof tiles and red panels) and stone (stone and blank signs) collide."""
    keys = {name: entry.minetest.read_key(Edition.MINETEST) for name, entry in MATERIALS.items()}
    shared = {name for name, key in keys.items() if key in ambiguous_read_keys(Edition.MINETEST)}
    assert shared == {"roof_tiles", "red_panel", "stone", "sign"}


@pytest.mark.game_server
def test_each_material_reads_back_as_the_palette_declares(game) -> None:
    edition = detect_edition(game)
    row = Box(1900, 40, 1900, 1900 + len(BUILDABLE) - 1, 40, 1900)
    for offset, name in enumerate(BUILDABLE):
        block = material(name).block(edition)
        game.set_block(row.x1 + offset, row.y1, row.z1, block.id, block.data)
    game.barrier()
    standing = read_keys(game, row, edition)[:, 0, 0]
    declared = np.array([material(name).block(edition).read_key(edition) for name in BUILDABLE])
    wrong = [
        name for name, got, want in zip(BUILDABLE, standing, declared, strict=True) if got != want
    ]
    assert wrong == []
