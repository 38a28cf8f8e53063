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
from worlds.datafile import DataFileError, FieldIssue, Problem, load_data_file, resolve_loc
from worlds.yaml_positions import parse_yaml


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
                f"id '{lesson.id}' differs from the file name '{path.name}'; "
                f"rename the file to '{lesson.id}.yaml' or change the id",
            )
        )
    report.errors = placed(issues, path)
    report.warnings = placed(timing_warnings(lesson), path)
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
            f"the phases add up to {total} minutes but duration is {lesson.duration}; "
            "adjust a phase's minutes or the duration",
        )
    ]


FLOW_HINT = (
    "; in {da: ..., en: ...} put text that holds '?', ':' or ',' in quotes, "
    'e.g. {da: "Hvad nu?", en: "What now?"}'
)


def _with_flow_hint(problem: Problem) -> Problem:
    """Lessons write short texts as {da: ..., en: ...}; a '?' there breaks YAML obscurely."""
    if problem.field or "flow mapping" not in problem.message:
        return problem
    return replace(problem, message=problem.message + FLOW_HINT)


def placed(issues: list[FieldIssue], path: Path) -> list[Problem]:
    """Give each issue the line and column of its field (the file parsed cleanly before)."""
    if not issues:
        return []
    parsed = parse_yaml(path.read_text(encoding="utf-8"))
    problems = []
    for issue in issues:
        node_path, name = resolve_loc(issue.loc, parsed.data)
        position = parsed.positions.value(node_path)
        problems.append(Problem(str(path), position.line, position.column, name, issue.message))
    return sorted(problems)
