"""The report's message from the class: each group's problem, proposal and ask, in the order
the class ranked the asks when it voted on them (else by group)."""

from dataclasses import dataclass

from teacher_portal.models import ClassMessage, Pupil, VotingTask
from teacher_portal.reports.messages import class_messages, message_of_option
from teacher_portal.reports.scope import ReportScope
from teacher_portal.reports.votes_section import closed_tasks


@dataclass(frozen=True)
class MessageEntry:
    place: int | None  # the ask's place in the class's ranking
    group: str
    members: list[str]  # nicknames, only when the teacher lets them appear
    problem: str
    proposal: str
    ask: str


@dataclass(frozen=True)
class MessagesContent:
    entries: list[MessageEntry]
    ranked_by: VotingTask | None  # the vote that ordered the asks


def ranking_vote(tasks: list[VotingTask], messages: list[ClassMessage]) -> VotingTask | None:
    """The last closed vote whose options are the asks of these messages and which ranked."""
    for task in reversed(tasks):
        ranking = (task.result or {}).get("ranking")
        if ranking and all(message_of_option(o, messages) for o in task.options):
            return task
    return None


def _order(
    task: VotingTask | None, messages: list[ClassMessage]
) -> list[tuple[int | None, ClassMessage]]:
    """The messages with their ask's place in the ranking; those not on it follow."""
    if task is None:
        return [(None, message) for message in messages]
    options = {option["key"]: option for option in task.options}
    ranking = [key for key in task.result["ranking"] if key in options]
    ranked = [message_of_option(options[key], messages) for key in ranking]
    ranked = [message for message in ranked if message is not None]
    rest = [message for message in messages if message not in ranked]
    return [*enumerate(ranked, start=1), *((None, message) for message in rest)]


def build_messages(scope: ReportScope) -> MessagesContent | None:
    messages = [m for m in class_messages(scope.school_class) if scope.covers(m.lesson_run_id)]
    messages = [m for m in messages if m.problem or m.proposal or m.ask]
    if not messages:
        return None
    task = ranking_vote(closed_tasks(scope), messages)
    members = _members(scope)
    entries = [
        MessageEntry(
            place=place,
            group=message.group.name,
            members=members.get(message.group_id, []),
            problem=message.problem,
            proposal=message.proposal,
            ask=message.ask,
        )
        for place, message in _order(task, messages)
    ]
    return MessagesContent(entries, task)


def _members(scope: ReportScope) -> dict[int, list[str]]:
    pupils: dict[int, list[Pupil]] = {}
    for pupil in scope.school_class.pupils:
        if pupil.group_id is not None:
            pupils.setdefault(pupil.group_id, []).append(pupil)
    return {group: scope.nicknames(members) for group, members in pupils.items()}
