"""Building a class's estate state on the real Minetest: decisions stand, plots stay the
groups', and a decision's build changes its site and nothing else.

This part's region of the shared test world: 5000 <= x < 6000.
"""

import numpy as np
import pytest

from minecraft_scripts.estate_state import (
    EstateState,
    ProposalDecision,
    VariantDecision,
    site_region,
    state_model,
)
from minecraft_scripts.palette import Edition
from minecraft_scripts.plots import capture_plot, plot_box
from minecraft_scripts.server.readback import detect_edition, expected_keys, read_keys
from teacher_portal.estates.building import build_state
from worlds.catalog import load_estate

pytestmark = pytest.mark.game_server

ESTATE = load_estate("tranebaerparken")
AT = (5000, 0, 400)
SITE = "legepladsen"


def _standing(conn, model, at=AT):
    return read_keys(conn, model.bounds.translated(*at), detect_edition(conn))


def test_a_rebuild_keeps_the_decision_and_the_groups_builds(game) -> None:
    decided = EstateState(ESTATE, {SITE: "klassisk"}, (VariantDecision(SITE, "natur"),))
    first = build_state(game, decided, AT, keep_plots=False)
    assert first.verified and first.mismatches == 0
    plot = plot_box(ESTATE, "gruppe_2").translated(*AT)
    game.set_blocks(plot.x1 + 2, plot.y1, plot.z1 + 2, plot.x1 + 5, plot.y1 + 3, plot.z1 + 4, 45)
    game.barrier()
    before = capture_plot(game, ESTATE, "gruppe_2", AT)
    assert before.block_count() == 4 * 4 * 3

    again = build_state(game, decided, AT)
    assert again.verified and again.regions > 1
    after = capture_plot(game, ESTATE, "gruppe_2", AT)
    assert np.array_equal(after.keys, before.keys)  # the group's build is untouched
    model = state_model(decided)
    expected = expected_keys(model, Edition.MINETEST)
    standing = _standing(game, model)
    outside_plots = np.ones(model.size, dtype=bool)
    for each in ESTATE.plots:
        outside_plots[plot_box(ESTATE, each.id, model.size[1] - 1).slices()] = False
    assert (standing[outside_plots] == expected[outside_plots]).all()  # natur stands


def test_a_proposal_decision_changes_its_site_and_nothing_else(game) -> None:
    base = EstateState(ESTATE, {SITE: "klassisk"})
    build_state(game, base, AT, keep_plots=False)
    plot = plot_box(ESTATE, "gruppe_1").translated(*AT)
    game.set_blocks(
        plot.x1 + 1, plot.y1, plot.z1 + 1, plot.x1 + 3, plot.y1 + 5, plot.z1 + 3, 35, 14
    )
    game.barrier()
    captured = capture_plot(game, ESTATE, "gruppe_1", AT)
    old_model = state_model(base)
    old = _standing(game, old_model)

    decided = EstateState(ESTATE, base.base_variants, (ProposalDecision(SITE, captured),))
    report = build_state(game, decided, AT, sites=[SITE])
    assert report.verified and report.regions == 1
    model = state_model(decided)
    now = _standing(game, model)
    site = site_region(model, ESTATE, SITE)
    outside = np.ones(model.size, dtype=bool)
    outside[site.slices()] = False
    assert now.shape == old.shape  # the build is lower than the estate's tower blocks
    assert (now[outside] == old[outside]).all()
    inside = expected_keys(model, Edition.MINETEST)[site.slices()]
    assert (now[site.slices()] == inside).all()

    undone = build_state(game, decided.before_last(), AT, sites=[SITE])
    assert undone.verified
    assert (_standing(game, old_model) == old).all()  # the site is as it was before
