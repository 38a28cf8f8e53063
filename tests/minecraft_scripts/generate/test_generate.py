"""Generation of whole estates: deterministic, variant-aware, and confined to sites."""

from __future__ import annotations

import numpy as np
import pytest

from minecraft_scripts import palette
from minecraft_scripts.generate import HEADROOM, choose_variants, generate, model_size, site_box
from minecraft_scripts.voxels import VoxelModel
from worlds.catalog import estate_ids, load_estate
from worlds.materials import MATERIAL_IDS

ESTATES = estate_ids()


def variant_choices() -> list[tuple[str, str, str]]:
    return [
        (estate_id, site.id, variant.id)
        for estate_id in ESTATES
        for site in load_estate(estate_id).sites
        for variant in site.variants
    ]


def assert_same(a: VoxelModel, b: VoxelModel) -> None:
    assert a.materials == b.materials
    assert np.array_equal(a.grid, b.grid)
    assert a.signs == b.signs


@pytest.mark.parametrize("estate_id", ESTATES)
def test_each_estate_generates_the_same_model_every_time(estate_id: str) -> None:
    estate = load_estate(estate_id)
    first, second = generate(estate), generate(load_estate(estate_id))
    assert_same(first, second)
    assert first.size == model_size(estate)
    assert (first.size[0], first.size[2]) == estate.size


@pytest.mark.parametrize("estate_id", ESTATES)
def test_ground_is_solid_and_the_sky_is_clear(estate_id: str) -> None:
    model = generate(load_estate(estate_id))
    assert np.all(model.grid[:, 0, :] != 0)
    assert not model.grid[:, -HEADROOM:, :].any()
    assert model.grid[:, 1:, :].any()


def test_the_largest_estate_has_at_least_300_000_voxels() -> None:
    assert max(generate(load_estate(estate_id)).grid.size for estate_id in ESTATES) >= 300_000


@pytest.mark.parametrize(("estate_id", "site_id", "variant_id"), variant_choices())
def test_a_variant_changes_only_its_site(estate_id: str, site_id: str, variant_id: str) -> None:
    estate = load_estate(estate_id)
    default = generate(estate)
    chosen = generate(estate, {site_id: variant_id})
    assert_same(chosen, generate(estate, {site_id: variant_id}))
    assert chosen.materials == default.materials and chosen.size == default.size
    box = site_box(estate, site_id)
    outside = np.ones(default.size, dtype=bool)
    outside[box.slices()] = False
    assert np.array_equal(chosen.grid[outside], default.grid[outside])
    if variant_id != estate.site(site_id).default:
        assert not np.array_equal(chosen.grid[box.slices()], default.grid[box.slices()])


@pytest.mark.parametrize("estate_id", ESTATES)
def test_signs_carry_text_and_stand_on_sign_blocks(estate_id: str) -> None:
    model = generate(load_estate(estate_id))
    assert model.signs
    for sign in model.signs:
        assert model.material_at(sign.x, sign.y, sign.z) == "sign"
        assert 1 <= len(sign.lines) <= 4 and all(len(line) <= 15 for line in sign.lines)


def test_every_material_has_a_palette_entry() -> None:
    for name in MATERIAL_IDS:
        assert palette.material(name).name == name


@pytest.mark.usefixtures("english")  # asserts the English wording
def test_unknown_site_or_variant_lists_the_choices() -> None:
    estate = load_estate(ESTATES[0])
    site = estate.sites[0]
    with pytest.raises(ValueError, match=f"did you mean '{site.id}'"):
        generate(estate, {site.id + "x": site.default})
    with pytest.raises(ValueError, match=", ".join(site.variant_ids())):
        generate(estate, {site.id: "no_such_variant"})
    with pytest.raises(ValueError, match="no site"):
        site_box(estate, "no_such_site")


def test_unchosen_sites_take_their_default() -> None:
    estate = load_estate(ESTATES[0])
    assert choose_variants(estate, None) == {site.id: site.default for site in estate.sites}
