"""Plots: what a group built is captured exactly, pictured, and copied block for block to a site.

Pure tests check the conversions; game-server tests "pupil-build" in a plot of an estate built
at x = 4000 (this part's region, 4000 <= x < 5000) and copy that build into a site.
"""

import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from minecraft_scripts.generate import generate, site_box
from minecraft_scripts.palette import Block, Edition, UnknownMaterial, blocks_for, material
from minecraft_scripts.plan import plan_model, replay
from minecraft_scripts.plots import (
    DATA_VALUES,
    CapturedBuild,
    PlotProblem,
    capture_plot,
    captured_model,
    copy_plot_to_site,
    find_plot,
    place_captured,
    plot_box,
    render_captured,
    site_placement,
)
from minecraft_scripts.raw_blocks import (
    DYE_COLOURS,
    UNKNOWN_COLOUR,
    legacy_colour,
    parse_raw_block_name,
    raw_block_name,
)
from minecraft_scripts.server.build import build_estate
from minecraft_scripts.server.readback import read_keys
from minecraft_scripts.voxels import Box
from worlds.catalog import estate_ids, load_estate

pytestmark = pytest.mark.usefixtures("english")  # the tests assert the English wording

ESTATE = load_estate("mosebollehaven")
AT = (4000, 0, 0)
SAMPLE_KEYS = [0, 2 * 16, 45 * 16, 20 * 16, 73 * 16, 53 * 16 + 2, 134 * 16 + 3, 250 * 16 + 7]
SAMPLE_KEYS += [35 * 16 + d for d in range(16)]


def capture_of(keys: np.ndarray, plot_id: str = "gruppe_1") -> CapturedBuild:
    return CapturedBuild(plot_id, Edition.MINETEST, keys.astype(np.int32))


plot_keys = arrays(
    np.int32,
    st.tuples(st.integers(1, 9), st.integers(1, 6), st.integers(1, 9)),
    elements=st.sampled_from(SAMPLE_KEYS),
)


# -- pure -------------------------------------------------------------------------------------


@pytest.mark.parametrize("estate_id", estate_ids())
def test_a_plot_box_is_the_plots_footprint_above_the_ground(estate_id: str) -> None:
    estate = load_estate(estate_id)
    for plot in estate.plots:
        box = plot_box(estate, plot.id, height=20)
        area = plot.footprint()
        assert (box.x1, box.z1, box.x2, box.z2) == (area.x1, area.z1, area.x2, area.z2)
        assert (box.y1, box.y2) == (1, 20)


def test_an_unknown_plot_names_the_plots_there_are() -> None:
    with pytest.raises(PlotProblem) as raised:
        find_plot(ESTATE, "gruppe_10")
    message = str(raised.value)
    assert "'gruppe_10'" in message and "did you mean 'gruppe_1'" in message
    assert all(plot.id in message for plot in ESTATE.plots)
    with pytest.raises(PlotProblem, match="at least 1 block high"):
        plot_box(ESTATE, "gruppe_1", height=0)


@given(st.integers(0, 255), st.integers(0, 15))
def test_raw_block_names_resolve_to_exactly_their_block(block_id: int, data: int) -> None:
    name = raw_block_name(block_id, data)
    assert parse_raw_block_name(name) == (block_id, data)
    for edition in Edition:
        assert material(name).block(edition) == Block(block_id, data)


@pytest.mark.parametrize("name", ["block:256:0", "block:1:16", "block:1", "block:a:1", "brick2"])
def test_other_names_are_no_raw_blocks(name: str) -> None:
    assert parse_raw_block_name(name) is None
    with pytest.raises(UnknownMaterial):
        material(name)


def test_legacy_colours_tell_wool_colours_apart_and_grey_out_the_unknown() -> None:
    wool = {legacy_colour(35, data) for data in range(16)}
    assert len(wool) == 16 and wool == set(DYE_COLOURS)
    assert legacy_colour(250, 3) == UNKNOWN_COLOUR
    assert legacy_colour(45) != UNKNOWN_COLOUR


@given(plot_keys)
def test_capture_to_model_to_plan_reproduces_every_block(keys: np.ndarray) -> None:
    model = captured_model(capture_of(keys))
    built = replay(plan_model(model), model.size)
    blocks = blocks_for(model.materials, Edition.MINETEST)
    as_keys = np.array([b.id * DATA_VALUES + b.data for b in blocks], dtype=np.int32)
    assert np.array_equal(as_keys[built], keys)


@given(plot_keys)
def test_trimming_keeps_the_built_part_standing_on_the_ground(keys: np.ndarray) -> None:
    captured = capture_of(keys)
    solid = [(x, y, z) for x, y, z in np.ndindex(keys.shape) if keys[x, y, z]]
    if not solid:
        with pytest.raises(PlotProblem, match="empty"):
            captured.trimmed()
        return
    x1, z1 = min(p[0] for p in solid), min(p[2] for p in solid)
    x2, y2, z2 = (max(p[i] for p in solid) for i in range(3))
    trimmed = captured.trimmed()
    assert np.array_equal(trimmed.keys, keys[x1 : x2 + 1, : y2 + 1, z1 : z2 + 1])
    assert trimmed.blocks() == captured.blocks()


def one_block_build(size: tuple[int, int, int]) -> CapturedBuild:
    keys = np.zeros(size, dtype=np.int32)
    keys[0, 0, 0] = keys[-1, -1, -1] = 45 * 16
    return capture_of(keys)


@pytest.mark.parametrize("anchor", ["centre", "corner"])
def test_a_build_is_placed_centred_or_at_the_site_corner(anchor: str) -> None:
    site = site_box(ESTATE, "legepladsen")
    placed, region = site_placement(ESTATE, one_block_build((4, 3, 6)), "legepladsen", anchor)
    assert (region.x1, region.y1, region.z1) == (site.x1, 1, site.z1)
    assert (region.size[0], region.size[2]) == (site.size[0], site.size[2])
    assert region.size[1] >= site.y2 and placed.size == region.size
    low = np.argwhere(placed.grid != 0).min(axis=0)
    centred = ((site.size[0] - 4) // 2, 0, (site.size[2] - 6) // 2)
    assert tuple(low) == (centred if anchor == "centre" else (0, 0, 0))
    assert placed.solid_voxels() == 2


def test_a_build_taller_than_the_estate_keeps_its_height() -> None:
    placed, region = site_placement(ESTATE, one_block_build((2, 40, 2)), "legepladsen")
    assert placed.size[1] == 40 and region.y2 == 40


def test_a_build_too_large_for_the_site_names_both_sizes() -> None:
    sx, _, sz = site_box(ESTATE, "legepladsen").size
    with pytest.raises(PlotProblem) as raised:
        site_placement(ESTATE, one_block_build((sx + 1, 2, 3)), "legepladsen")
    assert f"{sx + 1}×3" in str(raised.value) and f"{sx}×{sz}" in str(raised.value)


@pytest.mark.parametrize(
    "site, anchor, message",
    [("legeplads", "centre", "did you mean 'legepladsen'"), ("legepladsen", "middle", "anchor")],
)
def test_a_wrong_site_or_anchor_is_named(site: str, anchor: str, message: str) -> None:
    with pytest.raises(PlotProblem, match=re.escape(message)):
        site_placement(ESTATE, one_block_build((2, 2, 2)), site, anchor)


def test_the_picture_shows_each_block_in_its_colour() -> None:
    keys = np.zeros((5, 3, 5), dtype=np.int32)
    keys[0, 0, 0], keys[2, 1, 2], keys[4, 0, 4] = 35 * 16 + 14, 35 * 16 + 11, 45 * 16
    picture = render_captured(capture_of(keys))
    colours = {tuple(c) for c in np.asarray(picture).reshape(-1, 3)}
    for block_id, data in [(35, 14), (35, 11), (45, 0)]:
        assert legacy_colour(block_id, data) in colours  # the top face is unshaded


# -- on the real game server --------------------------------------------------------------------

WOOL = [(35, data) for data in range(1, 16)]
STAIRS = [(53, data) for data in range(4)] + [(134, 2)]


def pupil_build(conn, plot_id: str) -> list[tuple[int, int, int]]:
    """What a group might build: a brick base, a row of wool in all colours, stairs, glass.
    Returns the world positions of every block set."""
    box = plot_box(ESTATE, plot_id, height=8).translated(*AT)
    conn.set_blocks(*box.low, *box.high, 0)
    x, y, z = box.low
    placed = []
    conn.set_blocks(x + 2, y, z + 2, x + 5, y + 1, z + 5, 45)  # brick
    placed += [(x + i, y + j, z + k) for i in range(2, 6) for j in range(2) for k in range(2, 6)]
    for i, (block_id, data) in enumerate(WOOL + STAIRS):
        position = (x + 1 + i % 7, y + 2 + i // 7, z + 6)
        conn.set_block(*position, block_id, data)
        placed.append(position)
    conn.set_block(x + 7, y + 5, z + 8, 20)  # glass, floating
    placed.append((x + 7, y + 5, z + 8))
    conn.barrier()
    return placed


@pytest.fixture(scope="module")
def estate_in_world(game_server):
    """The estate, freshly built (plots empty, sites as designed) once for this module."""
    with game_server.connect() as conn:
        report = build_estate(conn, ESTATE, at=AT)
    assert report.verified


def block_with_data(conn, position: tuple[int, int, int]) -> int:
    """One block read on its own (not through `read_keys`), as `id * 16 + data`."""
    block_id, data = conn.query("world.getBlockWithData", *position).split(",")
    return int(block_id) * DATA_VALUES + int(data)


@pytest.mark.game_server
def test_a_capture_holds_exactly_what_the_group_built(game, estate_in_world) -> None:
    placed = pupil_build(game, "gruppe_1")
    captured = capture_plot(game, ESTATE, "gruppe_1", AT)
    box = plot_box(ESTATE, "gruppe_1").translated(*AT)
    assert captured.size == box.size and captured.block_count() == len(placed)
    for position in placed:
        local = tuple(p - low for p, low in zip(position, box.low, strict=True))
        assert captured.keys[local] == block_with_data(game, position)
    assert len({key for key, _ in captured.blocks().items()}) >= 16  # colours stay apart
    assert captured.keys[0, 0, 0] == 0  # the plot's name sign is the estate's, not the build


@pytest.mark.game_server
def test_copying_builds_the_proposal_in_the_site_and_nothing_else(game, estate_in_world) -> None:
    pupil_build(game, "gruppe_1")
    captured = capture_plot(game, ESTATE, "gruppe_1", AT)
    whole = generate(ESTATE).bounds.translated(*AT)
    before = read_keys(game, whole, Edition.MINETEST)

    report = copy_plot_to_site(game, ESTATE, "gruppe_1", "legepladsen", AT)

    assert report.verified and report.mismatches == 0
    assert report.solid_voxels == captured.block_count()
    _, region = site_placement(ESTATE, captured, "legepladsen")
    world = region.translated(*AT)
    ids = game.get_blocks(*world.low, *world.high)
    trimmed = captured.trimmed().keys
    (tx, ty, tz), (sx, _, sz) = trimmed.shape, region.size
    x, z = (sx - tx) // 2, (sz - tz) // 2  # centred
    expected = np.zeros(region.size, dtype=np.int32)
    expected[x : x + tx, :ty, z : z + tz] = trimmed
    assert np.array_equal(ids, expected // DATA_VALUES)
    assert np.array_equal(read_keys(game, world, Edition.MINETEST), expected)
    after = read_keys(game, whole, Edition.MINETEST)
    site = site_box(ESTATE, "legepladsen")
    outside = np.ones(after.shape, dtype=bool)
    outside[site.x1 : site.x2 + 1, 1:, site.z1 : site.z2 + 1] = False
    assert np.array_equal(after[outside], before[outside])


@pytest.mark.game_server
def test_copying_an_empty_plot_says_there_is_nothing_to_copy(game, estate_in_world) -> None:
    with pytest.raises(PlotProblem, match="is empty"):
        copy_plot_to_site(game, ESTATE, "gruppe_3", "legepladsen", AT)


FLOWING = {8, 9, 10, 11, 51}
"""Water, lava and fire spread from where they are set: no test lets them loose."""


def every_block_pycraft_reads(conn) -> list[int]:
    """Set every (id, data) once, far from the estate, and collect the keys that read back."""
    scratch = Box(4600, 40, 300, 4855, 40, 315)
    conn.set_block(*scratch.low, 1)
    conn.set_block(*scratch.high, 1)  # these two make pycraft load the map blocks between
    for block_id in set(range(256)) - FLOWING:
        for data in range(16):
            conn.set_block(scratch.x1 + block_id, scratch.y1, scratch.z1 + data, block_id, data)
    keys = np.unique(read_keys(conn, scratch, Edition.MINETEST))
    conn.set_blocks(*scratch.low, *scratch.high, 0)
    conn.barrier()
    return [int(key) for key in keys if key >= DATA_VALUES]


@pytest.mark.game_server
def test_every_block_the_server_reads_is_copied_exactly(game, estate_in_world) -> None:
    keys = every_block_pycraft_reads(game)
    assert len(keys) > 150  # pycraft maps some 200 blocks
    layer = np.zeros(17 * 13, dtype=np.int32)
    layer[: len(keys)] = keys
    captured = CapturedBuild("alle_blokke", Edition.MINETEST, layer.reshape(17, 1, 13))

    report = place_captured(game, ESTATE, captured, "faellesarealet", AT, anchor="corner")

    assert report.verified and report.mismatches == 0
    site = site_box(ESTATE, "faellesarealet").translated(*AT)
    standing = read_keys(
        game, Box.of_size(site.x1, AT[1] + 1, site.z1, 17, 1, 13), Edition.MINETEST
    )
    assert np.array_equal(standing, captured.keys)
