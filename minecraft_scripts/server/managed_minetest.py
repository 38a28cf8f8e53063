"""A managed Minetest world with the pycraft mod: the free game server for a class.

Debian ships the server (`minetest-server`) and the mod (`minetest-mod-pycraft`). We copy
the mod into the world's `worldmods/` so its settings can be written there (the system
copy is read-only), listen on loopback only, and write a `minetest.conf` with what pycraft
needs and what a lesson wants: creative mode, no damage, flat grass land whose surface is
y = 0 and that never overwrites a build (see minetest_mod/init.lua), and map blocks kept
loaded so that reading a build back tells the truth.
"""

import contextlib
import shutil
import socket
import sqlite3
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from minecraft_scripts.server.connection import GameConnection, GameConnectionError
from minecraft_scripts.server.ports import MCPI_PORT, MINETEST_PORT
from worlds.language import _

MINETEST_BINARY = Path("/usr/games/minetestserver")
PYCRAFT_MOD = Path("/usr/share/games/minetest/mods/pycraft")
WORLDEDIT_MODPACK = Path("/usr/share/games/minetest/mods/worldedit")
"""Debian's `minetest-mod-worldedit`: `//load` of the `.we` files `jagten export` writes."""
GROUND_MOD = Path(__file__).with_name("minetest_mod")

INSTALL_HINT = "sudo apt-get install minetest-server minetest-mod-pycraft"

GROUND_LEVEL = 0

SERVER_SETTINGS = {
    "secure.enable_security": "false",  # pycraft's luasocket `require` fails otherwise
    "creative_mode": "true",
    "enable_damage": "false",
    "server_unload_unused_data_timeout": "86400",  # unloaded blocks read back as air
    "server_announce": "false",
    "server_name": "Jagten på fællesskabet",
    "motd": "Velkommen til Jagten på fællesskabet!",
    "default_privs": "interact, shout, fly, fast, noclip, creative",
    "mg_name": "singlenode",  # the ground comes from our `jagten` mod
    "mg_flags": "nocaves, nodungeons, light, nodecorations, nobiomes, noores",
    "static_spawnpoint": f"0,{GROUND_LEVEL + 2},0",
    "time_speed": "0",
    "world_start_time": "9000",
    "enable_rollback_recording": "false",
    "disallow_empty_password": "true",  # a class account always has its card password
    # a build is verified once saved (see minetest_mod/durability.lua): the map is saved at
    # the end of every step that changed it, each save one commit to the map's write-ahead log
    "server_map_save_interval": "0",
    # a build waits for server steps (to run, then to be saved): 0.05 s instead of 0.09 s
    # halves those waits; pycraft runs up to 1,000 commands per step, so it also doubles
    # what a plain mcpi script can send per second
    "dedicated_server_step": "0.05",
}
MAP_DATABASE = "map.sqlite"
MAP_TABLE = "CREATE TABLE IF NOT EXISTS `blocks` (`pos` INT PRIMARY KEY, `data` BLOB)"
"""The map table as every Minetest since 0.4 creates (and 5.12 still reads) it."""


class MinetestError(RuntimeError):
    """The managed server could not be prepared or started; the message says why."""


def missing_requirement() -> str | None:
    """What is missing to run a managed server, as one line a user can act on."""
    if not MINETEST_BINARY.exists():
        return _("Minetest server is not installed (%(path)s). Install: %(command)s",
                 path=str(MINETEST_BINARY), command=INSTALL_HINT)  # fmt: skip
    if not (PYCRAFT_MOD / "init.lua").exists():
        return _("The pycraft mod is not installed (%(path)s). Install: %(command)s",
                 path=str(PYCRAFT_MOD), command=INSTALL_HINT)  # fmt: skip
    return None


def _die_with_parent() -> list[str]:
    """A server must not outlive the program that started it, even one killed outright:
    util-linux's setpriv asks the kernel to stop Minetest when its parent dies."""
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "TERM"] if setpriv else []


def port_in_use(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, port)) == 0


def _prepare_map_database(database: Path) -> None:
    """Put the map in SQLite's write-ahead log (it stays set in the file), so that saving
    every step costs one append and one fsync; a new world gets Minetest's map table, as
    Minetest creates it only in a database file it had to create itself."""
    with contextlib.closing(sqlite3.connect(database)) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute(MAP_TABLE)


def _settings_file(settings: dict[str, str]) -> str:
    return "".join(f"{key} = {value}\n" for key, value in settings.items())


@dataclass
class ManagedMinetest:
    """One Minetest world served on loopback, started and stopped by us."""

    world_dir: Path
    game_port: int = MINETEST_PORT
    host: str = "127.0.0.1"
    port: int = MCPI_PORT
    extra_mods: tuple[Path, ...] = ()
    """Mod or modpack folders to copy into the world's `worldmods/` as well, e.g.
    `WORLDEDIT_MODPACK`; each loads under its folder's name."""
    _process: subprocess.Popen | None = field(default=None, init=False, repr=False)

    @property
    def log_file(self) -> Path:
        return self.world_dir / "debug.txt"

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    def prepare(self) -> None:
        """Write the world folder, the mod and the configuration (idempotent)."""
        problem = missing_requirement()
        if problem:
            raise MinetestError(problem)
        self.world_dir.mkdir(parents=True, exist_ok=True)
        mod_dir = self.world_dir / "worldmods" / "pycraft"
        if not (mod_dir / "init.lua").exists():
            shutil.copytree(PYCRAFT_MOD, mod_dir, dirs_exist_ok=True)
        shutil.copytree(GROUND_MOD, self.world_dir / "worldmods" / "jagten", dirs_exist_ok=True)
        for mod in self.extra_mods:
            if not mod.is_dir():
                raise MinetestError(_("The mod folder %(folder)s does not exist.", folder=str(mod)))
            shutil.copytree(mod, self.world_dir / "worldmods" / mod.name, dirs_exist_ok=True)
        overrides = {"restrict_to_local_connections": "true", "support_websockets": "false"}
        (mod_dir / "override.conf").write_text(_settings_file(overrides))
        world_mt = self.world_dir / "world.mt"
        if not world_mt.exists():
            world_mt.write_text("gameid = minetest\nbackend = sqlite3\ncreative_mode = true\n")
        (self.world_dir / "minetest.conf").write_text(_settings_file(SERVER_SETTINGS))
        if "backend = sqlite3" in world_mt.read_text():
            _prepare_map_database(self.world_dir / MAP_DATABASE)

    def start(self, timeout: float = 60.0) -> None:
        """Start the server and return once the mcpi port answers a query."""
        if port_in_use(self.port, self.host):
            raise MinetestError(
                _(
                    "Port %(port)s is already in use, so pycraft cannot listen there. Another "
                    "Minetest with pycraft or a Minecraft server with RaspberryJuice is "
                    "running: stop it, or use it directly with --server %(address)s.",
                    port=self.port,
                    address=self.address,
                )
            )
        self.prepare()
        command = [
            *_die_with_parent(),
            str(MINETEST_BINARY),
            "--world", str(self.world_dir),
            "--config", str(self.world_dir / "minetest.conf"),
            "--port", str(self.game_port),
            "--logfile", str(self.log_file),
        ]  # fmt: skip
        self._process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        self._wait_until_ready(timeout)

    def _wait_until_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                heading = _("Minetest stopped at start-up. Its log ends:")
                raise MinetestError(f"{heading}\n{self.log_tail()}")
            if port_in_use(self.port, self.host):
                try:
                    with GameConnection(self.host, self.port, timeout=5) as connection:
                        connection.get_block(0, GROUND_LEVEL, 0)
                    return
                except GameConnectionError:
                    pass
            time.sleep(0.2)
        self.stop()
        raise MinetestError(
            _("Minetest did not answer on %(address)s in %(seconds)s s.", address=self.address,
              seconds=round(timeout))
        )  # fmt: skip

    def log_tail(self, lines: int = 15) -> str:
        if not self.log_file.exists():
            return _("(no log)")
        return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def stop(self, timeout: float = 20.0) -> None:
        """Stop cleanly (the world is saved on SIGTERM); kill only if it hangs."""
        if self._process is None:
            return
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process = None
        deadline = time.monotonic() + 10
        while port_in_use(self.port, self.host) and time.monotonic() < deadline:
            time.sleep(0.1)

    def kill(self) -> None:
        """Stop the server at once, without letting it save: a crash, as tests need one."""
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None
        deadline = time.monotonic() + 10
        while port_in_use(self.port, self.host) and time.monotonic() < deadline:
            time.sleep(0.05)

    def restart(self) -> None:
        self.stop()
        self.start()

    def connect(self, timeout: float = 10.0) -> GameConnection:
        return GameConnection(self.host, self.port, timeout=timeout)

    def __enter__(self) -> "ManagedMinetest":
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
