"""The printed report of a class with a variant vote, a ranking of the groups' asks and three
groups' messages, checked with poppler's own tools (an independent reader of the PDF):
the text holds the questions, winners and messages; every page renders and none is blank;
every picture is embedded at 150 dpi or more; and no picture, chart or table is split
across two pages (checked on WeasyPrint's own page layout)."""

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from flask import Flask
from flask.testing import FlaskClient
from PIL import Image
from sqlalchemy import select
from weasyprint import HTML

from teacher_portal.core.extensions import db
from teacher_portal.models import ClassReport, SchoolClass
from teacher_portal.reports.document import report_print_html
from tests.real_components import require
from tests.teacher_portal.reports.report_factories import MEMBERS, MESSAGES, ReportClass

POPPLER = ("pdftotext", "pdftoppm", "pdfimages", "pdfinfo")
KEEP_TOGETHER = ("keep", "picture", "chart", "round", "message", "answer", "option", "fact")


@pytest.fixture(scope="module", autouse=True)
def _poppler() -> None:
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing:
        require(
            f"poppler-utils is not installed ({', '.join(missing)}): apt-get install poppler-utils"
        )


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def _pdf(teacher: FlaskClient, report: ReportClass, tmp_path: Path, name: str) -> Path:
    response = teacher.get(f"/classes/{report.school_class.id}/report.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    path = tmp_path / name
    path.write_bytes(response.data)
    return path


def _pages(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.M)[1])


def _contact_sheet(pages: list[Path], output: Path) -> None:
    """The rendered pages side by side, for the README."""
    images = [Image.open(page).convert("RGB") for page in pages]
    width, height = images[0].size
    columns = 5
    rows = -(-len(images) // columns)
    sheet = Image.new("RGB", (columns * (width + 12) + 12, rows * (height + 12) + 12), "#c9c4b8")
    for index, image in enumerate(images):
        sheet.paste(
            image, (12 + (index % columns) * (width + 12), 12 + (index // columns) * (height + 12))
        )
    sheet.save(output, format="PNG", optimize=True)


def test_the_printed_report_holds_the_votes_winners_and_messages(
    app: Flask, teacher: FlaskClient, report: ReportClass, tmp_path: Path, screenshot_dir: Path
) -> None:
    pdf = _pdf(teacher, report, tmp_path, "report.pdf")
    text = " ".join(_run("pdftotext", "-layout", str(pdf), "-").split())

    assert "Hvilken legeplads skal gården have?" in text
    assert "Hvilke af vores ønsker til kommunen skal stå først?" in text
    assert "Vinder: Legehus og klatrestativ" in text
    assert "Vinder: Et ungdomstilbud om aftenen i fælleshuset" in text
    for problem, proposal, ask in MESSAGES.values():
        assert problem in text and proposal in text and ask in text
    assert "præferencevalg, runde for runde" in text.lower()  # the run-off rounds
    assert "37 %" in text and "BL" in text  # the framing facts, with their source
    assert "Bebyggelsesprocent" in text  # the planner's measures before and after
    assert "Side 1 af" in text  # page numbers
    assert "de samme stemmesedler, talt på en anden måde" in text.lower()  # compared methods
    assert "Schulze" in text  # the compared Condorcet (Schulze) count
    nicknames = [name for names in MEMBERS.values() for name in names]
    assert not [name for name in nicknames if re.search(rf"\b{name}\b", text)]

    pages = _pages(pdf)
    assert pages >= 4
    _run("pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page"))
    rendered = sorted(tmp_path.glob("page-*.png"))
    assert len(rendered) == pages
    for page in rendered:
        with Image.open(page) as image:
            body = image.convert("L").crop((0, 0, image.width, int(image.height * 0.9)))
            inked = int((np.asarray(body) < 160).sum())
        assert inked > 200, f"{page.name} is blank above its footer"
    _contact_sheet(rendered, screenshot_dir / "report-pdf-pages.png")

    images = [line.split() for line in _run("pdfimages", "-list", str(pdf)).splitlines()[2:]]
    assert len(images) >= 7  # estate before/after, 2 shadow maps, 2 options, the lesson's estate
    for row in images:
        x_ppi, y_ppi = int(row[12]), int(row[13])
        assert x_ppi >= 150 and y_ppi >= 150, f"image on page {row[0]} at {x_ppi}x{y_ppi} ppi"


def test_no_picture_chart_or_table_is_split_across_pages(app: Flask, report: ReportClass) -> None:
    with app.test_request_context():
        html = report_print_html(db.session.get(SchoolClass, report.school_class.id))
    document = HTML(string=html).render()
    pages_of: dict[int, set[int]] = {}
    for number, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            classes = set((element.get("class") or "").split()) if element is not None else set()
            if element is not None and (element.tag in ("figure", "table", "svg") or
                                        classes & set(KEEP_TOGETHER)):  # fmt: skip
                pages_of.setdefault(id(element), set()).add(number)
    assert len(document.pages) >= 4 and len(pages_of) > 20
    split = {element: pages for element, pages in pages_of.items() if len(pages) > 1}
    assert not split


def test_the_report_prints_in_english_with_nicknames_when_the_teacher_chooses(
    app: Flask, teacher: FlaskClient, report: ReportClass, tmp_path: Path
) -> None:
    with app.app_context():
        db.session.add(
            ClassReport(class_id=report.school_class.id, language="en", show_nicknames=True,
                        school="Tranebærskolen", class_label="7.b", date_text="12 March 2027")
        )  # fmt: skip
        db.session.commit()
        assert db.session.scalar(select(ClassReport)).language == "en"
    text = " ".join(_run("pdftotext", str(_pdf(teacher, report, tmp_path, "en.pdf")), "-").split())
    assert "From the class to the town hall" in text
    assert "Tranebærskolen" in text and "7.b" in text and "12 March 2027" in text
    assert "Winner: Legehus og klatrestativ" in text
    assert "Our message to the municipality" in text and "Page 1 of" in text
    assert "Kiwi, Zebra" in text  # the group's members, as the teacher chose
