"""A class's place in the shared game world: its area, its players' accounts, its settings.

Rows outlive what they describe on purpose. When a class is deleted its area loses its
class (`class_id` NULL) but stays taken until the portal has cleared the land and lifted
the protection in the world; an account whose pupil is gone waits, likewise, until the
portal has removed it from the world. So a game server that is down when the teacher
deletes never leaves a stranger's account or a protected ruin behind.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db


class WorldArea(db.Model):
    """Ground (server x/z, inclusive, every height) given to one class to build its estate."""

    __tablename__ = "world_area"

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int | None] = mapped_column(
        ForeignKey("school_class.id", ondelete="SET NULL"), unique=True
    )
    key: Mapped[str] = mapped_column(String(40))  # the class's key in the game's mod
    x1: Mapped[int]
    z1: Mapped[int]
    x2: Mapped[int]
    z2: Mapped[int]
    y: Mapped[int]  # the ground layer of builds here
    height: Mapped[int] = mapped_column(default=0)  # blocks above `y` the builds reach
    world: Mapped[str | None] = mapped_column(String(255))  # server address built in
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class GameAccount(db.Model):
    """A player's name (and, for a teacher, password) in the managed world.

    A pupil's password is derived from the login card, so it is never stored; `synced_*`
    say what stands in the world, so a change reaches it and a vote trusts only what does.
    """

    __tablename__ = "game_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20), unique=True)
    pupil_id: Mapped[int | None] = mapped_column(
        ForeignKey("pupil.id", ondelete="SET NULL"), unique=True
    )
    teacher_id: Mapped[int | None] = mapped_column(
        ForeignKey("teacher.id", ondelete="SET NULL"), unique=True
    )
    password: Mapped[str | None] = mapped_column(String(32))
    synced_key: Mapped[str | None] = mapped_column(String(64))
    synced_world: Mapped[str | None] = mapped_column(String(255))


class ClassWorld(db.Model):
    """What the teacher set for the class in the game, re-applied at every update."""

    __tablename__ = "class_world"

    class_id: Mapped[int] = mapped_column(
        ForeignKey("school_class.id", ondelete="CASCADE"), primary_key=True
    )
    frozen: Mapped[bool] = mapped_column(default=False)
    muted: Mapped[bool] = mapped_column(default=False)
    plots_locked: Mapped[bool] = mapped_column(default=False)
    show_phase_text: Mapped[bool] = mapped_column(default=True)
    chat_names_unchecked: Mapped[bool] = mapped_column(default=False)
    synced_at: Mapped[datetime | None]
    sync_error: Mapped[str | None] = mapped_column(Text)
