"""The class's decisions: recorded when a vote that builds closes, built into the estate
state, and undone only by the teacher, newest first, with the site rebuilt as it was."""

from dataclasses import dataclass
from enum import Enum

from sqlalchemy import select

from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db
from teacher_portal.estates.build_jobs import start_estate_build
from teacher_portal.estates.state import class_estate, standing_decisions
from teacher_portal.game import jobs
from teacher_portal.models import ClassEstate, EstateDecision, PlotCapture, SchoolClass
from teacher_portal.models.voting import VotingTask


def decide(
    task: VotingTask,
    label: str,
    *,
    variant_id: str | None = None,
    capture: PlotCapture | None = None,
) -> EstateDecision:
    """Record what the vote decided for its site (once; asking again returns the record)."""
    existing = decision_of(task)
    if existing is not None:
        return existing
    school_class = db.session.get(SchoolClass, task.class_id)
    estate = class_estate(school_class, task.estate_id)
    decision = EstateDecision(
        class_estate_id=estate.id,
        site_id=task.site_id,
        variant_id=variant_id,
        capture_id=capture.id if capture else None,
        label=label[:200],
        voting_task_id=task.id,
        question=task.question,
    )
    estate.decisions.append(decision)
    db.session.flush()
    return decision


def decision_of(task: VotingTask) -> EstateDecision | None:
    return db.session.scalar(
        select(EstateDecision)
        .where(EstateDecision.voting_task_id == task.id)
        .order_by(EstateDecision.id.desc())
    )


def build_decision(decision: EstateDecision) -> bool:
    """Build the decision's site from the state; False when another job runs (the decision
    stands all the same and goes into the next build)."""
    estate = db.session.get(ClassEstate, decision.class_estate_id)
    school_class = db.session.get(SchoolClass, estate.class_id)
    if jobs.active_job(school_class) is not None:
        db.session.commit()
        return False
    job = start_estate_build(school_class, estate.estate_id, sites=[decision.site_id])
    decision.build_job_id = job.id
    db.session.commit()
    return True


class Undo(Enum):
    """What asking to undo came to; the page words it for the teacher."""

    UNDONE = "undone"
    NOTHING = "nothing"
    BUSY = "busy"


@dataclass(frozen=True)
class UndoResult:
    outcome: Undo
    decision: EstateDecision | None = None


def undo_last(estate: ClassEstate) -> UndoResult:
    """Take back the newest standing decision and rebuild its site as the state now says."""
    standing = standing_decisions(estate)
    if not standing:
        return UndoResult(Undo.NOTHING)
    school_class = db.session.get(SchoolClass, estate.class_id)
    if jobs.active_job(school_class) is not None:
        return UndoResult(Undo.BUSY)
    last = standing[-1]
    last.undone_at = utcnow()
    db.session.commit()
    job = start_estate_build(school_class, estate.estate_id, sites=[last.site_id])
    last.build_job_id = job.id
    db.session.commit()
    return UndoResult(Undo.UNDONE, last)


def decisions_before(decision: EstateDecision) -> list[EstateDecision]:
    """The decisions that stood when this one was made (those undone since left out)."""
    estate = db.session.get(ClassEstate, decision.class_estate_id)
    return [d for d in estate.decisions if d.id < decision.id and d.stands]


def overruled(estate: ClassEstate, lesson_variants: dict[str, str]) -> list[EstateDecision]:
    """Decisions that keep a site from what a lesson's build asks for: the page says so."""
    standing = {d.site_id: d for d in standing_decisions(estate)}
    return [
        standing[site]
        for site, variant in lesson_variants.items()
        if site in standing and standing[site].variant_id != variant
    ]
