"""What tests need to reach the real components: the rule for a missing one, and the
game server's handle. Imported by tests/conftest.py and by tests that need them."""

import os
import socket
from dataclasses import dataclass
from pathlib import Path

import pytest

from minecraft_scripts.server.connection import GameConnection
from minecraft_scripts.server.managed_minetest import ManagedMinetest

WORLDEDIT_LOADER = Path(__file__).parent / "minecraft_scripts" / "exports" / "worldedit_loader"
"""A test-only mod that runs WorldEdit's `//load` through the mcpi port (the session's
server loads it beside Debian's WorldEdit when that is installed)."""
READERS = Path(__file__).parent / "readers"
"""The PrismarineJS readers (`make test` installs them with npm)."""


def require(reason: str) -> None:
    """Skip on a developer's machine; fail loudly under CI, where it must be installed."""
    if os.environ.get("CI"):
        pytest.fail(f"CI must run this test but cannot: {reason}", pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    """A loopback port nothing listens on: for a server to start, or for one that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class GameServer:
    """Where the tests' game server answers, and the managed process when we own it."""

    host: str
    port: int
    managed: ManagedMinetest | None = None

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    def connect(self, timeout: float = 10.0) -> GameConnection:
        return GameConnection(self.host, self.port, timeout=timeout)
