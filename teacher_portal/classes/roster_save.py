"""Save a previewed class list: new pupils with a login card each, and the group, household
and game name of pupils already in the class; groups and households the list names are
made. One commit, so a paste is saved whole or not at all."""

from dataclasses import dataclass

from teacher_portal.classes.roster import Roster, RosterRow
from teacher_portal.classes.teams import team_named
from teacher_portal.core.codes import new_token
from teacher_portal.core.extensions import db
from teacher_portal.models import Group, Household, Pupil, SchoolClass


@dataclass(frozen=True)
class SavedRoster:
    added: int
    updated: int


def save_roster(school_class: SchoolClass, roster: Roster) -> SavedRoster:
    if roster.problems:
        raise ValueError("a roster with problems is not saved")
    by_nickname = {pupil.nickname.casefold(): pupil for pupil in school_class.pupils}
    for row in roster.rows:
        pupil = by_nickname.get(row.nickname.casefold())
        if pupil is None:
            pupil = Pupil(class_id=school_class.id, nickname=row.nickname, card_token=new_token())
            db.session.add(pupil)
        _assign(school_class, pupil, row)
    db.session.commit()
    return SavedRoster(len(roster.new_pupils), len(roster.changed_pupils))


def _assign(school_class: SchoolClass, pupil: Pupil, row: RosterRow) -> None:
    """Set what the row names; an empty column leaves what the pupil had."""
    if row.group:
        pupil.group = team_named(school_class, Group, row.group)
    if row.household:
        pupil.household = team_named(school_class, Household, row.household)
    if row.game_name:
        pupil.minecraft_name = row.game_name
