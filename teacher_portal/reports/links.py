"""Share links for politicians and the answers they write through them.

A link is a random 192-bit token in the address (like a login card, it is the key): it
opens one class's report, read-only, until the teacher revokes it or it expires. Through it
a politician may write one short answer; the teacher reads it first, and pupils see it, and
the report prints it, only once the teacher shows it to the class.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db
from teacher_portal.models import ReportAnswer, ReportLink, SchoolClass

DEFAULT_DAYS = 60
MAX_DAYS = 365


def new_link_token() -> str:
    return secrets.token_urlsafe(24)


def create_link(
    school_class: SchoolClass, recipient: str, role: str, note: str, days: int
) -> ReportLink:
    link = ReportLink(
        class_id=school_class.id,
        token=new_link_token(),
        recipient=recipient.strip(),
        recipient_role=role.strip(),
        note=note.strip(),
        expires_at=utcnow() + timedelta(days=days),
    )
    db.session.add(link)
    db.session.commit()
    return link


def revoke(link: ReportLink) -> None:
    link.revoked_at = link.revoked_at or utcnow()
    db.session.commit()


class LinkState(Enum):
    OPEN = "open"
    UNKNOWN = "unknown"  # no such token, or revoked: the same to whoever holds it
    EXPIRED = "expired"


@dataclass(frozen=True)
class Opened:
    state: LinkState
    link: ReportLink | None = None


def open_link(token: str) -> Opened:
    """The link of a token if it still opens the report."""
    link = db.session.scalar(select(ReportLink).where(ReportLink.token == token))
    if link is None or link.revoked_at is not None:
        return Opened(LinkState.UNKNOWN)
    if not link.is_open(utcnow()):
        return Opened(LinkState.EXPIRED)
    return Opened(LinkState.OPEN, link)


def class_links(school_class: SchoolClass) -> list[ReportLink]:
    return list(
        db.session.scalars(
            select(ReportLink)
            .where(ReportLink.class_id == school_class.id)
            .order_by(ReportLink.created_at.desc(), ReportLink.id.desc())
        )
    )


def answer(link: ReportLink, name: str, role: str, text: str) -> ReportAnswer | None:
    """Store the link's one answer; None if it already has one (also when two arrive at
    once: the database keeps one answer per link)."""
    if link.answer is not None:
        return None
    stored = ReportAnswer(link_id=link.id, name=name.strip(), role=role.strip(), text=text.strip())
    db.session.add(stored)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return None
    return stored


def show(answer_row: ReportAnswer, shown: bool) -> None:
    answer_row.shown_at = (answer_row.shown_at or utcnow()) if shown else None
    db.session.commit()


def class_answers(school_class: SchoolClass, *, shown_only: bool) -> list[ReportAnswer]:
    query = (
        select(ReportAnswer)
        .join(ReportLink)
        .where(ReportLink.class_id == school_class.id)
        .order_by(ReportAnswer.created_at)
    )
    if shown_only:
        query = query.where(ReportAnswer.shown_at.is_not(None))
    return list(db.session.scalars(query))


def shown_answers_key(school_class: SchoolClass) -> str:
    """Changes when an answer is shown to or hidden from the class (the pupil page's live
    key, `core.panels.add_now_source`)."""
    return ",".join(str(row.id) for row in class_answers(school_class, shown_only=True))
