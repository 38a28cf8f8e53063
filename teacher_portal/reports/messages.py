"""The class's message to the municipality: each group writes, on phones, the problem, its
proposal and what it asks the municipality for; the class may rank the asks by a vote.

Group mates write the same message from their own phones, so a save carries the version it
was written over: saving over a newer text is refused with that text shown, and nothing
typed is lost.
"""

from dataclasses import dataclass
from enum import Enum
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from lessons.schema import ReportStep
from lessons.vote_methods import DecisionKind, VoteMethod
from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db
from teacher_portal.lesson_runs import plans
from teacher_portal.lesson_runs.runs import active_run, current_phase
from teacher_portal.models import ClassMessage, Group, LessonRun, SchoolClass, VotingTask
from teacher_portal.voting.options import task_fields, text_options
from worlds.datafile import DataFileError

MESSAGE_FIELDS = ("problem", "proposal", "ask")


def lesson_steps(run: LessonRun) -> set[ReportStep]:
    """The report steps the run's lesson has anywhere (none if its file does not load)."""
    try:
        return {phase.report for phase in plans.lesson(run.lesson_id).phases if phase.report}
    except (DataFileError, LookupError):
        return set()


def writing_run(school_class: SchoolClass) -> LessonRun | None:
    """The running lesson the class's groups write their messages in: one with a message
    step. Pupils may finish writing after the phase has moved on."""
    run = active_run(school_class)
    return run if run is not None and ReportStep.MESSAGE in lesson_steps(run) else None


def phase_step(run: LessonRun | None) -> ReportStep | None:
    """The report step of the run's current phase, if any."""
    if run is None:
        return None
    try:
        return current_phase(run).phase.report
    except (DataFileError, LookupError):
        return None


def group_message(run: LessonRun, group: Group) -> ClassMessage | None:
    return db.session.scalar(
        select(ClassMessage).where(
            ClassMessage.lesson_run_id == run.id, ClassMessage.group_id == group.id
        )
    )


def run_messages(run: LessonRun) -> list[ClassMessage]:
    return _messages(select(ClassMessage).where(ClassMessage.lesson_run_id == run.id))


def class_messages(school_class: SchoolClass) -> list[ClassMessage]:
    return _messages(select(ClassMessage).where(ClassMessage.class_id == school_class.id))


def _messages(query: Any) -> list[ClassMessage]:
    return list(
        db.session.scalars(query.join(Group).order_by(ClassMessage.lesson_run_id, Group.name))
    )


class Saved(Enum):
    SAVED = "saved"
    CONFLICT = "conflict"  # a group mate saved a newer text in between


@dataclass(frozen=True)
class SaveResult:
    outcome: Saved
    message: ClassMessage


def save_message(run: LessonRun, group: Group, texts: dict[str, str], version: int) -> SaveResult:
    """Save the group's message, written over `version` (0: there was none yet). The
    version check is part of the write, so of two phones saving at once one is told."""
    values = {name: texts.get(name, "").strip() for name in MESSAGE_FIELDS}
    values.update(version=version + 1, updated_at=utcnow())
    if version == 0:
        db.session.add(
            ClassMessage(class_id=run.class_id, lesson_run_id=run.id, group_id=group.id, **values)
        )
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            return _conflict(run, group)
    else:
        written = db.session.execute(
            update(ClassMessage)
            .where(
                ClassMessage.lesson_run_id == run.id,
                ClassMessage.group_id == group.id,
                ClassMessage.version == version,
            )
            .values(**values)
        )
        if written.rowcount != 1:
            db.session.rollback()
            return _conflict(run, group)
        db.session.commit()
    return SaveResult(Saved.SAVED, group_message(run, group))


def _conflict(run: LessonRun, group: Group) -> SaveResult:
    """The group's text as it is now (an empty one if the teacher deleted it meanwhile)."""
    current = group_message(run, group) or ClassMessage(group_id=group.id, version=0)
    return SaveResult(Saved.CONFLICT, current)


def asks_vote(run: LessonRun, language: str) -> VotingTask | None:
    """A draft vote that ranks the groups' asks (None with fewer than two asks).

    The rules come from the lesson's vote that ranks (Til kommunen's Borda count), or are a
    Borda ranking when the lesson has none; each option remembers its message.
    """
    messages = [message for message in run_messages(run) if message.ask]
    if len(messages) < 2:
        return None
    fields: dict[str, Any] = {
        "question": _("Which of our asks to the municipality should come first?"),
        "method": VoteMethod.BORDA.value,
        "decision": DecisionKind.RANKING.value,
        "secret": True,
        "compare": [VoteMethod.RANKED.value, VoteMethod.CONDORCET.value],
    }
    template = _ranking_template(run)
    if template is not None:
        plan, vote = template
        lesson_fields = task_fields(plan, vote, language, run.school_class)
        for name in ("method", "decision", "weights", "secret", "quorum_percent", "compare"):
            fields[name] = lesson_fields[name]
    options = text_options([message.ask for message in messages])
    for option, message in zip(options, messages, strict=True):
        option["message"] = message.id
    task = VotingTask(class_id=run.class_id, lesson_run_id=run.id, options=options, **fields)
    db.session.add(task)
    db.session.commit()
    return task


def _ranking_template(run: LessonRun):
    try:
        plan = plans.lesson(run.lesson_id)
    except (DataFileError, LookupError):
        return None
    for phase in plan.phases:
        vote = phase.vote
        if vote is not None and vote.decision is DecisionKind.RANKING and vote.options.texts:
            return plan, vote
    return None


def message_of_option(option: dict[str, Any], messages: list[ClassMessage]) -> ClassMessage | None:
    """The message an asks vote's option stands for: by id, or by its text when the teacher
    edited the draft (which rewrites the options)."""
    by_id = next((m for m in messages if m.id == option.get("message")), None)
    return by_id or next((m for m in messages if m.ask == option["label"]), None)
