"""The portal's view of the shipped lessons (`lessons/`): which can be started, and their phases."""

import logging
from functools import cache

from markupsafe import Markup

from lessons.catalog import lesson_ids, load_lesson
from lessons.guide import markdown_block
from lessons.schema import Lesson, Phase, Text
from worlds.datafile import DataFileError

log = logging.getLogger(__name__)


@cache
def lesson(lesson_id: str) -> Lesson:
    """A checked lesson, loaded once per process (the files ship with the package)."""
    return load_lesson(lesson_id)


def startable_lessons() -> list[Lesson]:
    """Every shipped lesson that loads; a broken file is logged, not shown to teachers."""
    lessons = []
    for lesson_id in lesson_ids():
        try:
            lessons.append(lesson(lesson_id))
        except DataFileError as error:
            log.warning("lesson %s is not offered: %s", lesson_id, error)
    return lessons


def text(value: Text | None, lang: str) -> str:
    return value.get(lang) if value is not None else ""


def markdown(value: Text | None, lang: str) -> Markup:
    """Lesson texts are Markdown without raw HTML, so they are safe to show as HTML."""
    return markdown_block(text(value, lang))


def phase_at(plan: Lesson, index: int) -> Phase:
    return plan.phases[max(0, min(index, len(plan.phases) - 1))]


def build_target(plan: Lesson, phase: Phase) -> tuple[str, dict[str, str]] | None:
    """What a build phase builds: the estate id and the chosen variant per site."""
    if phase.build is None:
        return None
    return phase.build.estate or plan.estate, dict(phase.build.variants)
