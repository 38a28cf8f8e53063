"""A real Minetest client, as a pupil runs it: Debian's `minetest` on a virtual screen (Xvfb),
joining the tests' managed world with a name and password, typing in chat with xdotool.

Used where a pupil meets the game (joining, chat, building, protection); it needs no
window manager and renders with software GL.
"""

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.real_components import require

CLIENT = Path("/usr/games/minetest")


def require_client() -> None:
    for program in (str(CLIENT), "Xvfb", "xdotool"):
        if shutil.which(program) is None:
            require(f"{program} is missing: sudo apt-get install minetest xvfb xdotool")


def _free_display() -> int:
    for number in range(90, 200):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    raise RuntimeError("no free X display")


@contextmanager
def virtual_screen() -> Iterator[str]:
    """An Xvfb display for the client; gone when the block ends."""
    display = f":{_free_display()}"
    screen = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "800x600x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
            assert screen.poll() is None, "Xvfb did not start"
            assert time.monotonic() < deadline, "Xvfb did not start in time"
            time.sleep(0.1)
        yield display
    finally:
        screen.terminate()
        screen.wait(timeout=10)


class PupilClient:
    """One running client; `home` holds its settings and debug log."""

    def __init__(self, process: subprocess.Popen, display: str, home: Path) -> None:
        self.process = process
        self.display = display
        self.home = home

    @property
    def log(self) -> str:
        """The client's log up to its last complete line (it may be writing the next)."""
        path = self.home / ".minetest" / "debug.txt"
        text = path.read_text(errors="replace") if path.exists() else ""
        return text[: text.rfind("\n") + 1]

    def _xdotool(self, *args: str) -> str:
        environment = {**os.environ, "DISPLAY": self.display}
        done = subprocess.run(
            ["xdotool", *args], env=environment, capture_output=True, text=True, timeout=20
        )
        return done.stdout.strip()

    def received_chat(self) -> list[str]:
        marker = "WITNESS chat "
        return [line.split(marker, 1)[1] for line in self.log.splitlines() if marker in line]

    def screen_texts(self) -> list[str]:
        """Texts the client shows on its screen (HUD text elements)."""
        marker = "WITNESS hud "
        return [line.split(marker, 1)[1] for line in self.log.splitlines() if marker in line]

    def position(self) -> tuple[float, float, float] | None:
        """Where the client itself last saw its player (mcpi coordinates)."""
        marker = "WITNESS pos "
        lines = [line.split(marker, 1)[1] for line in self.log.splitlines() if marker in line]
        if not lines:
            return None
        x, y, z = (float(part) for part in lines[-1].split(","))
        return x, y, z

    def window(self) -> str:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            found = self._xdotool("search", "--name", "Minetest")
            if found:
                return found.splitlines()[0]
            time.sleep(0.3)
        raise AssertionError("the Minetest window did not appear")

    def say(self, text: str) -> None:
        """Open the chat with T, type the text and press Enter, as a pupil does."""
        self._focus()
        self._xdotool("key", "t")
        time.sleep(0.8)
        self._xdotool("type", "--delay", "40", text)
        time.sleep(0.3)
        self._xdotool("key", "Return")

    def _focus(self) -> None:
        """Keys go to the focused window (synthetic events sent to a window are ignored)."""
        self._xdotool("windowfocus", "--sync", self.window())

    def walk(self, seconds: float) -> None:
        """Hold W: walk forward."""
        self._focus()
        self._xdotool("keydown", "w")
        time.sleep(seconds)
        self._xdotool("keyup", "w")
        time.sleep(0.7)  # the witness logs the position twice a second

    def hold_dig(self, seconds: float) -> None:
        """Hold the left mouse button: digs the node the player looks at."""
        self._focus()
        self._xdotool("mousemove", "400", "300")
        self._xdotool("mousedown", "1")
        time.sleep(seconds)
        self._xdotool("mouseup", "1")


WITNESS_MOD = """
-- Test instrument inside the real client: what this player receives and where it stands.
minetest.register_on_receiving_chat_message(function(message)
    minetest.log("action", "WITNESS chat " .. minetest.strip_colors(message))
end)
local elapsed = 0
minetest.register_globalstep(function(dtime)
    elapsed = elapsed + dtime
    local player = minetest.localplayer
    if elapsed < 0.5 or not player then return end
    elapsed = 0
    local pos = player:get_pos()
    minetest.log("action", string.format("WITNESS pos %.1f,%.1f,%.1f", pos.x, pos.y, -pos.z))
    for id = 0, 40 do
        local hud = player:hud_get(id)
        if hud and hud.text and hud.text:find("%S") and hud.type == "text" then
            minetest.log("action", "WITNESS hud " .. (hud.text:gsub("%c", " / ")))
        end
    end
end)
"""


def _install_witness_mod(clientmods: Path) -> None:
    """A client-side mod that logs received chat and the player's own position, so a test
    can see what reached the client (its screen cannot be read)."""
    (clientmods / "witness").mkdir(parents=True, exist_ok=True)
    (clientmods / "witness" / "init.lua").write_text(WITNESS_MOD)
    (clientmods / "witness" / "mod.conf").write_text("name = witness\n")
    (clientmods / "mods.conf").write_text("load_mod_witness = true\n")


@contextmanager
def pupil_client(tmp_path: Path, port: int, name: str, password: str) -> Iterator[PupilClient]:
    """Start a client that joins 127.0.0.1:`port` as `name`; stopped when the block ends."""
    require_client()
    home = tmp_path / f"client-{name}"
    (home / ".minetest").mkdir(parents=True, exist_ok=True)
    (home / ".minetest" / "minetest.conf").write_text(
        "enable_sound = false\nviewing_range = 40\nscreen_w = 800\nscreen_h = 600\n"
        "enable_client_modding = true\ndebug_log_level = action\n"
    )
    _install_witness_mod(home / ".minetest" / "clientmods")
    with virtual_screen() as display:
        environment = {**os.environ, "DISPLAY": display, "HOME": str(home)}
        command = [
            str(CLIENT), "--go", "--address", "127.0.0.1", "--port", str(port),
            "--name", name, "--password", password,
        ]  # fmt: skip
        process = subprocess.Popen(
            command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            yield PupilClient(process, display, home)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def wait_for(condition, timeout: float = 30.0, step: float = 0.3) -> bool:
    """Poll `condition()` until it is true or the time is up; whether it became true."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return bool(condition())
