"""Casting a ballot exactly once, enforced by the database.

The roll row (task, pupil) and the ballot go in one transaction, and the roll's primary key
refuses a second row: a double click, two tabs or fifty threads give one counted ballot.
The task's state is read inside the same write transaction, under a share lock on the task
row, so a ballot either lands before the task closes (and is counted) or is refused. The web
ballot and the game chat both come through `cast`.

Casting is the portal's hottest write (a whole class votes within seconds), so it runs
statements built once at import on the session's connection: no ORM unit of work, no
per-call statement construction, and SQLAlchemy's compiled cache is hit every time. On
SQLite, which lets one connection write at a time, this process's casts take turns on a lock
of their own: a second writer that finds SQLite's lock taken waits in SQLite's busy handler,
which sleeps 1, 2, 5, … 100 ms between tries, so under a school's load the casts spent their
time asleep and some gave up after the busy timeout ("database is locked").
"""

import threading
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.engine import Row
from sqlalchemy.exc import IntegrityError

from lessons.vote_methods import VoteMethod
from teacher_portal.core.extensions import db
from teacher_portal.models import Pupil
from teacher_portal.models.voting import CastBallot, VoterRoll, VotingTask, new_ballot_key
from teacher_portal.voting import live_results

_ROLL = VoterRoll.__table__
_BALLOTS = CastBallot.__table__
_TASKS = VotingTask.__table__
_ENROL = insert(_ROLL)  # values come as execute() parameters
_STORE = insert(_BALLOTS)
# FOR SHARE (PostgreSQL; SQLite has one writer anyway): a close waits for this commit, and
# a cast waits for a close in progress, then reads "closed", so no ballot lands uncounted.
_STATE = (
    select(_TASKS.c.state).where(_TASKS.c.id == bindparam("task_id")).with_for_update(read=True)
)
_RULE_COLUMNS = (
    "id",
    "class_id",
    "state",
    "method",
    "seats",
    "options",
    "secret",
    "weights",
    "allow_change",
)
_RULES = select(*(_TASKS.c[name] for name in _RULE_COLUMNS)).where(
    _TASKS.c.id == bindparam("task_id")
)

TaskRules = VotingTask | Row  # a loaded task, or the lean row of `task_rules`
_SQLITE_CASTS = threading.Lock()


def _turn_to_write() -> AbstractContextManager:
    """SQLite: one cast of this process writes at a time (see the module's docstring)."""
    return _SQLITE_CASTS if db.engine.dialect.name == "sqlite" else nullcontext()


def task_rules(task_id: int) -> Row | None:
    """The columns a ballot is checked and stored by, without loading the whole task.

    The row reads like a `VotingTask` (`.class_id`, `.options`, `.method`, ...), so `cast`
    takes either; the web ballot uses this one compiled select instead of an ORM load.
    """
    return db.session.connection().execute(_RULES, {"task_id": task_id}).first()


class Outcome(Enum):
    COUNTED = "counted"
    CHANGED = "changed"
    ALREADY_VOTED = "already_voted"
    NOT_OPEN = "not_open"
    INVALID = "invalid"


class InvalidChoice(ValueError):
    """A ranking that does not fit the task (unknown option, too many marks, ...)."""


@dataclass(frozen=True)
class CastResult:
    outcome: Outcome
    problem: str | None = None

    @property
    def accepted(self) -> bool:
        return self.outcome in (Outcome.COUNTED, Outcome.CHANGED)


def checked_ranking(task: TaskRules, ranking: Sequence[str]) -> list[str]:
    """The ranking if it fits the task's method; empty is a blank vote."""
    keys = {option["key"] for option in task.options}
    chosen = [str(key) for key in ranking]
    if any(key not in keys for key in chosen):
        raise InvalidChoice("unknown_option")
    if len(set(chosen)) != len(chosen):
        raise InvalidChoice("repeated_option")
    if task.method == VoteMethod.PLURALITY and len(chosen) > 1:
        raise InvalidChoice("one_only")
    if task.method == VoteMethod.BLOC and len(chosen) > task.seats:
        raise InvalidChoice("too_many")
    return chosen


def may_change(task: TaskRules) -> bool:
    """Only open (named) ballots can be changed: a secret one has no owner to find it by."""
    return task.allow_change and not task.secret


def has_voted(task: VotingTask, pupil: Pupil) -> bool:
    return db.session.get(VoterRoll, (task.id, pupil.id)) is not None


def cast(
    task: TaskRules, pupil: Pupil | Row, ranking: Sequence[str], channel: str = "web"
) -> CastResult:
    """Record the pupil's ballot once; a second one changes it only where allowed.

    `pupil` is a `Pupil` or the session's lean row (`id`, `class_id`, `household_id`).
    """
    if pupil.class_id != task.class_id:
        raise PermissionError("pupil is not in the task's class")
    try:
        chosen = checked_ranking(task, ranking)
    except InvalidChoice as problem:
        return CastResult(Outcome.INVALID, str(problem))
    with _turn_to_write():
        return _store(task, pupil, chosen, channel)


def _store(task: TaskRules, pupil: Pupil | Row, chosen: list[str], channel: str) -> CastResult:
    task_id, pupil_id = task.id, pupil.id
    connection = db.session.connection()
    try:
        connection.execute(_ENROL, {"task_id": task_id, "pupil_id": pupil_id, "channel": channel})
        connection.execute(
            _STORE,
            {
                "id": new_ballot_key(),
                "task_id": task_id,
                "pupil_id": None if task.secret else pupil_id,
                "household_id": pupil.household_id if task.weights == "per_household" else None,
                "ranking": chosen,
            },
        )
    except IntegrityError:
        db.session.rollback()
        return _second_ballot(task_id, pupil_id, chosen)
    return _commit_if_open(task_id, Outcome.COUNTED)


def _second_ballot(task_id: int, pupil_id: int, chosen: list[str]) -> CastResult:
    task = db.session.get(VotingTask, task_id)
    if task is None or not may_change(task):
        return CastResult(Outcome.ALREADY_VOTED)
    db.session.execute(
        update(CastBallot)
        .where(CastBallot.task_id == task_id, CastBallot.pupil_id == pupil_id)
        .values(ranking=chosen)
    )
    return _commit_if_open(task_id, Outcome.CHANGED)


def _commit_if_open(task_id: int, outcome: Outcome) -> CastResult:
    """Commit only if the task is still open, read inside the write transaction."""
    state = db.session.connection().scalar(_STATE, {"task_id": task_id})
    if state != "open":
        db.session.rollback()
        return CastResult(Outcome.NOT_OPEN)
    live_results.changed(task_id)
    db.session.commit()
    return CastResult(outcome)
