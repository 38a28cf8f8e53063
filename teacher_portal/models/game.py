"""Where a class builds: the managed Minetest world, or a Minecraft server with RaspberryJuice."""

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from minecraft_scripts.server import game_kinds
from minecraft_scripts.server.ports import MCPI_PORT
from teacher_portal.core.extensions import db

GAME_KINDS = tuple(game_kinds.GAME_KINDS)
"""The kinds a class's server can be: those whose world limits the toolkit knows."""


class GameServer(db.Model):
    """Game server settings; `class_id` NULL is the school-wide default every class inherits."""

    __tablename__ = "game_server"

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int | None] = mapped_column(
        ForeignKey("school_class.id", ondelete="CASCADE"), unique=True
    )
    kind: Mapped[str] = mapped_column(String(20), default="minetest")
    host: Mapped[str] = mapped_column(String(255), default="127.0.0.1")
    port: Mapped[int] = mapped_column(default=MCPI_PORT)
    join_address: Mapped[str | None] = mapped_column(String(255))

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"
