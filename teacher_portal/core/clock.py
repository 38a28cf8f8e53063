"""One notion of 'now' for the database: naive UTC, which SQLite and PostgreSQL store alike."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    """The current time in UTC without tzinfo (SQLite would drop it anyway)."""
    return datetime.now(UTC).replace(tzinfo=None)


def current_school_year() -> str:
    """Danish school years start in August: "2026/27" from August 2026 to July 2027."""
    today = utcnow()
    start = today.year if today.month >= 8 else today.year - 1
    return f"{start}/{(start + 1) % 100:02d}"
