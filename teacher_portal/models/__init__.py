"""All models, imported here so Alembic and the app see every table (add new modules here)."""

from teacher_portal.models.classes import NICKNAME_MAX, Group, Household, Pupil, SchoolClass
from teacher_portal.models.game import GAME_KINDS, GameServer
from teacher_portal.models.lessons import JOB_STATES, BuildJob, LessonRun
from teacher_portal.models.people import Invitation, Teacher

__all__ = [
    "GAME_KINDS",
    "JOB_STATES",
    "NICKNAME_MAX",
    "BuildJob",
    "GameServer",
    "Group",
    "Household",
    "Invitation",
    "LessonRun",
    "Pupil",
    "SchoolClass",
    "Teacher",
]
