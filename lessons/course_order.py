"""The course order: the order in which the shipped lessons build on each other (the table in
docs/lessons.md shows the same order; a test keeps the two alike). Every lesson also works
on its own; a lesson not listed here comes after the course, by id."""

COURSE: tuple[str, ...] = (
    "moed_bebyggelsen",
    "afdelingsmoedet",
    "afdelingsbestyrelsen",
    "gaarden_som_arkitektur",
    "genbrugsstedet",
    "naar_krisen_rammer",
    "til_kommunen",
)


def course_number(lesson_id: str) -> int | None:
    """1 for the course's first lesson; None for a lesson outside the course."""
    return COURSE.index(lesson_id) + 1 if lesson_id in COURSE else None


def in_course_order(lesson_ids: list[str]) -> list[str]:
    return sorted(lesson_ids, key=lambda lesson_id: (course_number(lesson_id) or 999, lesson_id))
