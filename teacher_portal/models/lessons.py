"""A lesson being taught to a class, and the background jobs that build in the game for it."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db

JOB_STATES = ("queued", "running", "done", "failed")
JOB_KINDS = ("build", "capture")
"""A job builds the class's estate, or captures what the groups built in their plots."""


class LessonRun(db.Model):
    """One lesson from `lessons/` taught to one class; `phase_index` is where the class is now."""

    __tablename__ = "lesson_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(
        ForeignKey("school_class.id", ondelete="CASCADE"), index=True
    )
    lesson_id: Mapped[str] = mapped_column(String(100))
    phase_index: Mapped[int] = mapped_column(default=0)
    phase_started_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]

    school_class: Mapped["SchoolClass"] = relationship()  # noqa: F821

    @property
    def is_active(self) -> bool:
        return self.finished_at is None


class BuildJob(db.Model):
    """Work in the game (a build, a capture, ...) run by a background worker; the row is the
    only state pages read, in any process. `kind` names the registered work
    (`game.jobs.register_work`); `attempts` counts starts (a job whose worker died is run again)."""

    __tablename__ = "build_job"

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(
        ForeignKey("school_class.id", ondelete="CASCADE"), index=True
    )
    lesson_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("lesson_run.id", ondelete="SET NULL")
    )
    kind: Mapped[str] = mapped_column(String(20), default="build")
    estate_id: Mapped[str] = mapped_column(String(100))
    variants: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    plots: Mapped[list[str]] = mapped_column(JSON, default=list)
    sites: Mapped[list[str]] = mapped_column(JSON, default=list)
    origin_x: Mapped[int]
    origin_y: Mapped[int]
    origin_z: Mapped[int]
    state: Mapped[str] = mapped_column(String(20), default="queued")
    done: Mapped[int] = mapped_column(default=0)
    total: Mapped[int] = mapped_column(default=0)
    error: Mapped[str | None] = mapped_column(Text)
    verified: Mapped[bool | None]
    mismatches: Mapped[int | None]
    # what the check covered ("blocks", "sign text", "node metadata", "saved"): a server
    # without our mod checks blocks only, and the page says so
    covers: Mapped[list[str]] = mapped_column(JSON, default=list)
    attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]

    @property
    def percent(self) -> int:
        if self.state == "done":
            return 100
        return int(100 * self.done / self.total) if self.total else 0
