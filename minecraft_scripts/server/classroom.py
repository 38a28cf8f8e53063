"""A class's world on the managed Minetest: accounts, protection and classroom control.

The toolkit's own mod (`minetest_mod/classroom.lua`) keeps the class's players, protected
areas and plots, and the class's state (frozen, muted, the phase's text); this module is the
one Python side of it. Only the managed world has the mod: other servers (RaspberryJuice)
answer these commands with nothing, so the portal offers them only for the managed world.

Coordinates are the server's mcpi coordinates, as for building.

Classes share a world: a `Classroom` made with a class key (its area's id) steers only that
class's pupils (freeze, mute, text, locked plots, messages) and gives its pupils' accounts
that class; one made without steers every pupil in the world.
"""

from collections.abc import Iterable
from typing import Literal

from minecraft_scripts.game_text import is_player_name, safe_argument, safe_chat_text
from minecraft_scripts.server.connection import GameConnection
from worlds.geometry import Rect

Role = Literal["pupil", "teacher"]

PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
"""Game passwords are typed by children from a card: no look-alike letters, no commas or
parentheses that the protocol would split on."""


def _corners(ground: Rect) -> tuple[int, int, int, int]:
    """Ground in world x/z, inclusive, as the mod takes it; it protects every height."""
    return ground.x1, ground.z1, ground.x2, ground.z2


class ClassroomError(ValueError):
    """A name, id or password the mod would not store safely."""


def _checked_name(name: str) -> str:
    if not is_player_name(name):
        raise ClassroomError(f"{name!r} is not a game name (letters, digits and _, 1–16)")
    return name


def _checked_id(identifier: str) -> str:
    if not identifier or any(char in identifier for char in ",()\n\r ") or len(identifier) > 80:
        raise ClassroomError(f"{identifier!r} is not an area id")
    return identifier


def _checked_class(key: str) -> str:
    if "/" in key:
        raise ClassroomError(f"{key!r} is not a class key (no '/': plot ids use it)")
    return _checked_id(key)


def _checked_password(password: str) -> str:
    if not 4 <= len(password) <= 32 or any(c not in PASSWORD_ALPHABET + "-" for c in password):
        raise ClassroomError("a game password uses 4–32 of the card alphabet's letters")
    return password


class Classroom:
    """Steer the managed world's class features over an open connection."""

    def __init__(self, connection: GameConnection, class_key: str | None = None) -> None:
        self._conn = connection
        self._class = _checked_class(class_key) if class_key is not None else None
        self._scope = (self._class,) if self._class is not None else ()

    def _ask(self, command: str, *args: object) -> str:
        return self._conn.query(f"world.jagten.{command}", *args)

    # -- who may join ---------------------------------------------------------------

    def set_account(self, name: str, password: str, role: Role = "pupil") -> None:
        """Create the player's account, or change its password and role."""
        scope = self._scope if role == "pupil" else ()
        self._ask("account", _checked_name(name), _checked_password(password), role, *scope)

    def remove_account(self, name: str) -> None:
        """The player can no longer join; if they are in the game, they are sent out."""
        self._ask("removeAccount", _checked_name(name))

    def close_joining(self, closed: bool = True) -> None:
        """While closed, only players with an account get in (others read why, in Danish)."""
        self._ask("closed", int(closed))

    # -- what players may change ----------------------------------------------------

    def protect_area(self, area_id: str, ground: Rect) -> None:
        """Nobody but the teacher can dig or place inside the area (the estate)."""
        self._ask("area", _checked_id(area_id), *_corners(ground))

    def set_plot(self, plot_id: str, ground: Rect, members: Iterable[str]) -> None:
        """Only `members` (and the teacher) can build in the plot, unless plots are locked.
        A plot id under an area's id (`area/plot`) is forgotten with the area."""
        names = [_checked_name(name) for name in members]
        self._ask("plot", _checked_id(plot_id), *_corners(ground), *names)

    def forget_area(self, area_id: str) -> None:
        """Drop an area's protection and every plot under it (a class deleted)."""
        self._ask("forget", _checked_id(area_id))

    def lock_plots(self, locked: bool = True) -> None:
        """Nobody but the teacher builds in the plots (of this class, or all)."""
        self._ask("lockPlots", int(locked), *self._scope)

    def can_build(self, name: str, x: int, y: int, z: int) -> bool:
        """What the engine's protection answers for this player at this node."""
        return self._ask("canBuild", x, y, z, _checked_name(name)) == "1"

    # -- the lesson -----------------------------------------------------------------

    def freeze(self, frozen: bool = True) -> None:
        """Pupils cannot move, fly or build, and read "Stop! Lyt til din lærer."."""
        self._ask("freeze", int(frozen), *self._scope)

    def mute(self, muted: bool = True) -> None:
        """Pupils cannot chat; the teacher still can."""
        self._ask("mute", int(muted), *self._scope)

    def show_text(self, text: str) -> None:
        """Text shown on the pupils' screens (the phase's task); empty removes it."""
        if self._class is None:
            self._ask("text", safe_argument(text, 600))
        else:
            self._ask("classText", self._class, safe_argument(text, 600))

    def message(self, text: str) -> None:
        """A chat line to everyone (to the class's pupils and the teachers), marked as the
        teacher's."""
        if self._class is None:
            self._ask("message", safe_chat_text(text))
        else:
            self._ask("classMessage", self._class, safe_chat_text(text))

    def bring(self, x: float, y: float, z: float, names: Iterable[str] = ()) -> int:
        """Move the named players (default: every pupil) to a point; how many moved."""
        checked = [_checked_name(name) for name in names]
        return int(self._ask("bring", x, y, z, *checked) or 0)

    def where(self, name: str) -> tuple[float, float, float] | None:
        """A player's position, or None when they are not in the game."""
        reply = self._ask("where", _checked_name(name))
        if not reply:
            return None
        x, y, z = (float(part) for part in reply.split(","))
        return x, y, z

    def online(self) -> list[str]:
        reply = self._ask("online")
        return reply.split(",") if reply else []
