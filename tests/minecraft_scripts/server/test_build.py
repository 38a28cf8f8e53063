"""Estates built in the real Minetest: verified, switchable per site, resumable, clearable.

Each test builds at its own place in the estates' region (0 <= x < 2000), far south of
anything else, so tests never see each other's blocks.
"""

import json

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from minecraft_scripts.generate import generate, site_box
from minecraft_scripts.palette import MINETEST_SIGN_NODE, Edition
from minecraft_scripts.plan import plan_model
from minecraft_scripts.server.build import build_estate, build_model, clear_estate
from minecraft_scripts.server.readback import detect_edition, expected_keys, read_keys
from minecraft_scripts.voxels import VoxelModel
from teacher_portal.cli import main
from worlds.catalog import estate_ids, load_estate

pytestmark = pytest.mark.game_server
ROW_Z = 6000
SAMPLE_MATERIALS = ("air", "grass", "brick", "glass", "red_panel", "blue_panel", "leaves", "metal")


class Interrupted(Exception):
    """Stands in for a teacher pressing Ctrl+C halfway through a build."""


def standing_differences(game, estate, variants, at) -> np.ndarray:
    """Where what stands differs from the estate with these variants (model coordinates)."""
    model = generate(estate, variants)
    edition = detect_edition(game)
    return read_keys(game, model.bounds.translated(*at), edition) != expected_keys(model, edition)


@pytest.mark.parametrize("index, estate_id", list(enumerate(estate_ids())))
def test_every_estate_builds_and_verifies(game, index: int, estate_id: str) -> None:
    estate = load_estate(estate_id)
    at = (0, 0, ROW_Z + 2000 + index * 400)
    report = build_estate(game, estate, at=at)
    assert report.verified and report.mismatches == 0 and report.saved
    assert {"blocks", "sign text", "node metadata", "saved"} <= set(report.covers)
    assert report.voxels == generate(estate).grid.size
    assert not standing_differences(game, estate, None, at).any()


@given(
    arrays(np.uint8, st.tuples(st.integers(1, 12), st.integers(1, 6), st.integers(1, 12)),
           elements=st.integers(0, len(SAMPLE_MATERIALS) - 1)),
)  # fmt: skip
@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_model_stands_exactly_as_modelled_after_a_build(game, grid: np.ndarray) -> None:
    """Random models of varied materials, each over the previous one: the read-back matches."""
    model = VoxelModel(SAMPLE_MATERIALS, grid, [])
    report = build_model(game, model, at=(1800, 10, ROW_Z))
    assert report.verified and report.mismatches == 0
    assert report.voxels == grid.size


def test_a_variant_switch_rebuilds_only_the_site(game) -> None:
    estate = next(load_estate(e) for e in estate_ids() if load_estate(e).sites)
    site = estate.sites[0]
    other = next(v.id for v in site.variants if v.id != site.default)
    at = (0, 0, ROW_Z + 400)
    build_estate(game, estate, at=at)
    before = read_keys(game, generate(estate).bounds.translated(*at), detect_edition(game))

    report = build_estate(game, estate, variants={site.id: other}, at=at, diff=True,
                          sites=[site.id])  # fmt: skip

    assert report.verified and report.commands > 0
    assert not standing_differences(game, estate, {site.id: other}, at).any()
    after = read_keys(game, generate(estate).bounds.translated(*at), detect_edition(game))
    changed = np.argwhere(before != after)
    box = site_box(estate, site.id)
    assert len(changed) > 0
    assert all(box.contains(*map(int, voxel)) for voxel in changed)


def test_an_interrupted_cuboid_build_is_completed_by_a_rerun(game) -> None:
    """The way of servers without our mod; a bulk build's interruption is a killed server
    (test_saving.py), since its few commands are all on their way at once."""
    estate = load_estate(estate_ids()[0])
    model = generate(estate)
    at = (400, 0, ROW_Z + 400)
    clear_estate(game, estate, at=at)
    full_plan = len(plan_model(model))

    def stop_halfway(done: int, total: int) -> None:
        if done >= total // 2:
            raise Interrupted

    with pytest.raises(Interrupted):
        build_model(game, model, at=at, progress=stop_halfway, bulk=False)
    game.barrier()
    assert standing_differences(game, estate, None, at).any()

    rerun = build_model(game, model, at=at, diff=True, bulk=False)
    assert rerun.verified and rerun.mismatches == 0
    assert rerun.commands < full_plan
    assert build_estate(game, estate, at=at).verified  # the bulk way agrees


def test_clearing_leaves_bare_grass_land(game) -> None:
    estate = load_estate(estate_ids()[0])
    at = (800, 0, ROW_Z + 400)
    build_estate(game, estate, at=at, verify=False)
    report = clear_estate(game, estate, at=at, verify=True)
    assert report.verified
    model = generate(estate)
    edition = detect_edition(game)
    standing = read_keys(game, model.bounds.translated(*at), edition)
    ground = standing[:, 0, :]
    assert len(np.unique(ground)) == 1 and not standing[:, 1:, :].any()


def test_jagten_build_json_end_to_end(game_server) -> None:
    estate_id = estate_ids()[-1]
    result = CliRunner().invoke(
        main,
        ["build", estate_id, "--server", game_server.address, "--at", f"1200,0,{ROW_Z + 400}",
         "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["verified"] is True and report["mismatches"] == 0 and report["saved"] is True
    assert {"voxels", "commands", "seconds", "verified", "mismatches"} <= set(report)
    assert report["voxels"] == generate(load_estate(estate_id)).grid.size
    assert report["commands"] > 0


def test_signs_stand_where_the_model_puts_them(game) -> None:
    estate = next(load_estate(e) for e in estate_ids() if generate(load_estate(e)).signs)
    model = generate(estate)
    at = (1600, 0, ROW_Z + 400)
    assert build_model(game, model, at=at).verified
    if detect_edition(game) is Edition.MINETEST:
        for sign in model.signs:
            node = game.query("world.getNode", sign.x + at[0], sign.y + at[1], sign.z + at[2])
            assert node.startswith(MINETEST_SIGN_NODE)
