"""The course order: every shipped lesson has its place, and the docs' table agrees."""

import re
from pathlib import Path

from lessons.catalog import LESSONS_DIR, lesson_ids
from lessons.course_order import COURSE, course_number, in_course_order

DOCS = Path(__file__).resolve().parents[2] / "docs" / "lessons.md"


def test_every_shipped_lesson_has_a_place_in_the_course() -> None:
    shipped = {path.stem for path in LESSONS_DIR.glob("*.yaml")}
    assert set(COURSE) == shipped
    assert lesson_ids() == list(COURSE)


def test_the_docs_table_lists_the_course_in_order() -> None:
    rows = re.findall(r"^\| (\d+) \| `(\w+)` \|", DOCS.read_text(encoding="utf-8"), re.MULTILINE)
    assert [(int(number), lesson_id) for number, lesson_id in rows] == [
        (course_number(lesson_id), lesson_id) for lesson_id in COURSE
    ]


def test_a_lesson_outside_the_course_comes_after_it() -> None:
    assert in_course_order(["zz_own", "til_kommunen", "aa_own", COURSE[0]]) == [
        COURSE[0],
        "til_kommunen",
        "aa_own",
        "zz_own",
    ]
