"""The palette covers every material an estate may name, and the servers read back what it says."""

import json

import numpy as np
import pytest

from minecraft_scripts.palette import (
    BEDROCK_BLOCK_VERSION,
    MATERIALS,
    MINETEST_SIGN_NODE,
    Edition,
    NamedEdition,
    UnknownMaterial,
    ambiguous_read_keys,
    material,
    named_block,
)
from minecraft_scripts.server.managed_minetest import PYCRAFT_MOD
from minecraft_scripts.server.readback import detect_edition, read_keys
from minecraft_scripts.voxels import Box
from tests.real_components import READERS, require
from worlds.materials import MATERIALS as WORLD_MATERIALS

BUILDABLE = [name for name in MATERIALS if name not in ("air", "sign")]


def test_every_world_material_has_a_palette_entry() -> None:
    missing = sorted(set(WORLD_MATERIALS) - set(MATERIALS))
    assert missing == []


@pytest.mark.usefixtures("english")  # asserts the English wording
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


# -- block names per edition -------------------------------------------------------------

MINECRAFT_DATA = READERS / "node_modules" / "minecraft-data" / "minecraft-data" / "data"


def _minecraft_data(path: str) -> list[dict]:
    file = MINECRAFT_DATA / path
    if not file.exists():
        require(f"minecraft-data is not installed: make {READERS}/node_modules/.installed")
    return json.loads(file.read_text())


@pytest.mark.parametrize("edition", list(NamedEdition))
def test_every_material_has_a_name_in_every_edition(edition: NamedEdition) -> None:
    for name in WORLD_MATERIALS:
        block = named_block(name, edition)
        namespace = "minecraft:" if edition is not NamedEdition.LUANTI else ""
        assert block.name.startswith(namespace) and block.name != namespace, (name, block)


def test_java_names_and_properties_exist_in_minecraft_1_20_4() -> None:
    """Every Java entry names a real block with all of its properties set to legal values."""
    blocks = {b["name"]: b for b in _minecraft_data("pc/1.20.4/blocks.json")}
    for material_name in WORLD_MATERIALS:
        block = named_block(material_name, NamedEdition.JAVA)
        known = blocks[block.name.removeprefix("minecraft:")]
        properties = {state["name"]: state for state in known["states"]}
        assert {key for key, _ in block.states} == set(properties), material_name
        for key, value in block.states:
            legal = properties[key].get("values") or ["true", "false"]
            text = ("true" if value else "false") if isinstance(value, bool) else str(value)
            assert text in legal, (material_name, key, value)


def test_bedrock_names_and_states_exist_in_bedrock_1_21_50() -> None:
    """Every Bedrock entry is one of the game's block states, with every state named."""
    states = _minecraft_data("bedrock/1.21.50/blockStates.json")
    known = {
        (entry["name"], tuple(sorted((k, v["value"]) for k, v in entry["states"].items())))
        for entry in states
    }
    assert {entry["version"] for entry in states} == {BEDROCK_BLOCK_VERSION}
    for material_name in WORLD_MATERIALS:
        block = named_block(material_name, NamedEdition.BEDROCK)
        key = (
            block.name.removeprefix("minecraft:"),
            tuple((k, int(v) if isinstance(v, bool) else v) for k, v in block.states),
        )
        assert key in known, (material_name, block)


def test_bedrock_command_text_quotes_states() -> None:
    leaves = named_block("leaves", NamedEdition.BEDROCK)
    assert leaves.bedrock_command_text == 'oak_leaves ["persistent_bit"=true,"update_bit"=false]'
    assert named_block("tree_trunk", NamedEdition.BEDROCK).bedrock_command_text == (
        'oak_log ["pillar_axis"="y"]'
    )
    assert named_block("brick", NamedEdition.BEDROCK).bedrock_command_text == "brick_block"


def test_java_text_names_what_fruitjuice_and_paper_take() -> None:
    assert named_block("wood", NamedEdition.JAVA).java_text == "minecraft:oak_planks"
    assert named_block("tree_trunk", NamedEdition.JAVA).java_text == "minecraft:oak_log[axis=y]"


def test_raw_blocks_take_the_names_of_their_palette_material() -> None:
    """A pupil's build copied block for block (legacy ids) exports with modern names."""
    assert named_block("block:45:0", NamedEdition.BEDROCK).name == "minecraft:brick_block"
    assert named_block("block:35:14", NamedEdition.JAVA).name == "minecraft:red_concrete"
    assert named_block("block:5:3", NamedEdition.LUANTI).name == "default:wood"  # by id


@pytest.mark.usefixtures("english")  # asserts the English wording
def test_a_legacy_block_without_a_name_says_what_to_do() -> None:
    with pytest.raises(UnknownMaterial, match=r"no modern name.*palette\.py"):
        named_block("block:52:0", NamedEdition.BEDROCK)


def test_luanti_names_are_what_pycraft_places_for_the_legacy_ids() -> None:
    """The .we file and an mcpi build put the same node down (pycraft's block table)."""
    table = (PYCRAFT_MOD / "block.lua").read_text()
    for material_name in WORLD_MATERIALS:
        node = named_block(material_name, NamedEdition.LUANTI).name
        assert node == "air" or f'"{node}"' in table or node == MINETEST_SIGN_NODE, node
