"""Settings an administrator changes in the portal, for the whole school (one row)."""

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from teacher_portal.core.extensions import db


class SchoolSettings(db.Model):
    """The school's settings; a missing row or an empty column means the built-in default."""

    __tablename__ = "school_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The base of every link a pupil's device opens (QR codes, cards, the join page), e.g.
    # http://192.168.1.20:5000; empty: JAGTEN_PUBLIC_URL, the address `jagten up` found,
    # or the address in the teacher's browser.
    public_url: Mapped[str | None] = mapped_column(String(255))
