"""The estate state: decisions become one voxel model, and a build's regions spare the plots."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minecraft_scripts.estate_state import (
    EstateState,
    ProposalDecision,
    VariantDecision,
    build_regions,
    plot_signs,
    plot_volume,
    site_close_up,
    site_region,
    state_model,
)
from minecraft_scripts.generate import generate
from minecraft_scripts.palette import Edition
from minecraft_scripts.plots import CapturedBuild, PlotProblem, site_placement
from minecraft_scripts.preview import render_map
from minecraft_scripts.raw_blocks import raw_block_name
from minecraft_scripts.voxels import Box
from worlds.catalog import estate_ids, load_estate

ESTATE = load_estate("tranebaerparken")
SITE = "legepladsen"


def tower(height: int = 5, key: int = 45 * 16) -> CapturedBuild:
    """A 3×3 tower of one block kind: a group's build stand-in."""
    keys = np.zeros((14, 24, 14), dtype=np.int32)
    keys[4:7, :height, 4:7] = key
    return CapturedBuild("gruppe_1", Edition.MINETEST, keys)


def test_no_decisions_is_the_estate_with_the_lessons_variants() -> None:
    state = EstateState(ESTATE, {SITE: "natur"})
    assert np.array_equal(state_model(state).grid, generate(ESTATE, {SITE: "natur"}).grid)


def test_a_later_decision_on_a_site_replaces_the_earlier_one() -> None:
    state = EstateState(
        ESTATE,
        {SITE: "klassisk"},
        (VariantDecision(SITE, "natur"), VariantDecision(SITE, "aktiv")),
    )
    assert state.variants() == {SITE: "aktiv"}
    assert state.before_last().variants() == {SITE: "natur"}
    assert state.before_last().before_last().variants() == {SITE: "klassisk"}


def test_a_proposal_stands_in_its_site_and_nowhere_else() -> None:
    decision = ProposalDecision(SITE, tower())
    model = state_model(EstateState(ESTATE, {}, (decision,)))
    plain = generate(ESTATE)
    site = site_region(model, ESTATE, SITE)
    outside = np.ones(model.size, dtype=bool)
    outside[site.slices()] = False
    outside[:, 0, :] = True  # the site's ground stays as the estate has it
    assert np.array_equal(model.grid[outside], plain.grid[outside])
    placed, region = site_placement(ESTATE, tower(), SITE)
    names = np.array(model.materials)[model.grid[region.slices()]]
    assert np.array_equal(names, np.array(placed.materials)[placed.grid])
    assert (names == raw_block_name(45, 0)).sum() == 3 * 3 * 5


def test_a_proposal_taller_than_the_estate_raises_the_model() -> None:
    low = load_estate("mosebollehaven")
    keys = np.zeros((9, 24, 10), dtype=np.int32)
    keys[2:5, :, 2:5] = 45 * 16
    tall = ProposalDecision("faellesarealet", CapturedBuild("gruppe_1", Edition.MINETEST, keys))
    model = state_model(EstateState(low, {}, (tall,)))
    assert generate(low).size[1] < 25 == model.size[1]


def test_a_variant_after_a_proposal_takes_the_site_back() -> None:
    state = EstateState(
        ESTATE, {}, (ProposalDecision(SITE, tower()), VariantDecision(SITE, "natur"))
    )
    assert np.array_equal(state_model(state).grid, generate(ESTATE, {SITE: "natur"}).grid)


@pytest.mark.usefixtures("english")  # asserts the English wording
def test_too_many_kinds_of_block_are_refused_with_the_count() -> None:
    keys = np.zeros((14, 24, 14), dtype=np.int32)
    keys.ravel()[: 14 * 14 * 2] = (np.arange(14 * 14 * 2) % 240 + 1) * 16
    decision = ProposalDecision(SITE, CapturedBuild("gruppe_1", Edition.MINETEST, keys))
    with pytest.raises(PlotProblem, match="different blocks"):
        state_model(EstateState(ESTATE, {}, (decision,)))


@pytest.mark.parametrize("estate_id", estate_ids())
def test_build_regions_cover_everything_but_the_plots_above_their_ground(estate_id: str) -> None:
    estate = load_estate(estate_id)
    model = generate(estate)
    covered = np.zeros(model.size, dtype=np.int8)
    for region in build_regions(model, estate):
        covered[region.slices()] += 1
    plots = np.zeros(model.size, dtype=bool)
    for plot in estate.plots:
        plots[plot_volume(model, estate, plot.id).slices()] = True
    assert (covered[~plots] == 1).all()  # every voxel once
    assert (covered[plots] == 0).all()
    whole = build_regions(model, estate, keep_plots=False)
    assert whole == [model.bounds]


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 5), st.integers(0, 30),
                          st.integers(0, 5)), max_size=5))  # fmt: skip
@settings(max_examples=60)
def test_build_regions_hold_for_any_plots(rects: list[tuple[int, int, int, int]]) -> None:
    """Overlapping or touching plots too: every voxel outside them exactly once."""
    from worlds.schema import Plot

    plots = [
        Plot(id=f"p{i}", name={"da": "P", "en": "P"}, at=(x, z), size=(w + 1, d + 1))
        for i, (x, w, z, d) in enumerate(rects)
    ]
    estate = ESTATE.model_copy(update={"plots": plots, "size": (40, 40)})
    model = generate(ESTATE).cropped(Box(0, 0, 0, 39, 9, 39))
    covered = np.zeros(model.size, dtype=np.int8)
    for region in build_regions(model, estate):
        covered[region.slices()] += 1
    inside = np.zeros(model.size, dtype=bool)
    for plot in plots:
        area = plot.footprint()
        inside[area.x1 : area.x2 + 1, 1:, area.z1 : area.z2 + 1] = True
    assert (covered[~inside] == 1).all() and (covered[inside] == 0).all()


def test_the_plots_name_signs_are_found_for_placing_apart() -> None:
    signs = plot_signs(generate(ESTATE), ESTATE)
    assert len(signs) == len(ESTATE.plots)
    assert {s.lines[0] for s in signs} == {plot.name.da for plot in ESTATE.plots}


def test_a_site_close_up_shows_the_site_and_its_surroundings() -> None:
    model = generate(ESTATE)
    close = site_close_up(model, ESTATE, SITE)
    area = ESTATE.site(SITE).footprint()
    assert close.size[0] == area.x2 - area.x1 + 1 + 12
    assert close.size[2] == area.z2 - area.z1 + 1 + 12


def test_a_map_highlights_one_plot() -> None:
    model = generate(ESTATE)
    area = ESTATE.plots[0].footprint()
    plain = render_map(model, scale=2, legend=False)
    where = (area.x1, area.z1, area.x2, area.z2)
    marked = render_map(model, scale=2, legend=False, highlight=where)
    assert plain.size == (model.size[0] * 2, model.size[2] * 2)
    centre = ((area.x1 + area.x2) + 1, (area.z1 + area.z2) + 1)
    assert marked.getpixel(centre) == (255, 214, 0) != plain.getpixel(centre)
