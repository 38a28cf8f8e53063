"""`jagten plots list|capture|copy`: what teachers type, on the real game server.

The estate stands at x = 4000 (this part's region), south of test_plots.py's copy of it.
"""

import json

import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image

from minecraft_scripts.generate import site_box
from minecraft_scripts.plots import DATA_VALUES, plot_box
from minecraft_scripts.server.build import build_estate
from minecraft_scripts.server.readback import detect_edition, read_keys
from minecraft_scripts.voxels import Box
from teacher_portal.cli import main
from tests.real_components import free_port
from worlds.catalog import load_estate

ESTATE_ID = "mosebollehaven"
ESTATE = load_estate(ESTATE_ID)
AT = (4000, 0, 200)
AT_OPTION = ",".join(str(c) for c in AT)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.usefixtures("english")  # asserts the English wording
@pytest.mark.parametrize(
    "args, message",
    [
        (["plots", "list", "no_such_estate"], "no shipped estate 'no_such_estate'"),
        (["plots", "capture", ESTATE_ID, "gruppe_9", "-o", "x.png"], "has no plot 'gruppe_9'"),
        (["plots", "capture", ESTATE_ID, "gruppe_1", "--at", "1,2", "-o", "x.png"], "X,Y,Z"),
        (["plots", "copy", ESTATE_ID, "grupe_1", "--to", "legepladsen"], "did you mean 'gruppe_1'"),
        (["plots", "copy", ESTATE_ID, "gruppe_1", "--to", "lege"], "has no site 'lege'"),
        (["plots", "copy", ESTATE_ID, "gruppe_1"], "Missing option '--to'"),
        (["plots", "copy", ESTATE_ID, "gruppe_1", "--to", "legepladsen", "--anchor", "top"],
         "'top' is not one of"),
        (["plots", "copy", ESTATE_ID, "gruppe_1", "--to", "legepladsen",
          "--server", f"127.0.0.1:{free_port()}"], "No game server answers"),
    ],
)  # fmt: skip
def test_bad_input_gives_one_clear_message_and_exit_code_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)


def test_list_names_the_plots_and_the_sites() -> None:
    result = run("plots", "list", ESTATE_ID)
    assert result.exit_code == 0, result.output
    for area in [*ESTATE.plots, *ESTATE.sites]:
        rect = area.footprint()
        assert area.id in result.output and f"{rect.width}×{rect.depth} blokke" in result.output


def test_list_as_json_gives_each_plots_area() -> None:
    listing = json.loads(run("plots", "list", ESTATE_ID, "--json").output)
    assert [p["id"] for p in listing["plots"]] == [p.id for p in ESTATE.plots]
    for entry, plot in zip(listing["plots"], ESTATE.plots, strict=True):
        assert (entry["x"], entry["z"]) == tuple(plot.at)
        assert (entry["width"], entry["depth"]) == tuple(plot.size)
    assert [s["id"] for s in listing["sites"]] == ESTATE.site_ids()


# -- on the real game server ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def estate_in_world(game_server):
    with game_server.connect() as conn:
        assert build_estate(conn, ESTATE, at=AT).verified


def pupil_tower(conn, plot_id: str) -> int:
    """A small tower of red wool with a yellow top and a stair in front; returns its blocks."""
    x, y, z = plot_box(ESTATE, plot_id).translated(*AT).low
    conn.set_blocks(x + 3, y, z + 3, x + 4, y + 4, z + 4, 35, 14)
    conn.set_blocks(x + 3, y + 5, z + 3, x + 4, y + 5, z + 4, 35, 4)
    conn.set_block(x + 3, y, z + 5, 67, 2)
    conn.barrier()
    return 2 * 6 * 2 + 1


@pytest.mark.game_server
def test_capture_writes_a_picture_of_what_the_group_built(
    game, game_server, estate_in_world, tmp_path
) -> None:
    blocks = pupil_tower(game, "gruppe_2")
    output = tmp_path / "forslag.png"
    result = run("plots", "capture", ESTATE_ID, "gruppe_2", "--server", game_server.address,
                 "--at", AT_OPTION, "-o", str(output))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"har bygget {blocks} blokke (2×6×3)" in result.output
    with Image.open(output) as picture:
        assert picture.format == "PNG" and picture.width > 100


@pytest.mark.game_server
def test_copy_builds_the_winner_at_the_sites_corner(game, game_server, estate_in_world) -> None:
    blocks = pupil_tower(game, "gruppe_2")
    plot = plot_box(ESTATE, "gruppe_2").translated(*AT)
    tower = Box(plot.x1 + 3, plot.y1, plot.z1 + 3, plot.x1 + 4, plot.y1 + 5, plot.z1 + 5)
    built = read_keys(game, tower, detect_edition(game))

    result = run("plots", "copy", ESTATE_ID, "gruppe_2", "--to", "faellesarealet",
                 "--anchor", "corner", "--server", game_server.address, "--at", AT_OPTION,
                 "--json")  # fmt: skip

    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["verified"] and report["mismatches"] == 0 and report["solid_voxels"] == blocks
    site = site_box(ESTATE, "faellesarealet").translated(*AT)
    corner = tower.translated(site.x1 - tower.x1, 1 + AT[1] - tower.y1, site.z1 - tower.z1)
    assert np.array_equal(game.get_blocks(*corner.low, *corner.high), built // DATA_VALUES)
    assert np.array_equal(read_keys(game, corner, detect_edition(game)), built)


@pytest.mark.usefixtures("english")  # asserts the English wording
@pytest.mark.game_server
def test_copying_an_empty_plot_fails_clearly(game_server, estate_in_world) -> None:
    result = run("plots", "copy", ESTATE_ID, "gruppe_3", "--to", "legepladsen",
                 "--server", game_server.address, "--at", AT_OPTION)  # fmt: skip
    assert result.exit_code == 2 and "is empty" in result.output
