"""Read a pasted class list: one pupil per line, with up to four columns separated by `;` or
a tab (what a spreadsheet copies): nickname, group, household, game name.

    Ali; Gruppe 1; Nr. 1; ali_mc
    Bo<TAB>Gruppe 1<TAB>Nr. 2

Every line becomes a row to preview, or a problem that names the line and says what to do:
a line that cannot be read is never guessed into a nickname.
"""

import re
from dataclasses import dataclass, field, replace

from flask_babel import gettext as _

from teacher_portal.core.names import clean_name
from teacher_portal.models import NICKNAME_MAX

TEAM_NAME_MAX = 60
COLUMNS = 4
SEPARATORS = re.compile(r"[\t;]")
EMPTY_CELLS = {"", "-", "–", "—"}
HEADER_WORDS = {"navn", "kaldenavn", "elev", "name", "nickname", "pupil"}
# Minetest's rule for player names (letters, digits, - and _; at most 20); Minecraft Java's
# names (3–16 of letters, digits and _) fit it too.
GAME_NAME = re.compile(r"[A-Za-z0-9_-]{1,20}")


@dataclass(frozen=True)
class RosterRow:
    """One pupil from the paste; `existing` pupils keep their card and get the new columns."""

    line: int
    nickname: str
    group: str | None = None
    household: str | None = None
    game_name: str | None = None
    existing: bool = False


@dataclass
class Roster:
    """What a paste would do; nothing is saved while there are `problems`."""

    rows: list[RosterRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def new_pupils(self) -> list[RosterRow]:
        return [row for row in self.rows if not row.existing]

    @property
    def changed_pupils(self) -> list[RosterRow]:
        return [row for row in self.rows if row.existing]

    def team_names(self, kind: str) -> list[str]:
        """The groups (or households) the paste names, once each, in first-seen order."""
        names = (getattr(row, kind) for row in self.rows)
        return list(dict.fromkeys(name for name in names if name))


def parse_roster(text: str, existing: set[str] | None = None) -> Roster:
    """Turn pasted text into rows; names compare case-insensitively, spaces collapsed."""
    taken = {name.casefold(): name for name in existing or set()}
    roster = Roster()
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if lines and _is_header(lines[0][1]):
        number = lines.pop(0)[0]
        roster.notes.append(_("Line %(line)d looks like column headings; skipped.", line=number))
    seen: set[str] = set()
    for number, line in lines:
        cells = _cells(line)
        problem = _problem(number, line, cells)
        if problem:
            roster.problems.append(problem)
            continue
        row = RosterRow(number, *cells, *[None] * (COLUMNS - len(cells)))
        key = row.nickname.casefold()
        if key in seen:
            roster.notes.append(_twice(row))
        elif key in taken and not (row.group or row.household or row.game_name):
            roster.notes.append(_already_there(row))
        else:
            seen.add(key)
            known = key in taken
            roster.rows.append(replace(row, nickname=taken.get(key, row.nickname), existing=known))
    return roster


def _twice(row: RosterRow) -> str:
    return _(
        "Line %(line)d: “%(name)s” appears twice; added once.", line=row.line, name=row.nickname
    )


def _already_there(row: RosterRow) -> str:
    return _(
        "Line %(line)d: “%(name)s” is already in the class; skipped.",
        line=row.line,
        name=row.nickname,
    )


def _cells(line: str) -> list[str | None]:
    """The line's columns, cleaned as every stored name is (spaces collapsed, control
    characters gone); empty cells (or a dash) are None."""
    raw = SEPARATORS.split(line)
    while len(raw) > 1 and not raw[-1].strip():  # a spreadsheet's trailing empty columns
        raw.pop()
    cells = [clean_name(cell) for cell in raw]
    return [None if cell in EMPTY_CELLS else cell for cell in cells]


def _is_header(line: str) -> bool:
    first = (_cells(line)[0] or "").casefold().rstrip(":")
    return first in HEADER_WORDS


def _problem(number: int, line: str, cells: list[str | None]) -> str | None:
    """Why the line cannot be read, in words that say what to change; None if it can."""
    shown = " ".join(line.split())
    nickname = cells[0]
    if len(cells) > COLUMNS:
        return _(
            "Line %(line)d: “%(text)s” has %(count)d columns. Use at most four: "
            "nickname; group; household; game name.",
            line=number,
            text=shown,
            count=len(cells),
        )
    if len(cells) == 1 and nickname and "," in nickname:
        return _(
            "Line %(line)d: “%(text)s” has a comma. Write one pupil per line, and separate "
            "the columns with ; or a tab.",
            line=number,
            text=shown,
        )
    if not nickname:
        return _("Line %(line)d: “%(text)s” has no nickname first.", line=number, text=shown)
    if len(nickname) > NICKNAME_MAX:
        return _(
            "Line %(line)d: “%(name)s” is longer than %(max)d characters. Use a shorter nickname.",
            line=number,
            name=nickname[:NICKNAME_MAX] + "…",
            max=NICKNAME_MAX,
        )
    if not any(ch.isalnum() for ch in nickname):
        return _("Line %(line)d: “%(name)s” has no letters or digits.", line=number, name=nickname)
    for team in cells[1:3]:
        if team and len(team) > TEAM_NAME_MAX:
            return _(
                "Line %(line)d: “%(name)s” is longer than %(max)d characters. "
                "Use a shorter name for the group or household.",
                line=number,
                name=team[:TEAM_NAME_MAX] + "…",
                max=TEAM_NAME_MAX,
            )
    game_name = cells[3] if len(cells) == COLUMNS else None
    if game_name and not GAME_NAME.fullmatch(game_name):
        return _(
            "Line %(line)d: “%(name)s” cannot be a game name. Use at most 20 letters, "
            "digits, - or _, without spaces.",
            line=number,
            name=game_name,
        )
    return None
