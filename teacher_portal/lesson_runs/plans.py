"""The portal's view of the shipped lessons (`lessons/`): loaded once, and which can start."""

import logging
from functools import cache

from lessons.catalog import lesson_ids, load_lesson
from lessons.schema import Lesson
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
