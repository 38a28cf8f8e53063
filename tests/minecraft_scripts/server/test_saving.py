"""A verified build survives the server being killed, and a build cut off by a killed server
says how far it came and is finished by a rerun. These kill the session's own managed server
and start it again, so they need it (not a JAGTEN_TEST_SERVER)."""

import numpy as np
import pytest

from minecraft_scripts.generate import generate
from minecraft_scripts.palette import Edition
from minecraft_scripts.server import bulk_build as bulk_build_module
from minecraft_scripts.server.build import BuildInterrupted, build_estate, build_model, clear_estate
from minecraft_scripts.server.bulk import chunks, wait_until_saved
from minecraft_scripts.server.bulk_build import BulkOutcome, bulk_check
from minecraft_scripts.server.readback import expected_keys, read_keys
from minecraft_scripts.voxels import Sign, VoxelModel
from tests.real_components import GameServer, require
from worlds.catalog import estate_ids, load_estate

pytestmark = pytest.mark.game_server
ROW_Z = 8000


@pytest.fixture
def managed(game_server: GameServer):
    if game_server.managed is None:
        require("killing the server needs the session's own managed Minetest")
    yield game_server.managed
    if not game_server.managed.running:
        game_server.managed.start()


def test_a_verified_estate_stands_after_the_server_is_killed(
    game_server, managed, monkeypatch
) -> None:
    """Saved as the world's map database commits it (this machine sees it): once the land
    is generated and saved, nothing else commits, and the build does not ask the server."""
    estate = load_estate("tranebaerparken")
    at = (0, 0, ROW_Z)
    with game_server.connect() as conn:
        clear_estate(conn, estate, at=at)
        assert wait_until_saved(conn)
        monkeypatch.setattr(bulk_build_module, "wait_until_saved", None)  # fails if called
        assert build_estate(conn, estate, at=at).verified
    managed.kill()  # no shutdown save: only what the world saved before survives
    managed.start()
    model = generate(estate)
    with game_server.connect() as conn:
        standing = read_keys(conn, model.bounds.translated(*at), Edition.MINETEST)
        assert np.array_equal(standing, expected_keys(model, Edition.MINETEST))
        assert not bulk_check(conn, model, at, BulkOutcome()).any()  # sign texts too


@pytest.mark.usefixtures("english")  # asserts the English wording
def test_a_build_cut_off_by_a_killed_server_says_so_and_a_rerun_finishes_it(
    game_server, managed, monkeypatch
) -> None:
    monkeypatch.setattr(bulk_build_module, "chunks", lambda size, at: chunks(size, at, 8))
    estate = load_estate(estate_ids()[0])
    at = (400, 0, ROW_Z)

    def kill_after_the_first_part(done: int, total: int) -> None:
        if done == 1:
            managed.kill()

    with (
        game_server.connect() as conn,
        pytest.raises(BuildInterrupted, match=r"cut off at \d+ of \d+; run it again to finish"),
    ):
        build_estate(conn, estate, at=at, progress=kill_after_the_first_part)
    managed.start()
    with game_server.connect() as conn:
        rerun = build_estate(conn, estate, at=at)
    assert rerun.verified and rerun.mismatches == 0


def test_a_stray_sign_text_a_build_removed_stays_removed_after_the_server_is_killed(
    game_server, managed
) -> None:
    """Minetest 5.6 does not count a removed node metadata as a change to save; the build
    makes it count."""
    model = VoxelModel.empty((2, 2, 2), ["brick", "sign"])
    model.grid[:] = 1
    with_sign = VoxelModel(model.materials, model.grid.copy(), [Sign(0, 1, 0, ("Hej",))])
    with_sign.grid[0, 1, 0] = 2
    at = (800, 5, ROW_Z)
    with game_server.connect() as conn:
        assert build_model(conn, with_sign, at=at).verified
        conn.set_block(at[0], at[1] + 1, at[2], 45)  # pycraft keeps the sign's text on it
        conn.barrier()
        assert wait_until_saved(conn)
        assert bulk_check(conn, model, at, BulkOutcome()).any()  # the stray text
        assert build_model(conn, model, at=at).verified
    managed.kill()
    managed.start()
    with game_server.connect() as conn:
        assert not bulk_check(conn, model, at, BulkOutcome()).any()
