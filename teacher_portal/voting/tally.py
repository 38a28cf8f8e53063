"""Counting a task's stored ballots with `teacher_portal.counting`, and closing a task.

Closing counts once: the state flips from open to closed in the same write transaction that
reads the ballots and stores the result, so no ballot can slip in between count and close.
"""

import math
import secrets
from fractions import Fraction
from typing import Any

from sqlalchemy import delete, func, insert, select, update

from lessons.vote_methods import MAJORITY_METHODS, SEAT_METHODS, decision_problem
from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db
from teacher_portal.counting import Ballot, Result, Rules, count, household_weights
from teacher_portal.counting.weights import WeightPlan, plan_household_weights
from teacher_portal.models import Pupil
from teacher_portal.models.voting import CastBallot, VoterRoll, VotingTask, new_ballot_key
from teacher_portal.voting import live_results


def eligible_voters(task: VotingTask) -> int:
    return db.session.scalar(select(func.count()).where(Pupil.class_id == task.class_id)) or 0


def votes_cast(task_id: int) -> int:
    return db.session.scalar(select(func.count()).where(VoterRoll.task_id == task_id)) or 0


def rules_for(task: VotingTask, method: str | None = None) -> Rules:
    """The task's rules; `method` recounts the same ballots another way (to compare)."""
    method = method or task.method
    eligible = eligible_voters(task)
    quorum = math.ceil(task.quorum_percent * eligible / 100) if task.quorum_percent else None
    majority = task.majority_percent
    seats = task.seats if method in SEAT_METHODS else 1
    return Rules(
        method=method,
        seats=seats,
        quorum=quorum,
        eligible=eligible,
        majority=Fraction(majority, 100) if majority and method in MAJORITY_METHODS else None,
        seed=task.seed,
        decision=_decision_for(task, method, seats),
    )


def _decision_for(task: VotingTask, method: str, seats: int) -> str | None:
    """The task's decision, also for a comparison method that can make it; otherwise the
    counting default (a comparison only shows who would have led)."""
    return task.decision if decision_problem(task.decision, method, seats) is None else None


def household_plan(task: VotingTask) -> WeightPlan:
    """The weights a household vote will give the class's pupils (keys: nicknames), with
    warnings, so the teacher sees them before opening the vote."""
    pupils = db.session.scalars(
        select(Pupil).where(Pupil.class_id == task.class_id).order_by(Pupil.nickname)
    ).all()
    households = {pupil.nickname: pupil.household.name for pupil in pupils if pupil.household}
    return plan_household_weights(households, [pupil.nickname for pupil in pupils])


def counted_ballots(task: VotingTask) -> list[Ballot]:
    """The stored ballots as counting ballots, with household weights where they apply."""
    rows = db.session.execute(
        select(CastBallot.id, CastBallot.household_id, CastBallot.ranking).where(
            CastBallot.task_id == task.id
        )
    ).all()
    if task.weights != "per_household":
        return [Ballot(tuple(ranking)) for _, _, ranking in rows]
    household_of = {key: household for key, household, _ in rows if household is not None}
    weights = household_weights(household_of, [key for key, _, _ in rows])
    return [Ballot(tuple(ranking), weight=weights[key]) for key, _, ranking in rows]


def count_task(task: VotingTask, method: str | None = None) -> Result:
    options = [option["key"] for option in task.options]
    return count(options, counted_ballots(task), rules_for(task, method))


def comparison(task: VotingTask) -> dict[str, list[str]]:
    """Winners by each comparison method of the lesson's template (same ballots)."""
    return {
        method: list(count_task(task, method).leading)
        for method in task.compare
        if method != task.method
    }


def close(task: VotingTask) -> bool:
    """Close an open task and store its count; False if it was not open (nothing changes)."""
    flipped = db.session.execute(
        update(VotingTask)
        .where(VotingTask.id == task.id, VotingTask.state == "open")
        .values(state="closed", closed_at=utcnow())
    )
    if flipped.rowcount != 1:
        db.session.rollback()
        return False
    db.session.refresh(task)
    if task.secret:
        _rewrite_secret_ballots(task.id)
    result: dict[str, Any] = count_task(task).to_dict()
    result["compare"] = comparison(task)
    task.result = result
    live_results.changed(task.id)
    db.session.commit()
    return True


def _rewrite_secret_ballots(task_id: int) -> None:
    """Write a closing secret vote's ballots again, under new keys and in random order.

    A ballot and its voter's roll row are written in one transaction (that is what makes a
    vote count exactly once). PostgreSQL records in every row the transaction that wrote it
    (`xmin`) and its place on disk in arrival order (`ctid`), so until now anyone with SQL
    access could join the two. Rewritten inside the closing transaction, the ballots all
    carry the close's transaction id and a shuffled order. (SQLite keeps neither.)
    """
    rows = db.session.execute(
        select(CastBallot.household_id, CastBallot.ranking).where(CastBallot.task_id == task_id)
    ).all()
    if not rows:
        return
    secrets.SystemRandom().shuffle(rows)
    db.session.execute(delete(CastBallot).where(CastBallot.task_id == task_id))
    db.session.execute(
        insert(CastBallot),
        [
            {"id": new_ballot_key(), "task_id": task_id, "household_id": household, "ranking": r}
            for household, r in rows
        ],
    )


def open_task(task: VotingTask) -> bool:
    if task.state != "draft":
        return False
    task.state = "open"
    task.opened_at = utcnow()
    live_results.changed(task.id)
    db.session.commit()
    return True
