"""Pupils get in with a card link or the class code and their name; never with a password."""

from pathlib import Path

from flask import Flask

from teacher_portal.core.codes import card_code
from teacher_portal.core.extensions import db
from teacher_portal.models import Pupil
from tests.teacher_portal.conftest import AuthActions, make_app, sign_in_pupil
from tests.teacher_portal.factories import (
    create_class,
    create_pupil,
    create_teacher,
    default_teacher,
)


def _class_with_pupil(app: Flask):
    with app.app_context():
        school_class = create_class(default_teacher(), "6.B")
        return school_class, create_pupil(school_class, "Ali")


def test_card_link_signs_the_pupil_in(app: Flask, client) -> None:
    _school_class, pupil = _class_with_pupil(app)
    assert sign_in_pupil(client, pupil.card_token).location == "/pupil/"
    page = client.get("/pupil/").text
    assert "Hej, Ali!" in page
    assert "6.B" in page


def test_unknown_card_says_what_to_do(client) -> None:
    response = client.get("/c/not-a-real-token")
    assert response.status_code == 404
    assert "Bed din lærer om et nyt kort" in response.text


def test_class_code_name_and_card_code(app: Flask, client) -> None:
    school_class, pupil = _class_with_pupil(app)
    response = client.post("/join", data={"code": school_class.class_code.lower()})
    assert response.location == f"/join/{school_class.class_code}"
    assert "Ali" in client.get(response.location).text
    step = client.post(response.location, data={"pupil": pupil.id})
    assert "Skriv koden fra dit login-kort" in step.text
    typed = " ".join(card_code(pupil.card_token).lower())  # as a pupil may type it
    response = client.post(step.request.path, data={"pupil": pupil.id, "card_code": typed})
    assert response.location == "/pupil/"
    assert "Hej, Ali!" in client.get("/pupil/").text


def test_wrong_class_code_is_explained(client) -> None:
    response = client.post("/join", data={"code": "NOPE42"})
    assert response.status_code == 200
    assert "Den kode kender vi ikke" in response.text


def test_cannot_pick_a_pupil_of_another_class(app: Flask, client) -> None:
    school_class, _pupil = _class_with_pupil(app)
    with app.app_context():
        other_class = create_class(create_teacher("b@skole.dk"), "7.A")
        stranger = create_pupil(other_class, "Zed")
    response = client.post(f"/join/{school_class.class_code}", data={"pupil": stranger.id})
    assert response.status_code == 200
    assert client.get("/pupil/").status_code == 302


def test_class_code_is_rate_limited(tmp_path: Path) -> None:
    app = make_app(tmp_path, RATELIMIT_ENABLED=True, CLASS_CODE_LIMIT="3 per minute")
    with app.app_context():
        create_teacher()
    client = app.test_client()
    statuses = [client.post("/join", data={"code": "WRONG1"}).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert "Vent et minut" in client.post("/join", data={"code": "X"}).text


def test_revoked_card_stops_working_and_ends_the_session(
    app: Flask, client, auth: AuthActions
) -> None:
    school_class, pupil = _class_with_pupil(app)
    pupil_client = app.test_client()
    sign_in_pupil(pupil_client, pupil.card_token)
    assert pupil_client.get("/pupil/").status_code == 200
    auth.login()
    client.post(f"/classes/{school_class.id}/pupils/{pupil.id}/card/revoke")
    assert pupil_client.get("/pupil/").status_code == 302
    assert sign_in_pupil(app.test_client(), pupil.card_token).status_code == 404
    client.post(f"/classes/{school_class.id}/pupils/{pupil.id}/card/reissue")
    with app.app_context():
        new_token = db.session.get(Pupil, pupil.id).card_token
    assert new_token and new_token != pupil.card_token
    assert sign_in_pupil(app.test_client(), new_token).location == "/pupil/"


def test_pupil_sign_in_ends_a_teacher_session(app: Flask, client, auth: AuthActions) -> None:
    _school_class, pupil = _class_with_pupil(app)
    auth.login()
    sign_in_pupil(client, pupil.card_token)
    assert client.get("/classes/").status_code == 302
