"""The teacher's wish that a vote listens to the game chat, and what the listener answered.

The row is the wish (any web process writes it, any worker reads it); which worker listens
is decided by a database lock, not stored here. `holder` and `answers` are for the page.
"""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db


class ChatListener(db.Model):
    __tablename__ = "chat_listener"

    task_id: Mapped[int] = mapped_column(
        ForeignKey("voting_task.id", ondelete="CASCADE"), primary_key=True
    )
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    holder: Mapped[str | None] = mapped_column(String(200))
    answers: Mapped[list[str]] = mapped_column(JSON, default=list)
