"""Fixtures shared by every part: the real game server.

Tests run against a real Minetest with the pycraft mod, never a mock. By default the
session starts a managed server in a temporary world; with JAGTEN_TEST_SERVER=HOST:PORT
the tests use a server that is already running (handy while developing). Under CI a
missing server fails the run: it never skips.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from minecraft_scripts.server.connection import GameConnection, parse_address
from minecraft_scripts.server.managed_minetest import (
    WORLDEDIT_MODPACK,
    ManagedMinetest,
    missing_requirement,
    port_in_use,
)
from tests.real_components import WORLDEDIT_LOADER, GameServer, require

# Properties are about behaviour; timing is the benchmarks' business. A CI machine under load
# must not fail a property because one example took longer than hypothesis's 200 ms.
settings.register_profile("jagten", deadline=None)
settings.load_profile("jagten")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """Under CI no test may skip, whatever the reason: a skip there would hide a missing
    game server, database or browser behind a green run."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped under CI, which must run every test: {report.longrepr}"


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English, as `JAGTEN_LANG=en` gives them (commands started by the test
    included): for tests that assert the English wording of an error."""
    monkeypatch.setenv("JAGTEN_LANG", "en")


@pytest.fixture(scope="session")
def game_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GameServer]:
    external = os.environ.get("JAGTEN_TEST_SERVER")
    if external:
        host, port = parse_address(external)
        yield GameServer(host, port)
        return
    problem = missing_requirement()
    if problem:
        require(problem)
    world: Path = tmp_path_factory.mktemp("minetest-world")
    worldedit = (WORLDEDIT_MODPACK, WORLDEDIT_LOADER) if WORLDEDIT_MODPACK.is_dir() else ()
    server = ManagedMinetest(world, game_port=30123, extra_mods=worldedit)
    server.start()
    try:
        yield GameServer(server.host, server.port, managed=server)
    finally:
        server.stop()


@pytest.fixture(autouse=True)
def session_server_stays_up(request: pytest.FixtureRequest) -> Iterator[None]:
    """A session server that dies or stops answering fails the test it happened in, with its
    log, and is started again: one crash is one failure that shows its cause, not thirty
    that show only a refused connection."""
    if request.node.get_closest_marker("game_server") is None:
        yield
        return
    managed = request.getfixturevalue("game_server").managed
    yield
    if managed is None or (managed.running and port_in_use(managed.port, managed.host)):
        return
    log = managed.log_tail(40)
    managed.stop()
    managed.start()
    pytest.fail(
        f"The session's Minetest stopped answering during this test. Its log ends:\n{log}",
        pytrace=False,
    )


@pytest.fixture
def game(game_server: GameServer) -> Iterator[GameConnection]:
    """A fresh connection to the session's game server, closed after the test."""
    with game_server.connect() as connection:
        yield connection
