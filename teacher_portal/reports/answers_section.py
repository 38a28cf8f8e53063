"""The report's answers: what politicians wrote back through their links, once the teacher
has shown them to the class."""

from dataclasses import dataclass

from flask_babel import format_date

from teacher_portal.reports.links import class_answers
from teacher_portal.reports.scope import ReportScope


@dataclass(frozen=True)
class AnswerEntry:
    name: str
    role: str
    text: str
    written_on: str


def build_answers(scope: ReportScope) -> list[AnswerEntry] | None:
    answers = class_answers(scope.school_class, shown_only=True)
    entries = [
        AnswerEntry(row.name, row.role, row.text, format_date(row.created_at, "long"))
        for row in answers
    ]
    return entries or None
