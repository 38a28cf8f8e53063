"""A class, its pupils (nicknames only), and the groups and households pupils belong to."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db

NICKNAME_MAX = 40


class SchoolClass(db.Model):
    """A teacher's class; everything children-related hangs off it and goes when it is deleted."""

    __tablename__ = "school_class"

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(
        ForeignKey("teacher.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    grade: Mapped[int]
    school_year: Mapped[str] = mapped_column(String(20))
    class_code: Mapped[str] = mapped_column(String(12), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    teacher: Mapped["Teacher"] = relationship()  # noqa: F821
    pupils: Mapped[list["Pupil"]] = relationship(
        back_populates="school_class",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Pupil.nickname",
    )
    groups: Mapped[list["Group"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Group.name"
    )
    households: Mapped[list["Household"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Household.name"
    )


class Group(db.Model):
    """A working group of pupils, e.g. the ones who design one plot."""

    __tablename__ = "pupil_group"
    __table_args__ = (UniqueConstraint("class_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("school_class.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(60))


class Household(db.Model):
    """A pretend household; a department meeting gives each household two votes."""

    __tablename__ = "household"
    __table_args__ = (UniqueConstraint("class_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("school_class.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(60))


class Pupil(db.Model):
    """A pupil known only by a nickname; signs in with a card token or the class code."""

    __tablename__ = "pupil"
    __table_args__ = (UniqueConstraint("class_id", "nickname"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(
        ForeignKey("school_class.id", ondelete="CASCADE"), index=True
    )
    nickname: Mapped[str] = mapped_column(String(NICKNAME_MAX))
    minecraft_name: Mapped[str | None] = mapped_column(String(40))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("pupil_group.id", ondelete="SET NULL"))
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("household.id", ondelete="SET NULL")
    )
    card_token: Mapped[str | None] = mapped_column(String(64), unique=True)
    session_version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    school_class: Mapped[SchoolClass] = relationship(back_populates="pupils")
    group: Mapped[Group | None] = relationship()
    household: Mapped[Household | None] = relationship()
