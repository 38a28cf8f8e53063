"""The managed world's own map database as the witness that a build is saved.

The managed world saves the map at the end of every step that changed it, in one SQLite
commit, and only the server's own thread writes the map. A build that asks the server
whether its changes are saved learns it a step later (0.03-0.05 s); a build on the machine
its world runs on watches the database for that commit instead, which lands a few
milliseconds after the step that wrote the build.

The mod names its world and a token it wrote there at start-up in its version reply
(`jagten 4 sqlite3 TOKEN WORLD`, only while it saves every step). A client that finds no
such token file at that path (the world is on another machine, or another world lies at the
same path here) does not watch, and the build asks the server as before.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from minecraft_scripts.server.managed_minetest import MAP_DATABASE

TOKEN_FILE = "jagten-database-token"
"""Written by the mod into its world at start-up (minetest_mod/durability.lua)."""
POLL_SECONDS = 0.0005
COMMIT_TIMEOUT = 2.0
"""Ten times the save of a 20 M-voxel estate (0.16-0.21 s measured); past it the build asks
the server, so a save the watch misses costs at most this long."""


def watch_commits(version_reply: str | None) -> CommitWatch | None:
    """A watch on the world's map database, or None when this machine cannot see it."""
    parts = (version_reply or "").split(" ", 4)
    if len(parts) < 5 or parts[2] != "sqlite3":
        return None
    token, world = parts[3], Path(parts[4])
    try:
        if not world.is_absolute() or (world / TOKEN_FILE).read_text().strip() != token:
            return None
        uri = (world / MAP_DATABASE).as_uri() + "?mode=ro"
        database = sqlite3.connect(uri, uri=True, check_same_thread=False)
        database.execute("PRAGMA data_version").fetchall()
    except (OSError, sqlite3.Error):
        return None
    return CommitWatch(database)


@dataclass
class CommitWatch:
    """Tells when the commit that saves a round of writes has landed.

    A round: `sending()` before its commands go out, `changed()` when the first reply that
    changed the world arrives (the server is still in that step: it saves at the step's
    end). If nothing was committed between the two, the next commit is that step's save.
    If something was (a pupil's change saved while the build waited for its step, or the
    save itself, already), this watch cannot tell which, and says so."""

    database: sqlite3.Connection
    _before: int = 0
    _round_marked: bool = False
    _mark: int | None = field(default=None, repr=False)
    """The data version the save of the last changing round will move on from; None:
    nothing to watch, or cannot tell."""

    def sending(self) -> None:
        self._before, self._round_marked = self._version(), False

    def changed(self) -> None:
        if self._round_marked:
            return
        self._round_marked = True
        now = self._version()
        self._mark = now if now == self._before else None

    def saved(self, timeout: float) -> bool | None:
        """True once the save has been committed; None when this watch cannot tell (ask
        the server), also when no commit came within `timeout` seconds."""
        if self._mark is None:
            return None
        deadline = time.monotonic() + timeout
        while self._version() == self._mark:
            if time.monotonic() > deadline:
                return None
            time.sleep(POLL_SECONDS)
        self._mark = None
        return True

    def _version(self) -> int:
        # all rows fetched: no read of the database stays open to hold its log from a checkpoint
        return self.database.execute("PRAGMA data_version").fetchall()[0][0]
