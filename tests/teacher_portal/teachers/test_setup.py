"""First run: with no teacher every page leads to set-up, which creates the first admin."""

from flask import Flask
from sqlalchemy import select

from teacher_portal.core.extensions import db
from teacher_portal.models import Teacher

NEW_ADMIN = {
    "name": "Karen",
    "email": "Karen@Skole.dk",
    "password": "lange-kodeord",
    "confirm": "lange-kodeord",
}


def test_every_page_leads_to_setup(fresh_app: Flask) -> None:
    client = fresh_app.test_client()
    for path in ("/", "/login", "/classes/", "/join"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.location == "/setup"
    assert client.get("/healthz").status_code == 200
    assert client.get("/privacy").status_code == 200


def test_setup_creates_an_admin_and_logs_in(fresh_app: Flask) -> None:
    client = fresh_app.test_client()
    response = client.post("/setup", data=NEW_ADMIN)
    assert response.location == "/classes/new"
    assert client.get("/classes/").status_code == 200
    with fresh_app.app_context():
        teacher = db.session.scalar(select(Teacher))
        assert teacher.is_admin
        assert teacher.email == "karen@skole.dk"
        assert teacher.password_hash != NEW_ADMIN["password"]
        assert teacher.check_password(NEW_ADMIN["password"])


def test_setup_is_gone_once_done(app: Flask) -> None:
    client = app.test_client()
    assert client.get("/setup").status_code == 404
    assert client.post("/setup", data=NEW_ADMIN).status_code == 404


def test_setup_explains_bad_input(fresh_app: Flask) -> None:
    client = fresh_app.test_client()
    bad = {**NEW_ADMIN, "password": "kort", "confirm": "andet", "email": "ikke-en-mail"}
    response = client.post("/setup", data=bad)
    assert response.status_code == 200
    assert "Brug mindst 8 tegn." in response.text
    assert "De to adgangskoder er ikke ens." in response.text
    assert "Skriv en e-mailadresse" in response.text
    with fresh_app.app_context():
        assert db.session.scalar(select(Teacher)) is None
