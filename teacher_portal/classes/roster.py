"""Parse a pasted roster: one nickname per line; trimmed, de-duplicated, with clear problems."""

from dataclasses import dataclass, field

from flask_babel import gettext as _

from teacher_portal.core.names import clean_name
from teacher_portal.models import NICKNAME_MAX


@dataclass
class RosterResult:
    """Nicknames to add, and what the teacher should know about the lines that were skipped."""

    nicknames: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # the paste is rejected if any
    notes: list[str] = field(default_factory=list)  # skipped lines, told but not fatal


def parse_roster(text: str, existing: set[str] | None = None) -> RosterResult:
    """Turn pasted text into new nicknames; names compare case-insensitively, spaces collapsed."""
    taken = {name.casefold() for name in existing or set()}
    result = RosterResult()
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        nickname = clean_name(line)
        if not line.strip():
            continue
        key = nickname.casefold()
        if len(nickname) > NICKNAME_MAX:
            result.problems.append(
                _(
                    "Line %(line)d: “%(name)s” is longer than %(max)d characters. "
                    "Use a shorter nickname.",
                    line=number,
                    name=nickname[:NICKNAME_MAX] + "…",
                    max=NICKNAME_MAX,
                )
            )
        elif not any(ch.isalnum() for ch in nickname):
            result.problems.append(
                _("Line %(line)d: “%(name)s” has no letters or digits.", line=number, name=nickname)
            )
        elif key in seen:
            result.notes.append(
                _(
                    "Line %(line)d: “%(name)s” appears twice; added once.",
                    line=number,
                    name=nickname,
                )
            )
        elif key in taken:
            result.notes.append(
                _(
                    "Line %(line)d: “%(name)s” is already in the class; skipped.",
                    line=number,
                    name=nickname,
                )
            )
        else:
            seen.add(key)
            result.nicknames.append(nickname)
    return result
