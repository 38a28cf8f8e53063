"""Every shipped estate's exports, read back by a different implementation than the writer:
Bedrock world and structure and the Java schematic by PrismarineJS, the Luanti schematic by
the real Minetest with WorldEdit (`//load`, then mcpi), voxel for voxel and sign for sign."""

from __future__ import annotations

import numpy as np
import pytest

from minecraft_scripts.exports import ExportFormat, export_model
from minecraft_scripts.exports.mcworld import FLAT_LAYERS, placement
from minecraft_scripts.exports.named_model import named_model
from minecraft_scripts.generate import generate
from minecraft_scripts.palette import Edition, NamedEdition
from minecraft_scripts.server.readback import expected_keys, read_keys
from tests.minecraft_scripts.exports.readers import (
    canonical,
    expected_names,
    expected_signs,
    mismatch_count,
    mismatches,
    read_with_prismarine,
    require_readers,
    trimmed,
    unzipped,
)
from tests.real_components import require
from worlds.catalog import estate_ids, load_estate

ESTATES = estate_ids()


@pytest.fixture(scope="module")
def readers() -> None:
    require_readers()


@pytest.fixture(scope="module", params=ESTATES)
def estate_model(request: pytest.FixtureRequest):
    estate = load_estate(request.param)
    return estate, generate(estate)


SHIPPED = {
    "tranebaerparken", "mosebollehaven", "gogeurtgaarden",
    "rosenhaven", "betonparken", "kloeverhusene", "havnekanten",
}  # fmt: skip


def test_every_shipped_estate_is_checked() -> None:
    assert set(ESTATES) >= SHIPPED


def test_java_schematic_reads_back_as_the_model(readers, estate_model, tmp_path) -> None:
    estate, model = estate_model
    path = tmp_path / "estate.schem"
    path.write_bytes(export_model(model, ExportFormat.SCHEM, title=estate.name.da))
    read = read_with_prismarine("schem", path)
    named = named_model(model, NamedEdition.JAVA)
    assert mismatches(read.names, expected_names(named)) == []
    assert read.signs == expected_signs(named)
    assert read.info == {"version": "1.20.4", "dataVersion": 3700}


def test_bedrock_structure_reads_back_as_the_model(readers, estate_model, tmp_path) -> None:
    estate, model = estate_model
    path = tmp_path / "estate.mcstructure"
    path.write_bytes(export_model(model, ExportFormat.MCSTRUCTURE, title=estate.name.da))
    read = read_with_prismarine("mcstructure", path)
    named = named_model(model, NamedEdition.BEDROCK)
    assert mismatches(read.names, expected_names(named)) == []
    assert read.signs == expected_signs(named)
    assert read.info == {"waterLayerEmpty": True}


def test_bedrock_world_holds_the_estate_at_spawn(readers, estate_model, tmp_path) -> None:
    estate, model = estate_model
    world = unzipped(export_model(model, ExportFormat.MCWORLD, title=estate.name.da), tmp_path)
    named = named_model(model, NamedEdition.BEDROCK)
    where = placement(named)
    read = read_with_prismarine("mcworld", world, *where.origin, *named.size)
    assert mismatches(read.names, expected_names(named)) == []
    assert read.signs == expected_signs(named)
    assert read.info["levelName"] == estate.name.da
    assert read.info["generator"] == 2 and read.info["gameType"] == 1  # flat, creative
    assert read.info["commandsEnabled"] == 1  # so the teacher can /connect
    assert read.info["spawn"] == list(where.spawn)
    layers = [(layer["block_name"], layer["count"]) for layer in read.info["flatLayers"]]
    assert layers == [(block.name, count) for block, count in FLAT_LAYERS]


def test_bedrock_world_lies_on_its_flat_land(readers, tmp_path) -> None:
    """Below the estate, the world holds the same layers the game generates around it."""
    estate = load_estate(ESTATES[0])
    model = generate(estate)
    world = unzipped(export_model(model, ExportFormat.MCWORLD, title="x"), tmp_path)
    origin = placement(named_model(model, NamedEdition.BEDROCK)).origin
    read = read_with_prismarine("mcworld", world, origin[0], -64, origin[2], 16, 3, 16)
    layers = [canonical(b, NamedEdition.BEDROCK) for b, count in FLAT_LAYERS for _ in range(count)]
    assert [set(read.names[:, y, :].ravel()) for y in range(3)] == [{n} for n in layers[:3]]


@pytest.mark.game_server
def test_luanti_schematic_loads_in_minetest_with_worldedit(game_server, game, estate_model) -> None:
    if game_server.managed is None:
        require("loading a .we needs the managed test server's world folder and WorldEdit")
    world_dir = game_server.managed.world_dir
    if not (world_dir / "worldmods" / "worldedit").is_dir():
        require("WorldEdit is not installed: sudo apt-get install minetest-mod-worldedit")
    estate, model = estate_model
    name = f"export_{estate.id}"
    (world_dir / "schems").mkdir(exist_ok=True)
    (world_dir / "schems" / f"{name}.we").write_bytes(
        export_model(model, ExportFormat.WE, title=estate.name.da)
    )
    nz = model.size[2]
    x = 6000 + 300 * ESTATES.index(estate.id)
    told = game.query("world.weLoad", x, 0, 6000, name, *model.size)  # Minetest coordinates
    assert told == f"{model.solid_voxels()} nodes loaded"
    origin = (x, 0, -(6000 + nz - 1))  # mcpi coordinates: z mirrored
    standing = read_keys(game, model.bounds.translated(*origin), Edition.MINETEST)
    assert mismatch_count(standing, expected_keys(model, Edition.MINETEST)) == 0
    named = named_model(model, NamedEdition.LUANTI)
    read_signs = {
        (s.x, s.y, s.z): trimmed(
            game.query("world.getSign", origin[0] + s.x, origin[1] + s.y, origin[2] + s.z)
            .split(",")
        )
        for s in named.signs
    }  # fmt: skip
    assert read_signs == expected_signs(named)
    assert np.count_nonzero(standing) > 0
