"""A class's estate state (chosen variants, a pupil group's build in a site) exports like an
estate: the model every build and picture starts from (`estate_state.state_model`)."""

import numpy as np

from minecraft_scripts.estate_state import EstateState, ProposalDecision, state_model
from minecraft_scripts.exports import ExportFormat, export_model
from minecraft_scripts.exports.named_model import named_model
from minecraft_scripts.generate import generate
from minecraft_scripts.palette import Edition, NamedEdition
from minecraft_scripts.plots import CapturedBuild, site_placement
from tests.minecraft_scripts.exports.readers import (
    expected_names,
    mismatches,
    read_with_prismarine,
    require_readers,
)
from worlds.catalog import estate_ids, load_estate


def a_tower(height: int = 30) -> CapturedBuild:
    """A group's build: a brick tower with a red wool top, as captured on Minetest."""
    keys = np.zeros((3, height, 3), dtype=np.int32)
    keys[:, : height - 1, :] = 45 * 16  # brick
    keys[:, height - 1, :] = 35 * 16 + 14  # red wool
    return CapturedBuild("gruppe_1", Edition.MINETEST, keys)


def test_a_build_in_a_site_stands_in_the_export(tmp_path) -> None:
    require_readers()
    estate = load_estate(estate_ids()[0])
    site = estate.sites[0]
    other = next(v for v in site.variant_ids() if v != site.default)
    state = EstateState(estate, {site.id: other}, (ProposalDecision(site.id, a_tower()),))
    model = state_model(state)
    placed, region = site_placement(estate, a_tower(), site.id)
    assert model.size[1] >= region.y2 + 1  # the tower may rise above the estate's sky
    assert (model.grid[region.slices()] != 0).sum() == (placed.grid != 0).sum()
    outside = np.ones(generate(estate).size, dtype=bool)
    outside[region.slices()] = False
    ny = generate(estate).size[1]
    base = generate(estate, {site.id: other})
    names = np.array(model.materials, dtype=object)[model.grid[:, :ny, :]]
    base_names = np.array(base.materials, dtype=object)[base.grid]
    assert (names[outside] == base_names[outside]).all()
    path = tmp_path / "class.mcstructure"
    path.write_bytes(export_model(model, ExportFormat.MCSTRUCTURE, title="7.b"))
    read = read_with_prismarine("mcstructure", path)
    assert mismatches(read.names, expected_names(named_model(model, NamedEdition.BEDROCK))) == []
    assert "minecraft:brick_block" in set(read.names.ravel())
