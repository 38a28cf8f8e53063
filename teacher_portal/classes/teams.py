"""Groups and households: found or made by name, listed in natural order (Nr. 2 before
Nr. 10), and filled in one click: the class split into N groups, or into households of 2–3.

Groups design a plot together; households are the pretend families a department meeting
gives two votes each. Both are a name within the class.
"""

import math
import random
from collections.abc import Iterable, Sequence
from typing import TypeVar

from flask_babel import gettext as _
from natsort import natsort_keygen, ns

from teacher_portal.core.extensions import db
from teacher_portal.models import Group, Household, Pupil, SchoolClass

Team = TypeVar("Team", Group, Household)
TeamModel = type[Group] | type[Household]
_NATURAL = natsort_keygen(key=lambda team: team.name, alg=ns.IGNORECASE)


def natural(teams: Iterable[Team]) -> list[Team]:
    """Teams as people count them: Gruppe 2 before Gruppe 10."""
    return sorted(teams, key=_NATURAL)


def teams_of(school_class: SchoolClass, model: TeamModel) -> list[Group] | list[Household]:
    return school_class.groups if model is Group else school_class.households


def team_named(school_class: SchoolClass, model: TeamModel, name: str) -> Group | Household:
    """The class's team of that name (case does not matter), made if it is new."""
    for team in teams_of(school_class, model):
        if team.name.casefold() == name.casefold():
            return team
    team = model(class_id=school_class.id, name=name)
    db.session.add(team)
    teams_of(school_class, model).append(team)
    return team


def suggested_group_count(pupils: int) -> int:
    """Groups of about four, the size that shares one plot in the game."""
    return max(1, round(pupils / 4))


def household_sizes(pupils: int) -> list[int]:
    """As few households as possible with 2 or 3 pupils each (one pupil alone: one)."""
    if pupils == 0:
        return []
    count = math.ceil(pupils / 3)
    base, extra = divmod(pupils, count)
    return [base + 1] * extra + [base] * (count - extra)


def split_into_groups(school_class: SchoolClass, count: int) -> list[Group]:
    """Every pupil into one of `count` groups named Gruppe 1..count, at random and as even
    as it goes; other groups stay, without pupils."""
    names = [_("Group %(number)d", number=number) for number in range(1, count + 1)]
    groups = [team_named(school_class, Group, name) for name in names]
    for index, pupil in enumerate(_shuffled(school_class.pupils)):
        pupil.group = groups[index % count]
    db.session.commit()
    return groups


def make_households(school_class: SchoolClass) -> list[Household]:
    """Every pupil into a household of 2–3 named Nr. 1, Nr. 2, ..., at random."""
    pupils = _shuffled(school_class.pupils)
    households = []
    start = 0
    for number, size in enumerate(household_sizes(len(pupils)), start=1):
        household = team_named(school_class, Household, _("No. %(number)d", number=number))
        for pupil in pupils[start : start + size]:
            pupil.household = household
        households.append(household)
        start += size
    db.session.commit()
    return households


def _shuffled(pupils: Sequence[Pupil]) -> list[Pupil]:
    mixed = list(pupils)
    random.SystemRandom().shuffle(mixed)
    return mixed
