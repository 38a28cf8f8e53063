"""What the report feature shows on other pages: the class page, the lesson page and the
pupil's page (through `core.panels`), each as a small view its template lays out."""

from dataclasses import dataclass, field

from lessons.schema import ReportStep
from teacher_portal.models import ClassMessage, LessonRun, Pupil, ReportAnswer, SchoolClass
from teacher_portal.reports import links, messages


@dataclass(frozen=True)
class ClassPanel:
    messages: int
    links: int
    waiting: int  # answers the teacher has not shown to the class yet


def class_panel(school_class: SchoolClass) -> ClassPanel:
    answers = links.class_answers(school_class, shown_only=False)
    return ClassPanel(
        messages=len(messages.class_messages(school_class)),
        links=len(links.class_links(school_class)),
        waiting=sum(answer.shown_at is None for answer in answers),
    )


@dataclass(frozen=True)
class LessonPanel:
    steps: set[ReportStep]
    step: ReportStep | None  # the current phase's
    messages: list[ClassMessage] = field(default_factory=list)
    groups: int = 0
    waiting: int = 0

    @property
    def asks(self) -> int:
        return sum(bool(message.ask) for message in self.messages)


def lesson_panel(run: LessonRun) -> LessonPanel | None:
    """Only for a lesson with report steps."""
    steps = messages.lesson_steps(run)
    if not steps:
        return None
    school_class = run.school_class
    answers = links.class_answers(school_class, shown_only=False)
    return LessonPanel(
        steps=steps,
        step=messages.phase_step(run),
        messages=messages.run_messages(run),
        groups=len(school_class.groups),
        waiting=sum(answer.shown_at is None for answer in answers),
    )


@dataclass(frozen=True)
class PupilPanel:
    writing: bool  # the class writes its message now (or may still finish it)
    invited: bool  # the current phase asks for the message: the button stands out
    message: ClassMessage | None
    answers: list[ReportAnswer]


def pupil_panel(pupil: Pupil) -> PupilPanel | None:
    school_class = pupil.school_class
    run = messages.writing_run(school_class)
    message = messages.group_message(run, pupil.group) if run and pupil.group else None
    answers = links.class_answers(school_class, shown_only=True)
    writing = run is not None and pupil.group is not None
    if not writing and not answers:
        return None
    invited = writing and messages.phase_step(run) is ReportStep.MESSAGE
    return PupilPanel(writing, invited, message, answers)
