"""Previews come from the model alone: the right colours, in the right places, for every estate."""

import io

import numpy as np
import pytest
from PIL import Image

from minecraft_scripts.generate import generate
from minecraft_scripts.palette import material
from minecraft_scripts.preview import (
    BACKGROUND,
    render_isometric,
    render_map,
    render_preview,
    site_preview_png,
    top_view,
)
from minecraft_scripts.voxels import Box, VoxelModel
from worlds.catalog import estate_ids, load_estate


def colours_in(picture) -> set[tuple[int, int, int]]:
    pixels = np.asarray(picture.convert("RGB")).reshape(-1, 3)
    return {tuple(int(v) for v in row) for row in np.unique(pixels, axis=0)}


def test_top_view_finds_each_columns_highest_block() -> None:
    model = VoxelModel.empty((3, 5, 2), ["grass", "brick", "roof_tiles"])
    model.fill(Box(0, 0, 0, 2, 0, 1), "grass")
    model.fill(Box(1, 1, 0, 1, 3, 0), "brick")
    model.fill(Box(2, 4, 1, 2, 4, 1), "roof_tiles")
    material_index, height = top_view(model)
    names = [[model.materials[i] for i in column] for column in material_index]
    assert names == [["grass", "grass"], ["brick", "grass"], ["grass", "roof_tiles"]]
    assert height.tolist() == [[0, 0], [3, 0], [0, 4]]


def test_isometric_top_faces_show_the_material_colour_unshaded() -> None:
    model = VoxelModel.empty((4, 2, 4), ["grass", "water"])
    model.fill(Box(0, 0, 0, 3, 0, 3), "grass")
    model.fill(Box(1, 0, 1, 1, 0, 1), "water")
    seen = colours_in(render_isometric(model, tile=6))
    assert material("grass").colour in seen and material("water").colour in seen
    assert BACKGROUND in seen


def test_a_nearer_block_hides_the_one_behind_it() -> None:
    """Glass stands north-west of (behind) a brick block: every brick pixel stays brick."""
    alone = VoxelModel.empty((2, 2, 2), ["brick", "glass"])
    alone.fill(Box(1, 0, 1, 1, 0, 1), "brick")
    both = VoxelModel.empty((2, 2, 2), ["brick", "glass"])
    both.fill(Box(1, 0, 1, 1, 0, 1), "brick")
    both.fill(Box(0, 0, 0, 0, 1, 0), "glass")
    brick_only = np.asarray(render_isometric(alone, tile=8, crop=False))
    with_glass = np.asarray(render_isometric(both, tile=8, crop=False))
    is_brick = np.any(brick_only != BACKGROUND, axis=-1)
    assert is_brick.sum() > 0
    assert np.array_equal(with_glass[is_brick], brick_only[is_brick])
    assert material("glass").colour in colours_in(Image.fromarray(with_glass))


def test_map_has_a_legend_beside_the_ground_plan() -> None:
    model = VoxelModel.empty((20, 3, 10), ["grass", "asphalt"])
    model.fill(Box(0, 0, 0, 19, 0, 9), "grass")
    model.fill(Box(0, 0, 4, 19, 0, 5), "asphalt")
    picture = render_map(model, scale=4, labels=[("Legeplads", (2, 1, 8, 3))], title="Test")
    assert picture.width > 20 * 4 + 60 and picture.height >= 10 * 4
    assert material("asphalt").colour in colours_in(picture)


@pytest.mark.parametrize("estate_id", estate_ids())
def test_every_estate_previews_in_both_kinds(estate_id: str) -> None:
    estate = load_estate(estate_id)
    model = generate(estate)
    for kind in ("isometric", "map"):
        picture = render_preview(estate, kind=kind)
        assert picture.width >= model.size[0] and picture.height >= model.size[2]
        assert material(estate.ground).colour in colours_in(picture) or kind == "isometric"


@pytest.mark.parametrize("estate_id", estate_ids())
def test_each_variant_of_a_site_has_its_own_close_up(estate_id: str) -> None:
    estate = load_estate(estate_id)
    site = estate.sites[0]
    whole = render_preview(estate)
    pictures = {
        variant.id: site_preview_png(estate, site.id, {site.id: variant.id})
        for variant in site.variants
    }
    assert len(set(pictures.values())) == len(site.variants)  # the variants look different
    for data in pictures.values():
        close_up = Image.open(io.BytesIO(data))
        assert close_up.format == "PNG"
        assert close_up.width < whole.width  # a close-up, not the whole estate
