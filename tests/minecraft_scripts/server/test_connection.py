"""GameConnection against the real Minetest server (foundation region: x < 0)."""

import numpy as np
import pytest
from mcpi.minecraft import Minecraft

from minecraft_scripts.server.bulk import MOD_PROTOCOL
from minecraft_scripts.server.connection import (
    CommandFailed,
    GameConnection,
    GameServerUnreachable,
    parse_address,
)
from minecraft_scripts.server.protocol import encode_command
from tests.real_components import free_port

pytestmark = pytest.mark.game_server

STONE, COBBLESTONE, PLANKS, WOOL = 1, 4, 5, 35


def test_set_and_get_a_block(game: GameConnection) -> None:
    game.set_block(-5, 3, -5, STONE)
    assert game.get_block(-5, 3, -5) == STONE
    game.set_block(-5, 3, -5, 0)
    assert game.get_block(-5, 3, -5) == 0


def test_set_blocks_and_read_them_back_in_order(game: GameConnection) -> None:
    game.set_blocks(-20, 1, -20, -11, 6, -15, 0)
    game.set_blocks(-20, 1, -20, -11, 1, -15, STONE)  # a floor
    game.set_blocks(-20, 2, -20, -20, 6, -20, PLANKS)  # a post at the low corner
    game.set_block(-11, 6, -15, WOOL)  # a marker at the high corner
    blocks = game.get_blocks(-11, 6, -15, -20, 1, -20)  # corners in any order
    assert blocks.shape == (10, 6, 6)
    assert (blocks[:, 0, :] == STONE).all()
    assert (blocks[0, 1:, 0] == PLANKS).all()
    assert blocks[9, 5, 5] == WOOL
    assert np.count_nonzero(blocks) == 60 + 5 + 1


def test_barrier_sees_every_pipelined_write(game: GameConnection) -> None:
    game.set_blocks(-60, 1, -60, -31, 1, -31, 0)
    for x in range(-60, -30):
        for z in range(-60, -30):
            game.set_block(x, 1, z, STONE if (x + z) % 2 else PLANKS)
    game.barrier()
    blocks = game.get_blocks(-60, 1, -60, -31, 1, -31)[:, 0, :]
    xs, zs = np.meshgrid(np.arange(-60, -30), np.arange(-60, -30), indexing="ij")
    assert (blocks == np.where((xs + zs) % 2, STONE, PLANKS)).all()


def test_chat_injection_changes_no_block(game: GameConnection) -> None:
    game.set_block(-7, 1, -7, 0)
    game.post_to_chat("hej\nworld.setBlock(-7,1,-7,1)")
    game.post_to_chat("hej\rworld.setBlock(-7,1,-7,1)")
    game.send("chat.post", "raw\nworld.setBlock(-7,1,-7,1)")  # even the raw path is safe
    assert game.get_block(-7, 1, -7) == 0
    game.post_to_chat("Velkommen til Blåbærparken!")
    assert game.get_block(-7, 1, -7) == 0


def test_a_failed_command_is_named_and_the_rest_still_lands(game: GameConnection) -> None:
    game.set_blocks(-80, 1, -80, -70, 1, -80, 0)
    good_before = [(-80, STONE), (-79, STONE)]
    for x, block in good_before:
        game.set_block(x, 1, -80, block)
    game.send("world.setBlock", -78, 1, "not-a-number", STONE)  # pycraft drops us here
    game.set_block(-77, 1, -80, PLANKS)
    with pytest.raises(CommandFailed) as failure:
        game.barrier()
    assert [str(c) for c in failure.value.commands] == ["world.setBlock(-78,1,not-a-number,1)"]
    assert "not-a-number" in str(failure.value)
    row = game.get_blocks(-80, 1, -80, -77, 1, -80)[:, 0, 0]
    assert list(row) == [STONE, STONE, 0, PLANKS]


def test_a_failed_query_raises_and_the_connection_lives_on(game: GameConnection) -> None:
    with pytest.raises(CommandFailed, match="getPlayerId"):
        game.query("world.getPlayerId", "nobody_here")
    assert game.player_id("nobody_here") is None
    assert game.get_block(-1, -100, -1) == 0


def test_mcpi_minecraft_works_over_our_connection(game: GameConnection) -> None:
    mc = Minecraft(game)
    mc.setBlock(-9, 2, -9, WOOL, 4)
    mc.postToChat("hej fra mcpi")
    assert mc.getBlock(-9, 2, -9) == WOOL


def test_unreachable_server_names_the_address() -> None:
    port = free_port()
    with pytest.raises(GameServerUnreachable, match=f"127.0.0.1:{port}.*jagten minetest"):
        GameConnection("127.0.0.1", port, timeout=2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("10.0.0.5:4711", ("10.0.0.5", 4711)), ("mc.skole.dk", ("mc.skole.dk", 4711)),
     ("[::1]:4712", ("::1", 4712))],
)  # fmt: skip
def test_parse_address(text: str, expected: tuple[str, int]) -> None:
    assert parse_address(text) == expected


def test_parse_address_rejects_a_bad_port() -> None:
    with pytest.raises(ValueError, match="HOST:PORT"):
        parse_address("localhost:abc")


def test_writes_land_in_the_order_they_were_sent(game: GameConnection) -> None:
    """Cuboids, single blocks and cuboids again, overlapping: the last write wins."""
    game.set_blocks(-120, 1, -120, -111, 4, -111, STONE)
    game.set_block(-115, 2, -115, PLANKS)
    game.set_blocks(-120, 1, -120, -116, 4, -116, COBBLESTONE)
    game.set_block(-118, 3, -118, 0)
    expected = np.full((10, 4, 10), STONE)
    expected[5, 1, 5] = PLANKS
    expected[:5, :, :5] = COBBLESTONE
    expected[2, 2, 2] = 0
    assert (game.get_blocks(-120, 1, -120, -111, 4, -111) == expected).all()


def test_pipelined_queries_answer_in_order(game: GameConnection) -> None:
    game.set_blocks(-70, 1, -70, -61, 1, -70, 0)
    for x in range(-70, -60):
        game.set_block(x, 1, -70, STONE if x % 2 else PLANKS)
    queries = [encode_command("world.getBlock", x, 1, -70) for x in range(-70, -60)]
    answers = [int(reply) for reply in game.replies(queries)]
    assert answers == [STONE if x % 2 else PLANKS for x in range(-70, -60)]
    assert game.get_block(-70, 1, -70) == PLANKS  # the connection is still in step


def test_stopping_a_pipeline_early_leaves_no_reply_for_the_next_query(game: GameConnection) -> None:
    game.set_block(-72, 1, -72, WOOL)
    queries = [encode_command("world.getBlock", -72, 1, -72) for _ in range(50)]
    for _ in game.replies(queries):
        break
    assert game.get_block(-72, 1, -72) == WOOL


def test_a_command_only_some_servers_know(game: GameConnection) -> None:
    assert game.query_if_known("world.jagtenVersion").startswith(MOD_PROTOCOL)  # our world's mod
    assert game.query_if_known("world.noSuchCommand", 1, 2) is None  # pycraft says nothing
    assert game.get_block(0, 0, 0) >= 0
