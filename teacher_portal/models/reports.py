"""The class's report to the municipality: its settings, the groups' messages, the share
links a politician reads it through, and the politicians' answers.

A share link's token is a secret like a login card's: it opens one class's report and
nothing else, until it is revoked or expires.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db

PROBLEM_MAX = 1000
PROPOSAL_MAX = 1000
ASK_MAX = 200  # an ask becomes a ballot option when the class ranks the asks
ANSWER_MAX = 1500
REPORT_LANGUAGES = ("da", "en")


class ClassReport(db.Model):
    """How the class's report reads: which lessons, the words on its cover, its language,
    and whether pupils' nicknames appear at all (by default they do not)."""

    __tablename__ = "class_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(
        ForeignKey("school_class.id", ondelete="CASCADE"), unique=True
    )
    lesson_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("lesson_run.id", ondelete="SET NULL")
    )  # None: the whole course
    title: Mapped[str] = mapped_column(String(160), default="")
    school: Mapped[str] = mapped_column(String(160), default="")
    class_label: Mapped[str] = mapped_column(String(100), default="")
    date_text: Mapped[str] = mapped_column(String(60), default="")
    language: Mapped[str] = mapped_column(String(5), default="da")
    show_nicknames: Mapped[bool] = mapped_column(default=False)


class ClassMessage(db.Model):
    """One group's message to the municipality, written on phones during a lesson.

    `version` counts saves, so a pupil saving over a group mate's newer text is told so
    instead of overwriting it.
    """

    __tablename__ = "class_message"
    __table_args__ = (UniqueConstraint("lesson_run_id", "group_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(
        ForeignKey("school_class.id", ondelete="CASCADE"), index=True
    )
    lesson_run_id: Mapped[int] = mapped_column(ForeignKey("lesson_run.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(ForeignKey("pupil_group.id", ondelete="CASCADE"))
    problem: Mapped[str] = mapped_column(Text, default="")
    proposal: Mapped[str] = mapped_column(Text, default="")
    ask: Mapped[str] = mapped_column(String(ASK_MAX), default="")
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    group: Mapped["Group"] = relationship()  # noqa: F821


class ReportLink(db.Model):
    """A read-only link to the class's report for one politician or committee."""

    __tablename__ = "report_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(
        ForeignKey("school_class.id", ondelete="CASCADE"), index=True
    )
    token: Mapped[str] = mapped_column(String(64), unique=True)
    recipient: Mapped[str] = mapped_column(String(120))
    recipient_role: Mapped[str] = mapped_column(String(160), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]

    answer: Mapped["ReportAnswer | None"] = relationship(
        back_populates="link", passive_deletes=True, uselist=False
    )

    def is_open(self, now: datetime) -> bool:
        return self.revoked_at is None and now < self.expires_at


class ReportAnswer(db.Model):
    """The one short answer a link allows; pupils see it once the teacher shows it."""

    __tablename__ = "report_answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    link_id: Mapped[int] = mapped_column(
        ForeignKey("report_link.id", ondelete="CASCADE"), unique=True
    )
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(160))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    shown_at: Mapped[datetime | None]

    link: Mapped[ReportLink] = relationship(back_populates="answer")
