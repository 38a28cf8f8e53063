"""Printables come from the lesson's own YAML: the PDF a phone-free class votes on holds
the ballot's options, in Danish or English, and every lesson's sheets render."""

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from lessons.catalog import lesson_ids, load_lesson
from lessons.printables import render_printables
from lessons.printing import html_to_pdf
from teacher_portal.cli import main
from tests.real_components import require


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        require("pdftotext (poppler-utils): sudo apt-get install poppler-utils")
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


@pytest.mark.parametrize(
    ("lesson", "lang", "expected"),
    [
        (
            "afdelingsmoedet",
            "da",
            ["Klassisk legeplads", "Naturlegeplads", "Aktivitetsplads", "Sæt ét kryds"],
        ),
        ("naar_krisen_rammer", "en", ["Yes", "No", "the proposal falls", "Help plan"]),
    ],
)
def test_the_printed_pdf_holds_the_ballots_options(tmp_path: Path, lesson, lang, expected):
    output = tmp_path / "print.pdf"

    run = CliRunner().invoke(
        main, ["lessons", "printables", lesson, "--lang", lang, "-o", str(output)]
    )

    assert run.exit_code == 0, run.output
    assert output.read_bytes().startswith(b"%PDF")
    text = pdf_text(output)
    for words in expected:
        assert words in text
    assert load_lesson(lesson).exit_ticket[0].get(lang).split()[0] in text


@pytest.mark.parametrize("lesson_id", lesson_ids())
def test_every_lesson_prints_its_cards_ballots_glossary_and_exit_ticket(lesson_id):
    lesson = load_lesson(lesson_id)

    html = render_printables(lesson, "da")

    for role in lesson.roles:
        if role.kind != "group":
            assert role.name.da in html
    for phase in lesson.phases:
        if phase.vote:
            assert phase.vote.question.da in html
    for question in lesson.exit_ticket:
        assert question.da in html
    assert "Ordliste" in html


def test_the_shift_plan_has_a_row_per_day_and_a_column_per_volunteer():
    html = render_printables(load_lesson("genbrugsstedet"), "en")

    assert html.count("<td>Wednesday week") == 4
    assert "Volunteers 2" in html and "Sunday" in html


def test_html_to_pdf_makes_a_pdf_of_any_page():
    pdf = html_to_pdf("<p>Æblegrød og rødgrød</p>")

    assert pdf.startswith(b"%PDF") and len(pdf) > 500
