"""The groups' side of the loop: which group builds in which plot, what the group says about
its proposal, and the captures of what stood in a plot (the proposal's picture and blocks)."""

import zlib
from datetime import datetime

import numpy as np
from sqlalchemy import ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db

TITLE_MAX = 60
ARGUMENT_MAX = 280
"""Each of what, for whom and why: about two sentences on a phone."""


class PlotAssignment(db.Model):
    """A group builds in this plot of the class's estate: one group per plot, one plot per group."""

    __tablename__ = "plot_assignment"
    __table_args__ = (
        UniqueConstraint("class_id", "estate_id", "plot_id"),
        UniqueConstraint("class_id", "estate_id", "group_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(
        ForeignKey("school_class.id", ondelete="CASCADE"), index=True
    )
    estate_id: Mapped[str] = mapped_column(String(100))
    plot_id: Mapped[str] = mapped_column(String(100))
    group_id: Mapped[int] = mapped_column(ForeignKey("pupil_group.id", ondelete="CASCADE"))

    group: Mapped["Group"] = relationship()  # noqa: F821


class Proposal(db.Model):
    """What a group writes about its build: a title and a short argument."""

    __tablename__ = "proposal"
    __table_args__ = (UniqueConstraint("class_id", "estate_id", "group_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(
        ForeignKey("school_class.id", ondelete="CASCADE"), index=True
    )
    estate_id: Mapped[str] = mapped_column(String(100))
    group_id: Mapped[int] = mapped_column(ForeignKey("pupil_group.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(TITLE_MAX), default="")
    what: Mapped[str] = mapped_column(Text, default="")
    for_whom: Mapped[str] = mapped_column(Text, default="")
    why: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class PlotCapture(db.Model):
    """What stood in a plot when the teacher captured it: one block key (`id * 16 + data`)
    per voxel, compressed. Never changed: a decision keeps the capture it was made from."""

    __tablename__ = "plot_capture"

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(
        ForeignKey("school_class.id", ondelete="CASCADE"), index=True
    )
    estate_id: Mapped[str] = mapped_column(String(100))
    plot_id: Mapped[str] = mapped_column(String(100))
    edition: Mapped[str] = mapped_column(String(10))
    size_x: Mapped[int]
    size_y: Mapped[int]
    size_z: Mapped[int]
    keys_data: Mapped[bytes] = mapped_column(LargeBinary)
    block_count: Mapped[int]
    build_job_id: Mapped[int | None] = mapped_column(
        ForeignKey("build_job.id", ondelete="SET NULL")
    )
    captured_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def keys(self) -> np.ndarray:
        flat = np.frombuffer(zlib.decompress(self.keys_data), dtype="<i4")
        return flat.reshape(self.size_x, self.size_y, self.size_z).astype(np.int32)

    @keys.setter
    def keys(self, keys: np.ndarray) -> None:
        self.size_x, self.size_y, self.size_z = (int(n) for n in keys.shape)
        self.keys_data = zlib.compress(np.ascontiguousarray(keys, dtype="<i4").tobytes())
        self.block_count = int(np.count_nonzero(keys))

    @property
    def is_empty(self) -> bool:
        return self.block_count == 0
