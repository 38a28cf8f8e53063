"""Every element of the estate vocabulary built in the real Minetest and read back: each
example estate of docs/vocabulary/ stands exactly as modelled (slabs, water, signs too).

The examples sit side by side at z = 9000, away from the other build tests.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from minecraft_scripts.generate import generate
from minecraft_scripts.server.build import build_estate
from minecraft_scripts.server.readback import detect_edition, expected_keys, read_keys
from worlds.catalog import load_estate

pytestmark = pytest.mark.game_server
EXAMPLES = sorted((Path(__file__).resolve().parents[3] / "docs" / "vocabulary").glob("*.yaml"))
ROW_Z = 9000


@pytest.mark.parametrize(
    "index, example", list(enumerate(EXAMPLES)), ids=[e.stem for e in EXAMPLES]
)
def test_each_element_builds_and_verifies(game, index: int, example: Path) -> None:
    estate = load_estate(example)
    at = (index * 80, 0, ROW_Z)
    report = build_estate(game, estate, at=at)
    assert report.verified and report.mismatches == 0
    model = generate(estate)
    edition = detect_edition(game)
    standing = read_keys(game, model.bounds.translated(*at), edition)
    assert not np.count_nonzero(standing != expected_keys(model, edition))


def test_the_examples_cover_every_new_element() -> None:
    names = {example.stem for example in EXAMPLES}
    assert {
        "l_shape",
        "courtyard_block",
        "u_stepped",
        "wings",
        "outline",
        "roofs",
        "overhang",
        "facade",
        "galleries",
        "stair_tower",
        "ramp",
        "common_room",
        "terrain",
        "height_map",
        "pond",
        "free_path",
        "yard",
        "ball_court",
        "play",
    } <= names
