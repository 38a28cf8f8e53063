"""A course plan across lessons (`lessons/courses/*.yaml`), such as the original 3-hour
day, and the continuity the lessons keep: one estate and a cast whose ages never change.

A block takes phases of one lesson, shortened to the minutes the day has for them; a
break has a title and no lesson. `course_issues` checks a plan against the lessons, and
`character_issues` checks that a character (a role id with an age) is the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Annotated

from pydantic import Field

from lessons import labels
from lessons.guide import LANGUAGES, clock_text, environment
from lessons.schema import Lesson, Phase
from worlds.data_model import Identifier, Strict, Text
from worlds.datafile import FieldIssue
from worlds.error_messages import did_you_mean
from worlds.language import _

COURSES_DIR = Path(__file__).resolve().parent / "courses"


class CourseBlock(Strict):
    """Phases of one lesson in the day's timetable, or a break (`lesson` left out)."""

    lesson: Identifier | None = None
    phases: list[Annotated[int, Field(ge=1)]] = Field(
        default_factory=list, description="Phase numbers of the lesson, as its guide numbers them"
    )
    minutes: Annotated[int, Field(ge=5, le=180)]
    title: Text | None = Field(default=None, description="A break's name, e.g. Pause")
    note: Text | None = Field(default=None, description="What to shorten or skip (Markdown)")


class Course(Strict):
    """A course day: lessons' phases in order, filling the day exactly."""

    id: Identifier
    title: Text
    summary: Text
    grades: Annotated[list[Annotated[int, Field(ge=0, le=10)]], Field(min_length=1)]
    minutes: Annotated[int, Field(ge=45, le=360)]
    estate: Identifier = Field(description="The estate every lesson of the day uses")
    blocks: Annotated[list[CourseBlock], Field(min_length=1)]


@dataclass(frozen=True)
class BlockView:
    block: CourseBlock
    lesson: Lesson | None
    phases: list[tuple[int, Phase]]
    start: str
    end: str


def course_ids() -> list[str]:
    return sorted(path.stem for path in COURSES_DIR.glob("*.yaml"))


def course_issues(course: Course, lessons: Mapping[str, Lesson]) -> Iterator[FieldIssue]:
    """Blocks that name missing lessons or phases, run longer than their phases, or leave
    the day's minutes unfilled; lessons on another estate."""
    for index, block in enumerate(course.blocks):
        loc = ("blocks", index)
        if block.lesson is None:
            if block.title is None or block.phases:
                message = _("a break has a 'title' and no phases; or name a 'lesson'")
                yield FieldIssue(loc, message)
            continue
        lesson = lessons.get(block.lesson)
        if lesson is None:
            hint = did_you_mean(block.lesson, sorted(lessons))
            message = _("no lesson '%(lesson)s'; %(hint)s", lesson=block.lesson, hint=hint)
            yield FieldIssue((*loc, "lesson"), message)
            continue
        if lesson.estate != course.estate:
            yield FieldIssue(
                (*loc, "lesson"),
                _(
                    "'%(lesson)s' is set in '%(estate)s', the day in '%(day)s'",
                    lesson=lesson.id,
                    estate=lesson.estate,
                    day=course.estate,
                ),
            )
        yield from _phase_issues(block, lesson, loc)
    total = sum(block.minutes for block in course.blocks)
    if total != course.minutes:
        yield FieldIssue(
            ("minutes",),
            _(
                "the blocks add up to %(total)s minutes, the day has %(minutes)s; shorten or "
                "lengthen a block",
                total=total,
                minutes=course.minutes,
            ),
        )


def _phase_issues(block: CourseBlock, lesson: Lesson, loc: tuple) -> Iterator[FieldIssue]:
    if not block.phases:
        yield FieldIssue((*loc, "phases"), _("name the lesson's phases this block runs"))
    for position, number in enumerate(block.phases):
        if number > len(lesson.phases):
            yield FieldIssue(
                (*loc, "phases", position),
                _(
                    "'%(lesson)s' has phases 1–%(last)s, not %(number)s",
                    lesson=lesson.id,
                    last=len(lesson.phases),
                    number=number,
                ),
            )
    planned = sum(lesson.phases[n - 1].minutes for n in block.phases if n <= len(lesson.phases))
    if block.minutes > planned:
        yield FieldIssue(
            (*loc, "minutes"),
            _(
                "%(minutes)s minutes for phases the lesson gives %(planned)s; a block may "
                "shorten phases, not stretch them",
                minutes=block.minutes,
                planned=planned,
            ),
        )


def character_issues(lessons: Mapping[str, Lesson]) -> Iterator[tuple[str, FieldIssue]]:
    """(lesson id, issue) for every character whose name or age differs from its first
    appearance (lessons in id order)."""
    seen: dict[str, tuple[str, str, int]] = {}
    for lesson_id in sorted(lessons):
        for index, role in enumerate(lessons[lesson_id].roles):
            if role.age is None:
                continue
            first = seen.setdefault(role.id, (lesson_id, role.name.da, role.age))
            if (role.name.da, role.age) != first[1:]:
                yield (
                    lesson_id,
                    FieldIssue(
                        ("roles", index),
                        _(
                            "'%(role)s' is %(name)s, %(age)s in '%(lesson)s' but %(here)s, "
                            "%(age_here)s here; a character keeps name and age",
                            role=role.id,
                            name=first[1],
                            age=first[2],
                            lesson=first[0],
                            here=role.name.da,
                            age_here=role.age,
                        ),
                    ),
                )


def block_views(
    course: Course, lessons: Mapping[str, Lesson], start: time | None
) -> list[BlockView]:
    views, elapsed = [], 0
    for block in course.blocks:
        lesson = lessons.get(block.lesson) if block.lesson else None
        phases = [(n, lesson.phases[n - 1]) for n in block.phases] if lesson else []
        views.append(
            BlockView(
                block,
                lesson,
                phases,
                clock_text(elapsed, start),
                clock_text(elapsed + block.minutes, start),
            )
        )
        elapsed += block.minutes
    return views


def render_course(
    course: Course, lessons: Mapping[str, Lesson], lang: str = "da", *, start: time | None = None
) -> str:
    """The day's guide: a timetable with clock times, then each block's phases as the
    teacher runs them, pointing to each lesson's own guide and printables."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not '{lang}'")
    return environment.get_template("course.html").render(
        course=course,
        lang=lang,
        blocks=block_views(course, lessons, start),
        grades=labels.grades_text(course.grades, lang),
        t=lambda key, **values: labels.HEADINGS[key][lang].format(**values),
        text=lambda value: value.get(lang) if isinstance(value, Text) else "",
    )
