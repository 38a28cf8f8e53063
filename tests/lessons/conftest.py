"""A small valid lesson that tests break one line at a time, and a way to write it to disk."""

from collections.abc import Callable
from pathlib import Path

import pytest

VALID_LESSON = """\
id: proeve
title: {da: Prøvelektion, en: Trial lesson}
summary: {da: En kort lektion., en: A short lesson.}
grades: [8, 9]
duration: 45
subjects: [samfundsfag]
goals:
  - {da: Eleverne stemmer., en: Pupils vote.}
estate: tranebaerparken
phases:
  - kind: build
    title: {da: Byg, en: Build}
    minutes: 25
    teacher: {da: Byg gården., en: Build the courtyard.}
    pupils: {da: Byg i jeres felt., en: Build on your plot.}
    build:
      variants: {legepladsen: natur}
      plots: [gruppe_1, gruppe_2, gruppe_3]
  - kind: vote
    title: {da: Stem, en: Vote}
    minutes: 20
    teacher: {da: Åbn afstemningen., en: Open the vote.}
    pupils: {da: Stem., en: Vote.}
    vote:
      question: {da: "Hvilken legeplads?", en: "Which playground?"}
      options:
        site: legepladsen
      method: ranked
      weights: per_household
curriculum:
  - subject: samfundsfag
    area: politik
    focus: {da: Demokrati, en: Democracy}
    skill: {da: Eleven kan diskutere deltagelse i demokratiet., en: Pupils can discuss taking part.}
    knowledge: {da: Eleven har viden om demokrati., en: Pupils know about democracy.}
differentiation:
  younger: {da: Vis reglerne på tavlen., en: Show the rules on the board.}
  older: {da: Lad dem regne vægtene ud., en: Let them work out the weights.}
exit_ticket:
  - {da: "Hvem må stemme?", en: "Who may vote?"}
  - {da: "Hvad sker der ved stemmelighed?", en: "What happens on a tie?"}
glossary: [husstand, afdelingsmoede]
"""

LessonWriter = Callable[..., Path]


@pytest.fixture(autouse=True)
def _in_english(english: None) -> None:
    """Lesson tests assert the English wording of messages (see `english` in tests/conftest.py)."""


@pytest.fixture
def valid_lesson_text() -> str:
    return VALID_LESSON


@pytest.fixture
def write_lesson(tmp_path: Path) -> LessonWriter:
    """Write the valid lesson with ``old`` replaced by ``new`` to ``<tmp>/<name>.yaml``."""

    def write(old: str = "", new: str = "", *, name: str = "proeve") -> Path:
        if old and old not in VALID_LESSON:
            raise AssertionError(f"the test lesson has no {old!r} to replace")
        path = tmp_path / f"{name}.yaml"
        path.write_text(VALID_LESSON.replace(old, new) if old else VALID_LESSON, "utf-8")
        return path

    return write
