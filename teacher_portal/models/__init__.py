"""All models, imported here so Alembic and the app see every table (add new modules here)."""

from teacher_portal.models.chat import ChatListener
from teacher_portal.models.classes import NICKNAME_MAX, Group, Household, Pupil, SchoolClass
from teacher_portal.models.estates import ClassEstate, EstateDecision
from teacher_portal.models.game import GAME_KINDS, GameServer
from teacher_portal.models.lessons import JOB_KINDS, JOB_STATES, BuildJob, LessonRun
from teacher_portal.models.people import Invitation, Teacher
from teacher_portal.models.plots import PlotAssignment, PlotCapture, Proposal
from teacher_portal.models.reports import ClassMessage, ClassReport, ReportAnswer, ReportLink
from teacher_portal.models.settings import SchoolSettings
from teacher_portal.models.voting import CastBallot, VoterRoll, VotingTask
from teacher_portal.models.world import ClassWorld, GameAccount, WorldArea

__all__ = [
    "GAME_KINDS",
    "JOB_KINDS",
    "JOB_STATES",
    "NICKNAME_MAX",
    "BuildJob",
    "CastBallot",
    "ChatListener",
    "ClassEstate",
    "ClassMessage",
    "ClassReport",
    "ClassWorld",
    "EstateDecision",
    "GameAccount",
    "GameServer",
    "Group",
    "Household",
    "Invitation",
    "LessonRun",
    "PlotAssignment",
    "PlotCapture",
    "Proposal",
    "Pupil",
    "ReportAnswer",
    "ReportLink",
    "SchoolClass",
    "SchoolSettings",
    "Teacher",
    "VoterRoll",
    "VotingTask",
    "WorldArea",
]
