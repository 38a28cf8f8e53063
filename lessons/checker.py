"""Check a lesson file completely: schema, cross-field rules, estate references, timing.

The result lists errors (the lesson cannot be used) and warnings (it can, but
something looks off), each as a `Problem` placed on the line an author must edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from lessons.consistency import lesson_issues
from lessons.references import EstateShelf, reference_issues
from lessons.schema import Lesson
from worlds.datafile import (
    DataFileError,
    FieldIssue,
    Problem,
    load_data_file,
    placed_problems,
)
from worlds.language import _


@dataclass
class CheckReport:
    """What `check_lesson_file` found in one file."""

    file: str
    lesson: Lesson | None = None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def check_lesson_file(path: str | Path, shelf: EstateShelf | None = None) -> CheckReport:
    """Everything wrong with the lesson at ``path``; never raises for bad content."""
    path = Path(path)
    report = CheckReport(str(path))
    try:
        lesson = load_data_file(path, Lesson)
    except DataFileError as error:
        report.errors = [_with_flow_hint(problem) for problem in error.problems]
        return report
    issues = lesson_issues(lesson) + reference_issues(lesson, shelf)
    if lesson.id != path.stem:
        issues.append(
            FieldIssue(
                ("id",),
                _(
                    "id '%(id)s' differs from the file name '%(file)s'; "
                    "rename the file to '%(id)s.yaml' or change the id",
                    id=lesson.id,
                    file=path.name,
                ),
            )
        )
    report.errors = placed_problems(issues, path)
    report.warnings = placed_problems(timing_warnings(lesson), path)
    report.lesson = None if report.errors else lesson
    return report


def timing_warnings(lesson: Lesson) -> list[FieldIssue]:
    """The phases should fill the lesson exactly, or the teacher's timetable is off."""
    total = sum(phase.minutes for phase in lesson.phases)
    if total == lesson.duration:
        return []
    return [
        FieldIssue(
            ("duration",),
            _(
                "the phases add up to %(total)s minutes but duration is %(duration)s; "
                "adjust a phase's minutes or the duration",
                total=total,
                duration=lesson.duration,
            ),
        )
    ]


def _with_flow_hint(problem: Problem) -> Problem:
    """Lessons write short texts as {da: ..., en: ...}; a '?' there breaks YAML obscurely."""
    if problem.field or "flow mapping" not in problem.message:
        return problem
    hint = _(
        "in {da: ..., en: ...} put text that holds '?', ':' or ',' in quotes, "
        'e.g. {da: "Hvad nu?", en: "What now?"}'
    )
    return replace(problem, message=f"{problem.message}; {hint}")
