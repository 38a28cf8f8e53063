"""The class's message: groups write it on phones in "Til kommunen"; a group mate's newer
text is never overwritten unseen; the teacher turns the asks into a ranking vote whose
order the report follows."""

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from teacher_portal.core.extensions import db
from teacher_portal.models import ClassMessage, LessonRun, VotingTask
from tests.teacher_portal.conftest import sign_in_pupil
from tests.teacher_portal.factories import (
    create_class,
    create_group,
    create_lesson_run,
    create_pupil,
    default_teacher,
)
from tests.teacher_portal.reports.report_factories import ReportClass

WRITE_PHASE = 1  # "Hvad vil vi bede kommunen om?" has the message step


def _class_in_til_kommunen(app: Flask, phase: int = WRITE_PHASE):
    with app.app_context():
        school_class = create_class(default_teacher(), "8.C", grade=8)
        group = create_group(school_class, "Gruppe A")
        ada = create_pupil(school_class, "Ada", group_id=group.id)
        bent = create_pupil(school_class, "Bent", group_id=group.id)
        solo = create_pupil(school_class, "Solo")
        run = create_lesson_run(school_class, "til_kommunen")
        db.session.get(LessonRun, run.id).phase_index = phase
        db.session.commit()
    return school_class, run, ada, bent, solo


def _phone(app: Flask, card_token: str) -> FlaskClient:
    phone = app.test_client()
    sign_in_pupil(phone, card_token)
    return phone


def _version(page: str) -> str:
    found = re.search(r'name="version"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="version"', page)
    return found[1] or found[2]


def test_groups_write_their_message_on_phones(app: Flask, teacher: FlaskClient) -> None:
    _school_class, run, ada, bent, _solo = _class_in_til_kommunen(app)
    phone = _phone(app, ada.card_token)
    home = phone.get("/pupil/").text
    assert "Skriv jeres budskab" in home
    form = phone.get("/pupil/message")
    assert form.status_code == 200 and "Gruppe A" in form.text
    saved = phone.post("/pupil/message", data={
        "problem": "Bussen kører ikke om aftenen.", "proposal": "En aftenbus til bymidten.",
        "ask": "En aftenbus hver halve time", "version": _version(form.text)})  # fmt: skip
    assert saved.status_code == 302
    mate = _phone(app, bent.card_token)
    assert "En aftenbus hver halve time" in mate.get("/pupil/").text
    assert "En aftenbus til bymidten." in mate.get("/pupil/message").text
    lesson_page = teacher.get(f"/runs/{run.id}").text
    assert "1 af 1 grupper har skrevet deres budskab." in lesson_page
    assert "En aftenbus hver halve time" in lesson_page


def test_a_group_mates_newer_text_is_shown_and_nothing_typed_is_lost(app: Flask) -> None:
    _school_class, _run, ada, bent, _solo = _class_in_til_kommunen(app)
    ada_phone, bent_phone = _phone(app, ada.card_token), _phone(app, bent.card_token)
    version = _version(ada_phone.get("/pupil/message").text)
    assert version == _version(bent_phone.get("/pupil/message").text) == "0"
    first = {"problem": "", "proposal": "", "ask": "Flere bænke", "version": version}
    assert ada_phone.post("/pupil/message", data=first).status_code == 302
    second = {"problem": "", "proposal": "", "ask": "Lys på stien", "version": version}
    clash = bent_phone.post("/pupil/message", data=second)
    assert clash.status_code == 409
    assert "En anden i jeres gruppe har gemt imens" in clash.text
    assert "Flere bænke" in clash.text and "Lys på stien" in clash.text  # theirs and his
    merged = {**second, "ask": "Flere bænke og lys på stien", "version": _version(clash.text)}
    assert bent_phone.post("/pupil/message", data=merged).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(ClassMessage.ask)) == "Flere bænke og lys på stien"


def test_writing_needs_a_group_and_a_lesson_with_the_step(app: Flask) -> None:
    school_class, run, ada, _bent, solo = _class_in_til_kommunen(app)
    alone = _phone(app, solo.card_token)
    refused = alone.get("/pupil/message")
    assert refused.status_code == 409 and "Du er ikke i en gruppe endnu" in refused.text
    with app.app_context():
        db.session.get(LessonRun, run.id).finished_at = db.func.now()
        db.session.commit()
    phone = _phone(app, ada.card_token)
    assert phone.get("/pupil/message").status_code == 409
    assert phone.post("/pupil/message", data={"ask": "x", "version": "0"}).status_code == 409
    with app.app_context():
        create_lesson_run(school_class, "afdelingsmoedet")  # a lesson without the step
    assert phone.get("/pupil/message").status_code == 409
    assert "Skriv jeres budskab" not in phone.get("/pupil/").text


def test_the_asks_become_a_ranking_vote_and_the_report_follows_its_order(
    app: Flask, teacher: FlaskClient, report: ReportClass
) -> None:
    with app.app_context():
        task = db.session.get(VotingTask, report.asks_vote.id)
        assert [option["label"] for option in task.options] == [
            "En sikker overgang på skolevejen",
            "Et ungdomstilbud om aftenen i fælleshuset",
            "Samarbejde om storskrald og genbrug",
        ]
        assert (task.method, task.decision, task.secret) == ("borda", "ranking", True)
        assert task.compare == ["plurality", "condorcet"]  # the lesson's vote's rules
    made = teacher.post(f"/runs/{report.run.id}/asks-vote")
    assert made.status_code == 302 and "/votes/" in made.location
    page = teacher.get(f"/classes/{report.school_class.id}/report/view").text
    order = [page.index(name) for name in ("Gruppe 2", "Gruppe 1", "Gruppe 3")]
    assert order == sorted(order)  # as ranked: 2, 1, 3
    assert "Klassen rangordnede sine ønsker" in page


def test_the_teacher_removes_a_message(
    app: Flask, teacher: FlaskClient, report: ReportClass
) -> None:
    with app.app_context():
        message = db.session.scalar(select(ClassMessage).order_by(ClassMessage.id))
    assert teacher.post(f"/class-messages/{message.id}/delete").status_code == 302
    page = teacher.get(f"/classes/{report.school_class.id}/report/view").text
    assert "En sikker overgang på skolevejen" not in page.split("Vores budskab til kommunen")[-1]
