"""Voting tasks, the ballots cast in them, and the roll of who has voted.

Secrecy is a property of the tables, not of the code reading them: a secret ballot row has
no pupil reference, no timestamp and a random key, and both ballot tables are SQLite
`WITHOUT ROWID` tables, so neither a rowid nor the physical order of rows tells in which
order ballots arrived; the roll (who voted) cannot be joined to the ballots (what).
"""

import secrets
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lessons.vote_methods import RANKED_BALLOT_METHODS, DecisionKind, VoteMethod
from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db

TASK_STATES = ("draft", "open", "closed")
WEIGHT_RULES = ("per_pupil", "per_household")
CHANNELS = ("web", "chat")


def new_seed() -> int:
    """The lot's seed, drawn when the task is made and shown with the result."""
    return secrets.randbits(31)


def new_ballot_key() -> str:
    """A random key: it orders ballots by chance, never by arrival."""
    return uuid.uuid4().hex


class VotingTask(db.Model):
    """One question put to a class, with the rules it is counted by.

    `options` is a list of `{"key": "1", "label": ..., "variant": None | variant id}`; an
    option on the groups' proposals also has `plot`, `capture` (its picture and blocks),
    `group` and `argument`. Keys are the numbers pupils type in chat (`!stem 2`). `result` is
    the count stored once when the task closes. `lesson_phase` is the phase of the lesson
    run the task was made from, so the lesson page can show it.
    """

    __tablename__ = "voting_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(
        ForeignKey("school_class.id", ondelete="CASCADE"), index=True
    )
    lesson_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("lesson_run.id", ondelete="SET NULL")
    )
    lesson_phase: Mapped[int | None]
    question: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    options: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    estate_id: Mapped[str | None] = mapped_column(String(100))
    site_id: Mapped[str | None] = mapped_column(String(100))
    method: Mapped[str] = mapped_column(String(20), default=VoteMethod.PLURALITY.value)
    seats: Mapped[int] = mapped_column(default=1)
    decision: Mapped[str] = mapped_column(
        String(20), default=DecisionKind.CHOICE.value, server_default=DecisionKind.CHOICE.value
    )
    weights: Mapped[str] = mapped_column(String(20), default="per_pupil")
    quorum_percent: Mapped[int] = mapped_column(default=0)
    majority_percent: Mapped[int | None]
    secret: Mapped[bool] = mapped_column(default=True)
    allow_change: Mapped[bool] = mapped_column(default=False)
    show_results: Mapped[bool] = mapped_column(default=False)
    compare: Mapped[list[str]] = mapped_column(JSON, default=list)
    state: Mapped[str] = mapped_column(String(10), default="draft")
    seed: Mapped[int] = mapped_column(default=new_seed)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    build_job_id: Mapped[int | None] = mapped_column(
        ForeignKey("build_job.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    opened_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]

    @property
    def ranks(self) -> bool:
        """Ballots list options in order of preference (tap-to-rank)."""
        return self.method in RANKED_BALLOT_METHODS

    @property
    def marks(self) -> bool:
        """Ballots tick several options (approval; bloc up to `seats`)."""
        return self.method in (VoteMethod.APPROVAL, VoteMethod.BLOC)

    @property
    def builds(self) -> bool:
        """The winner is built into an estate site: a variant of it, or a group's build."""
        return bool(self.estate_id and self.site_id)

    @property
    def on_plots(self) -> bool:
        """The options are the groups' proposals built in their plots."""
        return any(option.get("plot") for option in self.options)

    def label_of(self, key: str) -> str:
        return next((o["label"] for o in self.options if o["key"] == key), key)


class CastBallot(db.Model):
    """What was voted. Secret ballots: no pupil, no time, random key, no rowid.

    `household_id` is kept only under the household rule, which must know whose two votes
    a ballot shares (a department meeting's household voting slip).
    """

    __tablename__ = "vote_ballot"
    __table_args__ = (
        UniqueConstraint("task_id", "pupil_id"),
        {"sqlite_with_rowid": False},
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_ballot_key)
    task_id: Mapped[int] = mapped_column(
        ForeignKey("voting_task.id", ondelete="CASCADE"), index=True
    )
    pupil_id: Mapped[int | None] = mapped_column(ForeignKey("pupil.id", ondelete="CASCADE"))
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("household.id", ondelete="SET NULL")
    )
    ranking: Mapped[list[str]] = mapped_column(JSON, default=list)


class VoterRoll(db.Model):
    """Who has voted: the row that makes a second ballot impossible (its primary key)."""

    __tablename__ = "voter_roll"
    __table_args__ = ({"sqlite_with_rowid": False},)

    task_id: Mapped[int] = mapped_column(
        ForeignKey("voting_task.id", ondelete="CASCADE"), primary_key=True
    )
    pupil_id: Mapped[int] = mapped_column(
        ForeignKey("pupil.id", ondelete="CASCADE"), primary_key=True
    )
    channel: Mapped[str] = mapped_column(String(10), default="web")
