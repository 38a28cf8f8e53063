"""The vote on the lesson page: a phase with a vote template shows its vote there (make it,
open it, follow turnout, projector, close, show pupils)."""

from dataclasses import dataclass

from lessons.schema import Lesson, VoteTemplate
from teacher_portal.models import LessonRun
from teacher_portal.models.voting import VotingTask
from teacher_portal.voting import tally
from teacher_portal.voting.tasks import lesson_task
from teacher_portal.voting.winner import winning_option


@dataclass(frozen=True)
class LessonVote:
    """The phase's vote template and the vote made from it, if any."""

    template: VoteTemplate
    task: VotingTask | None
    cast: int
    eligible: int

    @property
    def winner(self) -> str | None:
        option = winning_option(self.task) if self.task else None
        return option["label"] if option else None


def lesson_vote(run: LessonRun, plan: Lesson, index: int) -> LessonVote | None:
    template = plan.phases[index].vote
    if template is None:
        return None
    task = lesson_task(run, index)
    if task is None:
        return LessonVote(template, None, 0, 0)
    return LessonVote(template, task, tally.votes_cast(task.id), tally.eligible_voters(task))
