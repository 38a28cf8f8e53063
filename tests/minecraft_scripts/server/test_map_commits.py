"""The world's map database as the witness of a build's save: the watch's reasoning on a
real SQLite database written by another connection, and on the managed world's own."""

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from minecraft_scripts.server import bulk_build as bulk_build_module
from minecraft_scripts.server.build import build_model, server_kind
from minecraft_scripts.server.bulk import MOD_PROTOCOL, wait_until_saved
from minecraft_scripts.server.connection import GameConnection
from minecraft_scripts.server.managed_minetest import MAP_DATABASE
from minecraft_scripts.server.map_commits import TOKEN_FILE, CommitWatch, watch_commits
from minecraft_scripts.voxels import VoxelModel
from tests.real_components import GameServer, require

TOKEN = "5f0c" * 10


@pytest.fixture
def world(tmp_path: Path) -> Path:
    """A world folder as the mod leaves it: a map in SQLite's write-ahead log, its token."""
    with contextlib.closing(sqlite3.connect(tmp_path / MAP_DATABASE)) as database:
        database.execute("PRAGMA journal_mode=WAL")
        database.execute("CREATE TABLE blocks (pos INT PRIMARY KEY, data BLOB)")
        database.commit()
    (tmp_path / TOKEN_FILE).write_text(TOKEN)
    return tmp_path


@pytest.fixture
def server_writes(world: Path) -> Iterator[sqlite3.Connection]:
    """The server's own connection to its map, as Minetest holds it open."""
    with contextlib.closing(sqlite3.connect(world / MAP_DATABASE)) as database:
        yield database


def save(database: sqlite3.Connection, pos: int) -> None:
    database.execute("INSERT OR REPLACE INTO blocks VALUES (?, ?)", (pos, b"block"))
    database.commit()


def watch_of(world: Path) -> CommitWatch:
    watch = watch_commits(f"{MOD_PROTOCOL} sqlite3 {TOKEN} {world}")
    assert watch is not None
    return watch


def test_the_first_commit_after_a_reported_change_is_its_save(world, server_writes) -> None:
    watch = watch_of(world)
    watch.sending()
    watch.changed()
    save(server_writes, 1)
    assert watch.saved(timeout=1.0) is True


def test_a_commit_before_the_change_was_reported_leaves_the_question_to_the_server(
    world, server_writes
) -> None:
    """A pupil's change saved while the build waited for its step, or the build's own save
    already: the watch cannot tell which."""
    watch = watch_of(world)
    watch.sending()
    save(server_writes, 1)
    watch.changed()
    save(server_writes, 2)
    assert watch.saved(timeout=1.0) is None


def test_no_commit_in_time_or_no_change_leaves_the_question_to_the_server(world) -> None:
    watch = watch_of(world)
    watch.sending()
    assert watch.saved(timeout=0.05) is None  # nothing changed: nothing to watch for
    watch.changed()
    assert watch.saved(timeout=0.05) is None  # changed, but no commit came


def test_a_repair_round_after_a_seen_save_is_watched_again(world, server_writes) -> None:
    watch = watch_of(world)
    watch.sending()
    watch.changed()
    save(server_writes, 1)
    watch.sending()  # the repair goes out after the first round's save
    watch.changed()
    save(server_writes, 2)
    assert watch.saved(timeout=1.0) is True


def test_a_world_this_machine_cannot_see_is_not_watched(world: Path, tmp_path_factory) -> None:
    elsewhere = tmp_path_factory.mktemp("same-path-other-world")
    (elsewhere / MAP_DATABASE).write_bytes((world / MAP_DATABASE).read_bytes())
    (elsewhere / TOKEN_FILE).write_text("another world's token")
    for reply in (
        None,  # no mod
        MOD_PROTOCOL,  # a world that does not save every step, or not in SQLite
        f"{MOD_PROTOCOL} sqlite3 {TOKEN} {elsewhere}",  # another world at that path here
        f"{MOD_PROTOCOL} sqlite3 {TOKEN} {world / 'gone'}",  # the world is on another machine
        f"{MOD_PROTOCOL} sqlite3 {TOKEN} relative/world",
        f"{MOD_PROTOCOL} postgresql {TOKEN} {world}",
    ):
        assert watch_commits(reply) is None, reply


@pytest.mark.game_server
def test_the_managed_world_names_its_database_and_a_build_is_saved_as_it_commits(
    game_server: GameServer, game: GameConnection, monkeypatch
) -> None:
    if game_server.managed is None:
        require("needs the managed world on this machine")
    reply = game.query_if_known("world.jagtenVersion")
    token, world = read_token(game_server), game_server.managed.world_dir
    assert reply == f"{MOD_PROTOCOL} sqlite3 {token} {world}"
    assert server_kind(game).commits is not None

    def not_asked(_conn) -> bool:
        raise AssertionError("the build asked the server instead of watching its database")

    at = (1300, 3, 7600)
    build_model(game, VoxelModel(("air",), np.zeros((20, 6, 20), dtype=np.uint8), []), at=at)
    assert wait_until_saved(game)  # the land generated for it is saved: nothing else commits
    monkeypatch.setattr(bulk_build_module, "wait_until_saved", not_asked)
    model = VoxelModel(("air", "brick"), np.ones((20, 6, 20), dtype=np.uint8), [])
    report = build_model(game, model, at=at)
    assert report.verified and report.saved


def read_token(game_server: GameServer) -> str:
    return (game_server.managed.world_dir / TOKEN_FILE).read_text()
