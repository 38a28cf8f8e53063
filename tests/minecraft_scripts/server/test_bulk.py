"""The managed world's bulk path in the real Minetest: exact, across chunk boundaries, with
every palette entry, refusing damaged payloads, and checking sign text and metadata.

Builds stand in their own row (z around 7000) of the estates' region (0 <= x < 2000).
"""

import base64
import socket
import time
import zlib

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from minecraft_scripts.palette import MATERIALS, Edition
from minecraft_scripts.server import build as build_module
from minecraft_scripts.server import bulk_build as bulk_build_module
from minecraft_scripts.server.build import COVERS_WITHOUT_MOD, build_model, server_kind
from minecraft_scripts.server.bulk import (
    KEEP,
    MOD_PROTOCOL,
    BulkRefused,
    chunks,
    palette,
    parse_put,
    put_command,
)
from minecraft_scripts.server.bulk_build import BulkOutcome, Steps, bulk_build, bulk_check
from minecraft_scripts.server.connection import GameConnection
from minecraft_scripts.server.protocol import Command, Token, encode_command
from minecraft_scripts.server.readback import expected_keys, read_keys
from minecraft_scripts.voxels import Box, Sign, VoxelModel

pytestmark = pytest.mark.game_server
ROW_Z = 7000
EVERY_MATERIAL = tuple(MATERIALS)


def stands_as_modelled(game: GameConnection, model: VoxelModel, at: tuple[int, int, int]) -> bool:
    """Checked by pycraft's own kind of read (`getBlocksWithData`), not by the bulk read."""
    standing = read_keys(game, model.bounds.translated(*at), Edition.MINETEST)
    return bool(np.array_equal(standing, expected_keys(model, Edition.MINETEST)))


def mismatches(game: GameConnection, model: VoxelModel, at: tuple[int, int, int]) -> int:
    return int(np.count_nonzero(bulk_check(game, model, at, BulkOutcome())))


@given(
    grid=arrays(np.uint8, st.tuples(st.integers(1, 40), st.integers(1, 20), st.integers(1, 40)),
                elements=st.integers(0, len(EVERY_MATERIAL) - 1)),
    offset=st.tuples(st.integers(0, 31), st.integers(0, 31), st.integers(0, 31)),
)  # fmt: skip
@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_random_models_stand_exactly_across_chunk_boundaries(
    game: GameConnection, grid: np.ndarray, offset: tuple[int, int, int], monkeypatch
) -> None:
    """One map block per chunk, so most models cross several chunk boundaries."""
    monkeypatch.setattr(bulk_build_module, "chunks", lambda size, at: chunks(size, at, 1))
    model = VoxelModel(EVERY_MATERIAL, grid, [])
    at = (1000 + offset[0], 20 + offset[1], ROW_Z + offset[2])
    outcome = bulk_build(game, model, at, verify=True, steps=Steps())
    assert outcome.mismatches == 0 and outcome.saved
    assert stands_as_modelled(game, model, at)


def test_every_palette_entry_reads_back_as_itself(game: GameConnection) -> None:
    model = VoxelModel(EVERY_MATERIAL, np.arange(len(EVERY_MATERIAL), dtype=np.uint8)
                       .reshape(-1, 1, 1).repeat(3, axis=2), [])  # fmt: skip
    at = (1100, 5, ROW_Z + 200)
    report = build_model(game, model, at=at)
    assert report.verified and report.mismatches == 0
    assert stands_as_modelled(game, model, at)


def damaged(command: Command, how: str) -> Command:
    """The same put with its payload cut short, one character of it changed, or its
    checksum (the zlib stream's last four bytes, the Adler-32 of the nodes) changed."""
    head, _, payload = command.line.rstrip(b")\n").rpartition(b",")
    if how == "cut":
        payload = payload[: len(payload) // 8 * 4]
    elif how == "checksum":
        packed = bytearray(base64.b64decode(payload))
        packed[-1] ^= 1
        payload = base64.b64encode(bytes(packed))
    else:
        middle = len(payload) // 2
        payload = payload[:middle] + (b"B" if payload[middle : middle + 1] != b"B" else b"C") \
            + payload[middle + 1 :]  # fmt: skip
    return Command(command.name, head + b"," + payload + b")\n")


@pytest.mark.usefixtures("english")  # asserts the English wording
@pytest.mark.parametrize("how", ["cut", "changed", "checksum"])
def test_a_damaged_payload_is_refused_and_writes_nothing(game: GameConnection, how: str) -> None:
    at = (1200, 5, ROW_Z + 200)
    model = VoxelModel.empty((40, 6, 40), ["brick", "glass"])
    model.grid[:] = np.random.default_rng(1).integers(0, 3, model.size, dtype=np.uint8)
    before = read_keys(game, model.bounds.translated(*at), Edition.MINETEST)
    [chunk] = chunks(model.size, at, blocks=64)
    command = damaged(put_command(model.grid, chunk, palette(model.materials)), how)
    [answer] = list(game.replies([command]))
    assert answer.startswith("refused ")
    assert "damaged" in answer or "cut off" in answer or "holds" in answer
    with pytest.raises(BulkRefused, match="refused part of the build"):
        parse_put(answer)
    assert np.array_equal(read_keys(game, model.bounds.translated(*at), Edition.MINETEST), before)


def raw_put(chunk, entries: int, nodes: bytes) -> Command:
    """A put with a palette of `entries` stones and exactly these node bytes."""
    payload = base64.b64encode(zlib.compress(nodes)).decode()
    names = Token(";".join(["1.0"] * entries))
    return encode_command("world.jagtenPut", *chunk.low, *chunk.high, names, Token(payload))


@pytest.mark.usefixtures("english")  # asserts the English wording
@pytest.mark.parametrize("entries", [1, 37, 45, 48, 93, 94, 97, 199, 254])  # '%' '-' '0' ']' '^'
def test_an_index_beyond_the_palette_is_refused_and_writes_nothing(
    game: GameConnection, entries: int
) -> None:
    at = (1250, 5, ROW_Z + 200)
    model = VoxelModel.empty((16, 1, 16), ["brick"])
    [chunk] = chunks(model.size, at)
    before = read_keys(game, model.bounds.translated(*at), Edition.MINETEST)
    nodes = bytearray(i % entries for i in range(model.grid.size))  # every entry there is
    nodes[6] = KEEP  # "keep what stands" is never beyond the palette
    for beyond in sorted({entries, entries + 1, (entries + 254) // 2, 254} - {255}):
        nodes[5] = beyond
        [answer] = list(game.replies([raw_put(chunk, entries, bytes(nodes))]))
        assert answer == f"refused node 6 names palette entry {beyond} of {entries}"
    assert np.array_equal(read_keys(game, model.bounds.translated(*at), Edition.MINETEST), before)
    nodes[5] = entries - 1  # every index within the palette is fine
    [answer] = list(game.replies([raw_put(chunk, entries, bytes(nodes))]))
    assert parse_put(answer).wrong == 0


def test_a_put_answers_its_own_check(game: GameConnection) -> None:
    """What the mod read back after writing: nothing differs, and a second identical put
    finds everything standing and writes nothing."""
    at = (1260, 5, ROW_Z + 200)
    model = VoxelModel.empty((20, 5, 20), ["brick", "glass"])
    model.grid[:] = np.random.default_rng(3).integers(0, 3, model.size, dtype=np.uint8)
    [chunk] = chunks(model.size, at)
    put = put_command(model.grid, chunk, palette(model.materials))
    first, second = (parse_put(answer) for answer in game.replies([put, put]))
    assert first.changed > 0 and first.wrong == 0
    assert second.changed == 0 and second.wrong == 0
    assert stands_as_modelled(game, model, at)


class DoubtingConnection(GameConnection):
    """A real connection on which the first put's check reports one node still wrong."""

    doubted = False

    def replies(self, commands):
        commands = list(commands)
        for command, reply in zip(commands, super().replies(commands), strict=False):
            if command.name == "world.jagtenPut" and not self.doubted:
                reply, self.doubted = reply.rpartition(" ")[0] + " 1", True
            yield reply


def test_a_chunk_its_put_doubts_is_read_whole_before_the_build_is_verified(game_server) -> None:
    model = VoxelModel.empty((20, 4, 20), ["brick", "glass"])
    model.grid[:] = np.random.default_rng(4).integers(0, 3, model.size, dtype=np.uint8)
    at = (1280, 5, ROW_Z + 200)
    with DoubtingConnection(game_server.host, game_server.port) as conn:
        report = build_model(conn, model, at=at)
    assert report.verified and report.mismatches == 0
    assert report.phases["server read"] > 0  # the chunk was read whole from the map


class DamagingConnection(GameConnection):
    """A real connection whose second region write is damaged on its way to the server."""

    def replies(self, commands):
        def damage_second():
            puts = 0
            for command in commands:
                if command.name == "world.jagtenPut":
                    puts += 1
                    if puts == 2:
                        command = damaged(command, "changed")
                yield command

        return super().replies(damage_second())


def test_a_build_with_a_damaged_part_is_never_reported_verified(game_server, monkeypatch) -> None:
    monkeypatch.setattr(bulk_build_module, "chunks", lambda size, at: chunks(size, at, 1))
    model = VoxelModel.empty((70, 4, 20), ["brick"])
    model.grid[:, 0, :] = 1
    with (
        DamagingConnection(game_server.host, game_server.port) as conn,
        pytest.raises(BulkRefused, match="damaged on the way"),
    ):
        build_model(conn, model, at=(1300, 5, ROW_Z + 200))


def test_the_managed_worlds_mod_speaks_this_clients_bulk_commands(game: GameConnection) -> None:
    assert game.query_if_known("world.jagtenVersion").startswith(MOD_PROTOCOL + " ")
    assert server_kind(game).jagten_mod


def test_a_world_with_an_older_copy_of_the_mod_is_built_the_cuboid_way(
    game_server, monkeypatch
) -> None:
    """A school's own server may run a copy of the mod from an older release."""
    monkeypatch.setattr(build_module, "mod_version", lambda conn: "jagten 3")
    model = VoxelModel.empty((20, 3, 20), ["brick", "glass"])
    model.grid[:] = np.random.default_rng(2).integers(0, 3, model.size, dtype=np.uint8)
    at = (1350, 5, ROW_Z + 200)
    with game_server.connect() as conn:
        assert not server_kind(conn).jagten_mod
        report = build_model(conn, model, at=at)
        assert report.verified and report.covers == COVERS_WITHOUT_MOD
        assert stands_as_modelled(conn, model, at)


def test_a_sign_keeps_its_blank_lines_and_its_text_is_checked(game: GameConnection) -> None:
    lines = ("", "Fælleshuset", "", "Åbent 9-17")
    model = VoxelModel.empty((3, 3, 3), ["brick", "sign"])
    model.fill(Box(0, 0, 0, 2, 0, 2), "brick")
    model.fill(Box(1, 1, 1, 1, 1, 1), "sign")
    model.signs.append(Sign(1, 1, 1, lines))
    at = (1400, 5, ROW_Z + 200)
    sign_at = (at[0] + 1, at[1] + 1, at[2] + 1)
    assert build_model(game, model, at=at).verified
    assert (
        game.query("world.getSign", at[0] + 1, at[1] + 1, at[2] + 1) == ",Fælleshuset,,Åbent 9-17"
    )

    game.send("world.setSign", *sign_at, 63, 0, "Lukket")
    game.barrier()
    assert mismatches(game, model, at) == 1
    assert build_model(game, model, at=at, diff=True).verified
    assert (
        game.query("world.getSign", at[0] + 1, at[1] + 1, at[2] + 1) == ",Fælleshuset,,Åbent 9-17"
    )


def test_a_removed_sign_leaves_no_text_on_what_replaces_it(game: GameConnection) -> None:
    """A variant switch by diff: where a sign stood, crops now grow, without its infotext."""
    with_sign = VoxelModel.empty((3, 3, 3), ["grass", "sign", "crops"])
    with_sign.fill(Box(0, 0, 0, 2, 0, 2), "grass")
    with_sign.fill(Box(1, 1, 1, 1, 1, 1), "sign")
    with_sign.signs.append(Sign(1, 1, 1, ("Genbrug", "Lørdag 10-12")))
    with_crops = VoxelModel(with_sign.materials, with_sign.grid.copy(), [])
    with_crops.fill(Box(1, 1, 1, 1, 1, 1), "crops")
    at = (1450, 5, ROW_Z + 200)
    for bulk in (True, False):
        assert build_model(game, with_sign, at=at).verified
        assert build_model(game, with_crops, at=at, diff=True, bulk=bulk).verified
        assert game.query("world.getSign", at[0] + 1, at[1] + 1, at[2] + 1) == ""
        assert mismatches(game, with_crops, at) == 0


def test_stray_metadata_is_a_mismatch_and_a_rebuild_clears_it(game: GameConnection) -> None:
    """pycraft's own `setBlock` keeps a replaced sign's text on the brick put there."""
    model = VoxelModel.empty((2, 2, 2), ["brick", "sign"])
    model.grid[:] = 1
    at = (1500, 5, ROW_Z + 200)
    with_sign = VoxelModel(model.materials, model.grid.copy(), [Sign(0, 1, 0, ("Hej",))])
    with_sign.grid[0, 1, 0] = 2
    assert build_model(game, with_sign, at=at).verified
    game.set_block(at[0], at[1] + 1, at[2], 45)  # brick, through pycraft's VoxelManip
    game.barrier()
    assert mismatches(game, model, at) == 1
    assert build_model(game, model, at=at).verified
    assert mismatches(game, model, at) == 0


def test_a_long_line_that_arrives_in_pieces_is_run_once_whole(game_server, game) -> None:
    """pycraft alone drops the start of a line still arriving when its step ends."""
    at = (1550, 5, ROW_Z + 200)
    model = VoxelModel.empty((48, 8, 48), ["brick", "glass"])
    model.grid[:] = np.random.default_rng(2).integers(0, 3, model.size, dtype=np.uint8)
    [chunk] = chunks(model.size, at, blocks=64)
    line = put_command(model.grid, chunk, palette(model.materials)).line
    with socket.create_connection((game_server.host, game_server.port), timeout=10) as raw:
        raw.sendall(line[: len(line) // 2])
        time.sleep(0.3)  # several server steps
        raw.sendall(line[len(line) // 2 :])
        assert raw.makefile("rb").readline().startswith(b"ok ")
    assert mismatches(game, model, at) == 0
