"""Each game kind knows how far its world reaches (issue 11, point 11)."""

import pytest

from minecraft_scripts.server.game_kinds import (
    GAME_KINDS,
    MINECRAFT,
    MINETEST,
    game_kind,
    placement_problem,
)
from teacher_portal.models import GAME_KINDS as PORTAL_GAME_KINDS

pytestmark = pytest.mark.usefixtures("english")

ESTATE = (120, 18, 100)


def test_the_portal_and_the_game_side_name_the_same_kinds() -> None:
    assert set(PORTAL_GAME_KINDS) == set(GAME_KINDS)


@pytest.mark.parametrize("kind", [MINETEST, MINECRAFT])
def test_an_estate_fits_right_up_to_the_edge(kind) -> None:
    x_edge = kind.high[0] - ESTATE[0] + 1
    assert placement_problem(kind, (0, 0, 0), ESTATE) is None
    assert placement_problem(kind, (x_edge, 0, 0), ESTATE) is None
    assert placement_problem(kind.name, kind.low, ESTATE) is None
    assert "outside" in placement_problem(kind, (x_edge + 1, 0, 0), ESTATE)
    assert "outside" in placement_problem(kind, (0, kind.low[1] - 1, 0), ESTATE)


@pytest.mark.parametrize(
    ("low", "words"),
    [
        ((40_000, 0, 0), "x 40,000..40,119, outside the Minetest world (x from -31,000 to 31,000)"),
        ((0, 31_000, 0), "y 31,000..31,017"),
        ((0, 0, 2**53), "z 9,007,199,254,740,992"),
        ((-31_001, 0, 0), "x -31,001..-30,882"),
    ],
)
def test_the_message_names_the_axis_and_the_limits(low, words) -> None:
    assert words in placement_problem("minetest", low, ESTATE)


def test_minecraft_is_wider_but_not_taller() -> None:
    assert placement_problem("raspberryjuice", (1_000_000, 0, -1_000_000), ESTATE) is None
    assert "y 310..327" in placement_problem("raspberryjuice", (0, 310, 0), ESTATE)


def test_an_unknown_kind_is_named() -> None:
    with pytest.raises(ValueError, match="did you mean 'minetest'"):
        game_kind("minetst")
