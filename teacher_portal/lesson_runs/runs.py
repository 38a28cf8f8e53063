"""A lesson run's queries and rules: the class's running lesson, the phase it is in, and what
that phase builds. Every page that needs "where is the class now" asks here."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from lessons.schema import Lesson, Phase, PhaseKind, VoteTemplate
from teacher_portal.core.extensions import db
from teacher_portal.lesson_runs import plans
from teacher_portal.models import LessonRun, SchoolClass


@dataclass(frozen=True)
class BuildTarget:
    """What a build phase builds: an estate and the chosen variant per site."""

    estate_id: str
    variants: dict[str, str]


@dataclass(frozen=True)
class PhaseInRun:
    """A run's lesson plan and one of its phases."""

    plan: Lesson
    phase: Phase
    index: int

    @property
    def build_target(self) -> BuildTarget | None:
        build = self.phase.build
        if build is None:
            return None
        return BuildTarget(build.estate or self.plan.estate, dict(build.variants))


def active_run(school_class: SchoolClass) -> LessonRun | None:
    """The class's lesson that has not been finished (at most one runs at a time)."""
    return db.session.scalar(
        select(LessonRun).where(
            LessonRun.class_id == school_class.id, LessonRun.finished_at.is_(None)
        )
    )


def phase_of(run: LessonRun, index: int) -> PhaseInRun:
    """Phase `index` of the run's lesson, clamped to the lesson's phases."""
    plan = plans.lesson(run.lesson_id)
    index = max(0, min(index, len(plan.phases) - 1))
    return PhaseInRun(plan, plan.phases[index], index)


def current_phase(run: LessonRun) -> PhaseInRun:
    return phase_of(run, run.phase_index)


def class_phase(school_class: SchoolClass) -> PhaseInRun | None:
    """Where the class is now: the running lesson's current phase, or None."""
    run = active_run(school_class)
    return current_phase(run) if run is not None else None


def phase_ends_at(run: LessonRun) -> datetime:
    return run.phase_started_at + timedelta(minutes=current_phase(run).phase.minutes)


PREPARING = (PhaseKind.PROPOSE, PhaseKind.PRESENT)


def referred_vote(plan: Lesson, index: int) -> VoteTemplate | None:
    """The vote a phase is about: its own, or, for a phase that prepares one (propose,
    present), the next vote of the lesson; its page shows the options' pictures."""
    phase = plan.phases[index]
    if phase.vote is not None:
        return phase.vote
    if phase.kind not in PREPARING:
        return None
    return next((later.vote for later in plan.phases[index + 1 :] if later.vote), None)
