"""A class's estate as a state: where it stands in the world and what the class decided.

Every build of the class builds this state, so a decision stands until the teacher undoes it.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db


class ClassEstate(db.Model):
    """One estate of a class: its place in the world and the variants the lessons asked for
    where the class has decided nothing (`base_variants`)."""

    __tablename__ = "class_estate"
    __table_args__ = (UniqueConstraint("class_id", "estate_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(
        ForeignKey("school_class.id", ondelete="CASCADE"), index=True
    )
    estate_id: Mapped[str] = mapped_column(String(100))
    origin_x: Mapped[int]
    origin_y: Mapped[int]
    origin_z: Mapped[int]
    base_variants: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    built_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    decisions: Mapped[list["EstateDecision"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="EstateDecision.id"
    )

    @property
    def origin(self) -> tuple[int, int, int]:
        return self.origin_x, self.origin_y, self.origin_z


class EstateDecision(db.Model):
    """What the class decided for one site: a variant, or a group's captured build; with the
    vote that decided it. An undone decision stays in the history with `undone_at`."""

    __tablename__ = "estate_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    class_estate_id: Mapped[int] = mapped_column(
        ForeignKey("class_estate.id", ondelete="CASCADE"), index=True
    )
    site_id: Mapped[str] = mapped_column(String(100))
    variant_id: Mapped[str | None] = mapped_column(String(100))
    capture_id: Mapped[int | None] = mapped_column(ForeignKey("plot_capture.id"))
    anchor: Mapped[str] = mapped_column(String(10), default="centre")
    label: Mapped[str] = mapped_column(String(200))
    voting_task_id: Mapped[int | None] = mapped_column(
        ForeignKey("voting_task.id", ondelete="SET NULL")
    )
    question: Mapped[str] = mapped_column(String(200), default="")
    build_job_id: Mapped[int | None] = mapped_column(
        ForeignKey("build_job.id", ondelete="SET NULL")
    )
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)
    undone_at: Mapped[datetime | None]

    @property
    def stands(self) -> bool:
        return self.undone_at is None
