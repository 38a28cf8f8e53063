"""Every lesson we ship is valid, fits a school day, and renders in both languages."""

import pytest

from lessons.catalog import LESSONS_DIR, lesson_ids, load_lesson
from lessons.checker import check_lesson_file
from lessons.guide import render_guide
from lessons.schema import PhaseKind
from lessons.vote_methods import VoteWeights

REQUIRED_TOPICS = {
    "moed_bebyggelsen",
    "afdelingsmoedet",
    "afdelingsbestyrelsen",
    "gaarden_som_arkitektur",
    "genbrugsstedet",
    "naar_krisen_rammer",
    "til_kommunen",
}


def test_the_course_ships_its_seven_lessons():
    assert set(lesson_ids()) >= REQUIRED_TOPICS


@pytest.mark.parametrize("lesson_id", lesson_ids())
def test_shipped_lesson_has_no_errors_or_warnings(lesson_id):
    report = check_lesson_file(LESSONS_DIR / f"{lesson_id}.yaml")

    assert [str(problem) for problem in report.errors + report.warnings] == []


@pytest.mark.parametrize("lesson_id", lesson_ids())
def test_shipped_lesson_fits_45_to_135_minutes_exactly(lesson_id):
    lesson = load_lesson(lesson_id)

    assert 45 <= lesson.duration <= 135
    assert sum(phase.minutes for phase in lesson.phases) == lesson.duration


@pytest.mark.parametrize("lesson_id", lesson_ids())
@pytest.mark.parametrize("lang", ["da", "en"])
def test_shipped_lesson_renders_in_its_language(lesson_id, lang):
    lesson = load_lesson(lesson_id)
    other = "en" if lang == "da" else "da"

    html = render_guide(lesson, lang)

    assert f'<html lang="{lang}">' in html
    assert lesson.title.get(lang) in html
    assert lesson.title.get(other) not in html
    for phase in lesson.phases:
        assert phase.title.get(lang).replace("'", "&#39;") in html
    assert f"{lesson.duration // 60}:{lesson.duration % 60:02d}" in html  # the timetable's end


def test_the_department_meeting_follows_the_rules_of_resident_democracy():
    lesson = load_lesson("afdelingsmoedet")
    [vote] = [phase.vote for phase in lesson.phases if phase.vote]

    assert vote.weights is VoteWeights.PER_HOUSEHOLD
    assert vote.secret
    assert vote.options.site is not None  # the winner is built in the game
    assert any("2" in rule.text.da and "husstand" in rule.text.da for rule in lesson.rules)


def test_the_board_election_is_a_bloc_vote_with_deputies_left_over():
    lesson = load_lesson("afdelingsbestyrelsen")
    [vote] = [phase.vote for phase in lesson.phases if phase.vote]

    assert vote.method == "bloc"
    assert vote.seats is not None and vote.seats % 2 == 1  # an odd number of members
    assert vote.options.texts is not None and len(vote.options.texts) > vote.seats
    assert any("§ 34" in rule.source.da for rule in lesson.rules)


def test_the_crisis_lesson_holds_a_ballot_of_all_households_citing_section_37():
    lesson = load_lesson("naar_krisen_rammer")
    [vote] = [phase.vote for phase in lesson.phases if phase.vote]

    assert vote.weights is VoteWeights.PER_HOUSEHOLD
    assert any(rule.source.da == "almenboligloven § 37, stk. 3" for rule in lesson.rules)


def test_the_courtyard_lesson_compares_methods_on_pupil_plots():
    lesson = load_lesson("gaarden_som_arkitektur")
    [vote] = [phase.vote for phase in lesson.phases if phase.vote]
    built = {plot for phase in lesson.phases if phase.build for plot in phase.build.plots}

    assert vote.method == "ranked" and "plurality" in vote.compare
    assert vote.options.plots and set(vote.options.plots) <= built
    assert any(phase.kind is PhaseKind.BUILD for phase in lesson.phases)
