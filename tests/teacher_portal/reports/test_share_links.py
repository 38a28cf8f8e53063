"""Share links: a politician reads one class's report without logging in, and nothing else;
the link is refused once withdrawn or expired; the one answer it takes is CSRF-protected,
rate-limited, and reaches pupils only when the teacher shows it."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db
from teacher_portal.models import LessonRun, ReportAnswer, ReportLink
from teacher_portal.reports import messages
from tests.teacher_portal.conftest import AuthActions, make_app, sign_in_pupil
from tests.teacher_portal.factories import (
    create_class,
    create_group,
    create_lesson_run,
    create_teacher,
    default_teacher,
)
from tests.teacher_portal.reports.report_factories import MESSAGES, ReportClass, report_class

ANSWER = {
    "name": "Mette Holm",
    "role": "Formand for Teknik- og Miljøudvalget",
    "text": "Tak for jeres forslag! Overgangen ved skolevejen kommer på udvalgets møde.",
}
CSRF_FIELD = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


def make_link(teacher: FlaskClient, class_id: int, recipient: str = "Mette Holm") -> ReportLink:
    response = teacher.post(
        f"/classes/{class_id}/report/links",
        data={"recipient": recipient, "recipient_role": "Udvalgsformand", "note": "", "days": 30},
    )
    assert response.status_code == 302
    return db.session.scalar(
        select(ReportLink).where(ReportLink.class_id == class_id).order_by(ReportLink.id.desc())
    )


@pytest.fixture
def link(app: Flask, teacher: FlaskClient, report: ReportClass) -> ReportLink:
    with app.app_context():
        return make_link(teacher, report.school_class.id)


def test_the_link_opens_that_class_report_without_logging_in(
    app: Flask, link: ReportLink, report: ReportClass
) -> None:
    with app.app_context():  # another class of the same teacher, with a message of its own
        other = create_class(default_teacher(), "9.A")
        run = create_lesson_run(other, "til_kommunen")
        group = create_group(other, "Andet hold")
        messages.save_message(
            db.session.get(LessonRun, run.id), group, {"ask": "Et hemmeligt ønske fra 9.A"}, 0
        )
    politician = app.test_client()
    page = politician.get(f"/r/{link.token}")
    assert page.status_code == 200
    for _problem, _proposal, ask in MESSAGES.values():
        assert ask in page.text
    assert "Hvilken legeplads skal gården have?" in page.text
    assert "Et hemmeligt ønske fra 9.A" not in page.text
    assert page.headers["Cache-Control"] == "no-store"
    assert "noindex" in page.headers["X-Robots-Tag"]
    assert len(link.token) >= 32
    pdf = politician.get(f"/r/{link.token}/report.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")


def test_everything_the_share_page_links_stays_under_the_link(
    app: Flask, link: ReportLink, report: ReportClass
) -> None:
    politician = app.test_client()
    page = politician.get(f"/r/{link.token}").text
    addresses = re.findall(r'(?:href|src|action)="([^"]*)"', page)
    assert addresses
    for address in addresses:
        assert address.startswith((f"/r/{link.token}/", "/static/report", "#")), address
    for picture in re.findall(r'src="(/r/[^"]+\.png)"', page):
        response = politician.get(picture)
        assert response.status_code == 200 and response.mimetype == "image/png"


def test_the_link_reaches_nothing_else_of_the_portal(
    app: Flask, link: ReportLink, report: ReportClass
) -> None:
    politician = app.test_client()
    assert politician.get(f"/r/{link.token}").status_code == 200
    class_id, task_id, run_id = report.school_class.id, report.variant_vote.id, report.run.id
    for address in (
        "/classes/", f"/classes/{class_id}", f"/classes/{class_id}/report",
        f"/classes/{class_id}/report/view", f"/classes/{class_id}/report.pdf",
        f"/classes/{class_id}/report/pictures/estate-mosebollehaven-before.png",
        f"/classes/{class_id}/export.json", f"/votes/{task_id}", f"/runs/{run_id}",
        f"/vote/{task_id}", f"/vote/{task_id}/options/1.png", "/pupil/", "/pupil/message",
        f"/report-links/{link.id}/letter.pdf", "/admin/teachers",
    ):  # fmt: skip
        response = politician.get(address)
        assert response.status_code in (302, 404), address
        if response.status_code == 302:
            assert "/login" in response.location or "/join" in response.location, address
    assert politician.get(f"/r/{link.token}/pictures/no-such-picture.png").status_code == 404
    assert politician.get(f"/r/{link.token}x").status_code == 404


def test_a_withdrawn_or_expired_link_is_refused(
    app: Flask, teacher: FlaskClient, link: ReportLink, report: ReportClass
) -> None:
    politician = app.test_client()
    with app.app_context():
        second = make_link(teacher, report.school_class.id, "Byrådet")
    assert teacher.post(f"/report-links/{link.id}/revoke").status_code == 302
    for address in ("", "/report.pdf", "/pictures/estate-mosebollehaven-before.png", "/ready.json"):
        assert politician.get(f"/r/{link.token}{address}").status_code == 404
    assert politician.post(f"/r/{link.token}/answer", data=ANSWER).status_code == 404
    assert politician.get(f"/r/{second.token}").status_code == 200
    with app.app_context():
        db.session.get(ReportLink, second.id).expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    refused = politician.get(f"/r/{second.token}")
    assert refused.status_code == 410
    assert "Linket er udløbet" in refused.text
    assert politician.post(f"/r/{second.token}/answer", data=ANSWER).status_code == 410
    with app.app_context():
        assert db.session.scalar(select(ReportAnswer)) is None


def test_an_answer_reaches_pupils_only_once_the_teacher_shows_it(
    app: Flask, teacher: FlaskClient, link: ReportLink, report: ReportClass
) -> None:
    politician = app.test_client()
    sent = politician.post(f"/r/{link.token}/answer", data=ANSWER)
    assert sent.status_code == 303
    thanked = politician.get(sent.location)
    assert "Tak! Dit svar er sendt til klassens lærer." in thanked.text
    assert ANSWER["text"] in thanked.text  # the politician sees their own answer
    assert politician.post(f"/r/{link.token}/answer", data=ANSWER).status_code == 409

    pupil = app.test_client()
    sign_in_pupil(pupil, report.pupils["Zebra"].card_token)
    assert ANSWER["text"] not in pupil.get("/pupil/").text
    class_id = report.school_class.id
    assert ANSWER["text"] in teacher.get(f"/classes/{class_id}/report").text
    assert ANSWER["text"] not in teacher.get(f"/classes/{class_id}/report/view").text
    with app.app_context():
        answer_id = db.session.scalar(select(ReportAnswer.id))
    assert teacher.post(f"/report-answers/{answer_id}/shown", data={"show": "1"}).status_code == 302
    assert ANSWER["text"] in pupil.get("/pupil/").text
    assert ANSWER["text"] in teacher.get(f"/classes/{class_id}/report/view").text
    assert ANSWER["text"] in app.test_client().get(f"/r/{link.token}").text


def test_the_answer_form_needs_its_csrf_token(tmp_path: Path) -> None:
    app = make_app(tmp_path, WTF_CSRF_ENABLED=True)
    with app.app_context():
        create_teacher(admin=True)
        report = report_class()
        token = ReportLink(class_id=report.school_class.id, token="t" * 32, recipient="Byrådet",
                           expires_at=utcnow() + timedelta(days=1))  # fmt: skip
        db.session.add(token)
        db.session.commit()
    politician = app.test_client()
    assert politician.post(f"/r/{'t' * 32}/answer", data=ANSWER).status_code == 400
    page = politician.get(f"/r/{'t' * 32}").text
    csrf = CSRF_FIELD.search(page)[1]
    sent = politician.post(f"/r/{'t' * 32}/answer", data={**ANSWER, "csrf_token": csrf})
    assert sent.status_code == 303
    with app.app_context():
        assert db.session.scalar(select(ReportAnswer.name)) == "Mette Holm"


def test_answers_and_link_requests_are_rate_limited_per_address(tmp_path: Path) -> None:
    app = make_app(
        tmp_path, RATELIMIT_ENABLED=True, REPORT_ANSWER_LIMIT="3 per hour",
        REPORT_LINK_LIMIT="5 per minute",
    )  # fmt: skip
    with app.app_context():
        create_teacher(admin=True)
        report = report_class()
        link = ReportLink(class_id=report.school_class.id, token="r" * 32, recipient="Byrådet",
                          expires_at=utcnow() + timedelta(days=1))  # fmt: skip
        db.session.add(link)
        db.session.commit()
    politician = app.test_client()
    incomplete = {"name": "", "role": "", "text": ""}
    for _ in range(3):
        assert politician.post(f"/r/{'r' * 32}/answer", data=incomplete).status_code == 422
    assert politician.post(f"/r/{'r' * 32}/answer", data=ANSWER).status_code == 429
    with app.app_context():
        assert db.session.scalar(select(ReportAnswer)) is None
    guesses = [politician.get(f"/r/{guess:032d}").status_code for guess in range(6)]
    assert guesses == [404] * 5 + [429]  # nobody tries tokens fast


def test_only_the_class_teacher_manages_its_links(
    app: Flask, link: ReportLink, report: ReportClass
) -> None:
    with app.app_context():
        create_teacher("other@example.org", name="Olga")
    other = app.test_client()
    AuthActions(other).login("other@example.org")
    assert other.post(f"/report-links/{link.id}/revoke").status_code == 404
    assert other.get(f"/report-links/{link.id}/letter.pdf").status_code == 404
    assert other.get(f"/classes/{report.school_class.id}/report").status_code == 404
    assert app.test_client().get(f"/r/{link.token}").status_code == 200  # still open


def test_the_export_tells_links_and_answers_but_no_token_and_deleting_the_class_ends_them(
    app: Flask, teacher: FlaskClient, link: ReportLink, report: ReportClass
) -> None:
    app.test_client().post(f"/r/{link.token}/answer", data=ANSWER)
    exported = teacher.get(f"/classes/{report.school_class.id}/export.json")
    data = exported.json["report"]
    assert data["links"][0]["recipient"] == "Mette Holm"
    assert data["links"][0]["answer"]["text"] == ANSWER["text"]
    assert len(data["messages"]) == 3
    assert link.token not in exported.text
    assert teacher.post(f"/classes/{report.school_class.id}/delete").status_code == 302
    assert app.test_client().get(f"/r/{link.token}").status_code == 404
    with app.app_context():
        assert db.session.scalar(select(ReportAnswer)) is None
