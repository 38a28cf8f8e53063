"""The managed Minetest world: start, restart, reconnect, and land that spares builds."""

import contextlib
import os
import sqlite3
import time

import pytest

from minecraft_scripts.game_text import safe_sign_lines
from minecraft_scripts.server.connection import GameConnection
from minecraft_scripts.server.managed_minetest import (
    WORLDEDIT_MODPACK,
    ManagedMinetest,
    MinetestError,
    port_in_use,
)
from tests.real_components import GameServer, require

pytestmark = pytest.mark.game_server

EMERGE_MOD = """
minetest.after(0.5, function()
  minetest.emerge_area({x=-260,y=-20,z=200}, {x=-200,y=20,z=260}, function(_, _, remaining)
    if remaining == 0 then minetest.log("action", "JAGTEN TEST EMERGED") end
  end)
end)
"""


@pytest.fixture
def managed(game_server: GameServer) -> ManagedMinetest:
    if game_server.managed is None:
        require("needs the managed server (JAGTEN_TEST_SERVER points at another one)")
    return game_server.managed


def test_configuration_is_what_pycraft_and_a_lesson_need(managed: ManagedMinetest) -> None:
    conf = (managed.world_dir / "minetest.conf").read_text()
    for line in ("secure.enable_security = false", "creative_mode = true",
                 "enable_damage = false", "server_unload_unused_data_timeout = 86400",
                 "server_map_save_interval = 0"):  # fmt: skip
        assert line in conf
    with contextlib.closing(sqlite3.connect(managed.world_dir / "map.sqlite")) as database:
        assert database.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    override = (managed.world_dir / "worldmods" / "pycraft" / "override.conf").read_text()
    assert "restrict_to_local_connections = true" in override
    assert "support_websockets = false" in override
    assert not port_in_use(14711)  # no websocket port


@pytest.mark.usefixtures("english")  # asserts the English wording
def test_a_second_server_is_refused_with_a_clear_message(
    managed: ManagedMinetest, tmp_path
) -> None:
    second = ManagedMinetest(tmp_path / "second", game_port=30124)
    try:
        with pytest.raises(MinetestError, match="Port 4711 is already in use"):
            second.start()
    finally:
        second.stop()  # had it started, it would hold the session's port for later tests


def test_land_generated_later_never_overwrites_a_build(managed: ManagedMinetest) -> None:
    with managed.connect() as game:
        game.set_blocks(-250, 0, -250, -210, 0, -210, 2)
        game.set_blocks(-250, 1, -250, -210, 6, -210, 0)
        game.set_blocks(-240, 1, -240, -230, 5, -230, 1)
        game.set_blocks(-250, -3, -250, -210, -1, -210, 1)
        before = game.get_blocks(-250, -3, -250, -210, 6, -210)
    mod = managed.world_dir / "worldmods" / "jagten_test_emerge"
    mod.mkdir(parents=True)
    (mod / "mod.conf").write_text("name = jagten_test_emerge\n")
    (mod / "init.lua").write_text(EMERGE_MOD)  # pycraft z = -minetest z
    try:
        managed.restart()
        deadline = time.monotonic() + 30
        while "JAGTEN TEST EMERGED" not in managed.log_file.read_text(errors="replace"):
            assert time.monotonic() < deadline, "the test area was never generated"
            time.sleep(0.2)
    finally:
        for file in mod.iterdir():
            file.unlink()
        mod.rmdir()
    with managed.connect() as game:
        assert (game.get_blocks(-250, -3, -250, -210, 6, -210) == before).all()
        column = game.get_blocks(-205, -5, -205, -205, 2, -205).ravel().tolist()
    assert column == [1, 1, 3, 3, 3, 2, 0, 0]  # stone, dirt, grass at y = 0, air


def test_signs_carry_their_text_in_the_managed_world(managed: ManagedMinetest) -> None:
    with managed.connect() as game:
        game.send(
            "world.setSign", -30, 1, -30, 63, 0, *safe_sign_lines(["Genbrugs-", "stedet, åbent"])
        )
        game.send("world.setSign", -31, 1, -30, 63, 0, "hej\nworld.setBlock(-32,1,-30,1)")
        assert game.query("world.getSign", -30, 1, -30) == "Genbrugs-,stedet; åbent"
        assert game.query("world.getSign", -31, 1, -30) == "hej world.setBlock(-32,1,-30,1)"
        assert game.get_block(-32, 1, -30) == 0


def test_reconnects_after_the_server_restarts(managed: ManagedMinetest) -> None:
    game = GameConnection(managed.host, managed.port)
    game.set_block(-3, 1, -3, 1)
    assert game.get_block(-3, 1, -3) == 1
    managed.restart()
    assert game.get_block(-3, 1, -3) == 1  # the query reconnects by itself
    game.set_block(-3, 1, -3, 0)
    game.barrier()
    assert game.get_block(-3, 1, -3) == 0
    game.close()


def test_stop_leaves_no_process_behind(managed: ManagedMinetest) -> None:
    pid = managed._process.pid
    managed.stop()
    assert not port_in_use(managed.port)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    managed.start()
    assert port_in_use(managed.port)


@pytest.mark.usefixtures("english")  # asserts the English wording
def test_extra_mods_are_copied_and_a_missing_one_is_named(
    managed: ManagedMinetest, tmp_path
) -> None:
    if not WORLDEDIT_MODPACK.is_dir():
        require("WorldEdit is not installed: sudo apt-get install minetest-mod-worldedit")
    assert (managed.world_dir / "worldmods" / "worldedit" / "modpack.txt").exists()
    missing = tmp_path / "no_such_mod"
    world = ManagedMinetest(tmp_path / "world", extra_mods=(missing,))
    with pytest.raises(MinetestError, match=f"The mod folder {missing} does not exist"):
        world.prepare()
