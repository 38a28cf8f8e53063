"""Which game server a class builds on, and a quick check that it answers."""

from dataclasses import dataclass

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from minecraft_scripts.server.connection import GameConnection, GameConnectionError
from teacher_portal.core.addresses import is_loopback
from teacher_portal.core.extensions import db
from teacher_portal.models import GameServer, SchoolClass

CONNECTION_TEST_TIMEOUT = 5.0


def school_default() -> GameServer:
    """The school-wide setting, or the built-in one (the managed Minetest world on this machine)."""
    stored = db.session.scalar(select(GameServer).where(GameServer.class_id.is_(None)))
    if stored is not None:
        return stored
    config = current_app.config
    return GameServer(kind=config["GAME_KIND"], host=config["GAME_HOST"], port=config["GAME_PORT"])


def is_managed(server: GameServer) -> bool:
    """The toolkit's own Minetest world, with its mod: accounts, protection, class control.
    ("Minetest" in the settings means that world; any other server is RaspberryJuice's.)"""
    return server.kind == "minetest"


def server_for(school_class: SchoolClass) -> GameServer:
    own = db.session.scalar(select(GameServer).where(GameServer.class_id == school_class.id))
    return own if own is not None else school_default()


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    message: str


def check_connection(server: GameServer) -> ConnectionCheck:
    """Connect and ask for a block: proves the API port answers and speaks mcpi."""
    try:
        with GameConnection(server.host, server.port, timeout=CONNECTION_TEST_TIMEOUT) as conn:
            conn.get_block(0, 0, 0)
    except GameConnectionError as error:
        return ConnectionCheck(False, str(error))
    except OSError as error:
        return ConnectionCheck(False, f"{server.address}: {error}")
    return ConnectionCheck(
        True, _("The game server at %(address)s answers.", address=server.address)
    )


@dataclass(frozen=True)
class JoinAddress:
    """What pupils type in their game client: Minetest asks for the address and the port in
    two fields, so they are shown apart; `str()` gives both as `host:port`."""

    host: str
    port: int | None = None

    def __str__(self) -> str:
        return f"{self.host}:{self.port}" if self.port else self.host


def join_address(server: GameServer, public_host: str) -> JoinAddress:
    """The game's address for pupils; the API port is not the game port. A server on this
    machine is reached at the address pupils' devices use for the portal."""
    if server.join_address:
        host, _, port = server.join_address.rpartition(":")
        if host and port.isdigit():
            return JoinAddress(host, int(port))
        return JoinAddress(server.join_address)
    host = public_host if is_loopback(server.host) else server.host
    if server.kind == "minetest":
        return JoinAddress(host, current_app.config["MINETEST_JOIN_PORT"])
    return JoinAddress(host)
