"""The shipped lessons and how to load one by id or path: the API the portal uses."""

from __future__ import annotations

from pathlib import Path

from lessons.checker import check_lesson_file
from lessons.course_order import in_course_order
from lessons.guide import render_guide
from lessons.schema import Lesson
from worlds.datafile import DataFileError
from worlds.error_messages import did_you_mean
from worlds.language import _

__all__ = [  # the portal's whole API in one place
    "LESSONS_DIR",
    "UnknownLessonError",
    "lesson_ids",
    "lesson_path",
    "load_lesson",
    "render_guide",
]

LESSONS_DIR = Path(__file__).resolve().parent


class UnknownLessonError(LookupError):
    """Neither a shipped lesson id nor an existing file; the message suggests one."""


def lesson_ids() -> list[str]:
    """Ids of the lessons shipped in `lessons/`, in the course's order."""
    return in_course_order([path.stem for path in LESSONS_DIR.glob("*.yaml")])


def lesson_path(ref: str | Path) -> Path:
    """The file of a shipped lesson id, or ``ref`` itself when it is a path to a file."""
    if str(ref) in lesson_ids():
        return LESSONS_DIR / f"{ref}.yaml"
    path = Path(ref)
    if path.is_file():
        return path
    hint = did_you_mean(str(ref), lesson_ids())
    message = _(
        "no lesson '%(ref)s': not a shipped lesson nor a file; %(hint)s", ref=str(ref), hint=hint
    )
    raise UnknownLessonError(message)


def load_lesson(ref: str | Path) -> Lesson:
    """Load and fully check a lesson; raises `DataFileError` naming every problem.

    Warnings (such as phase minutes not adding up) do not stop loading.
    """
    report = check_lesson_file(lesson_path(ref))
    if report.lesson is None:
        raise DataFileError(report.errors)
    return report.lesson
