"""What the teacher prints for the politician: the invitation letter, whose QR code (read
back by zbar, an independent decoder) opens the politician's share link, and the briefing
with the class's asks in the class's order."""

import shutil
import subprocess
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from tests.real_components import require
from tests.teacher_portal.reports.report_factories import ReportClass
from tests.teacher_portal.reports.test_share_links import make_link


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True)
    return " ".join(out.stdout.split())


def test_the_invitation_letter_carries_the_link_as_a_qr_code(
    app: Flask, teacher: FlaskClient, report: ReportClass, tmp_path: Path
) -> None:
    if shutil.which("zbarimg") is None:
        require("zbar-tools is not installed (apt-get install zbar-tools)")
    with app.app_context():
        link = make_link(teacher, report.school_class.id, "Mette Holm")
    response = teacher.get(f"/report-links/{link.id}/letter.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(response.data)
    text = _text(pdf)
    share_url = f"http://localhost/r/{link.token}"
    assert "Kære Mette Holm" in text and "Udvalgsformand" in text and "7.B" in text
    assert share_url in text.replace(" ", "")
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "letter")], check=True)  # fmt: skip
    page = next(tmp_path.glob("letter-*.png"))
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(page)],
                             capture_output=True, text=True, check=True)  # fmt: skip
    assert decoded.stdout.strip() == share_url
    assert app.test_client().get(f"/r/{link.token}").status_code == 200


def test_the_briefing_lists_the_asks_in_the_class_order(
    teacher: FlaskClient, report: ReportClass, tmp_path: Path
) -> None:
    response = teacher.get(f"/classes/{report.school_class.id}/report/briefing.pdf")
    assert response.status_code == 200
    pdf = tmp_path / "briefing.pdf"
    pdf.write_bytes(response.data)
    text = _text(pdf)
    asks = ["Et ungdomstilbud om aftenen i fælleshuset", "En sikker overgang på skolevejen",
            "Samarbejde om storskrald og genbrug"]  # fmt: skip
    positions = [text.index(ask) for ask in asks]
    assert positions == sorted(positions)
    assert "Hvilken legeplads skal gården have? – Legehus og klatrestativ" in text
    assert "Hvem i kommunen bestemmer over vores forslag, og hvornår?" in text
