"""The 3-hour course day across lessons, the 45-minute split of each lesson, and the
continuity the lessons keep (one estate, a cast whose ages never change)."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from lessons.catalog import lesson_ids, load_lesson
from lessons.course import COURSES_DIR, Course, character_issues, course_issues, render_course
from lessons.guide import render_guide
from teacher_portal.cli import main
from worlds.catalog import load_estate
from worlds.datafile import load_data_file


@pytest.fixture(scope="module")
def lessons():
    return {lesson_id: load_lesson(lesson_id) for lesson_id in lesson_ids()}


@pytest.fixture(scope="module")
def day() -> Course:
    return load_data_file(COURSES_DIR / "kursusdag.yaml", Course)


def test_the_course_day_fills_three_hours_in_one_estate(day, lessons):
    assert day.minutes == 180 == sum(block.minutes for block in day.blocks)
    assert list(course_issues(day, lessons)) == []
    assert {lessons[b.lesson].estate for b in day.blocks if b.lesson} == {day.estate}


def test_the_course_day_renders_with_clock_times(day, lessons):
    from datetime import time

    html = render_course(day, lessons, "da", start=time(8, 15))

    assert "08:15–08:35" in html and "11:15" in html
    assert lessons["afdelingsmoedet"].phases[3].title.da in html
    assert "jagten lessons printables gaarden_som_arkitektur" in html


def test_a_block_longer_than_its_phases_or_a_missing_lesson_is_reported(day, lessons):
    blocks = [
        day.blocks[0].model_copy(update={"minutes": 90}),
        day.blocks[1].model_copy(update={"lesson": "afdelingsmode"}),
        *day.blocks[2:],
    ]
    stretched = day.model_copy(update={"blocks": blocks})
    messages = [issue.message for issue in course_issues(stretched, lessons)]
    assert any("shorten phases, not stretch them" in m for m in messages)
    assert any("did you mean 'afdelingsmoedet'" in m for m in messages)
    assert any("add up to" in m for m in messages)


def test_characters_keep_their_name_and_age_across_lessons(lessons):
    assert list(character_issues(lessons)) == []
    fatima = [
        role.age for lesson in lessons.values() for role in lesson.roles if role.id == "fatima"
    ]
    assert len(fatima) >= 2 and set(fatima) == {38}
    board = lessons["afdelingsbestyrelsen"]
    roles = [r.model_copy(update={"age": 75}) if r.id == "erik" else r for r in board.roles]
    older = {**lessons, "afdelingsbestyrelsen": board.model_copy(update={"roles": roles})}
    [(lesson_id, issue)] = list(character_issues(older))
    assert lesson_id == "afdelingsbestyrelsen" or "afdelingsbestyrelsen" in issue.message
    assert "keeps name and age" in issue.message


def test_the_course_is_set_in_one_estate(lessons):
    """Issue 13, point 11: every lesson (the reuse station's too) is set in Tranebærparken."""
    assert {lid: lesson.estate for lid, lesson in lessons.items()} == dict.fromkeys(
        lessons, "tranebaerparken"
    )
    reuse = lessons["genbrugsstedet"]
    [vote] = [phase.vote for phase in reuse.phases if phase.vote is not None]
    site = load_estate(reuse.estate).site(vote.options.site)
    assert site.variant_ids() == ["lille", "stor", "byttehylde"]


@pytest.mark.parametrize("lesson_id", lesson_ids())
def test_every_lesson_splits_into_45_minute_lessons(lesson_id, lessons):
    lesson = lessons[lesson_id]
    sessions: dict[int, int] = {}
    for phase in lesson.phases:
        sessions[phase.session] = sessions.get(phase.session, 0) + phase.minutes
    assert list(sessions) == list(range(1, len(sessions) + 1))
    assert all(minutes <= 45 for minutes in sessions.values())
    html = render_guide(lesson, "da")
    assert "Som 45-minutters lektioner" in html and "Differentiering" in html
    assert "folkeskoleloven § 1, stk. 3" in html


def test_jagten_lessons_course_writes_the_day(tmp_path: Path):
    output = tmp_path / "dag.html"
    run = CliRunner().invoke(main, ["lessons", "course", "--lang", "en", "-o", str(output)])
    assert run.exit_code == 0, run.output
    assert "Course day – Jagten på fællesskabet in 3 hours" in output.read_text("utf-8")
