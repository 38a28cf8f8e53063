"""Login cards: one printable card per pupil with a QR code of the personal sign-in link."""

import re

from flask import Flask

from tests.teacher_portal.conftest import AuthActions, make_app
from tests.teacher_portal.factories import (
    create_class,
    create_pupils,
    create_teacher,
    default_teacher,
)


def test_card_sheet_has_a_qr_code_per_pupil(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        pupils = create_pupils(school_class, "Ali", "Bo", "Cecilie")
    auth.login()
    page = client.get(f"/classes/{school_class.id}/cards").text
    assert page.count("<svg") == 3
    for pupil in pupils:
        assert f"http://localhost/c/{pupil.card_token}" in page
        assert pupil.nickname in page
    assert school_class.class_code in page


def test_revoked_pupils_get_no_card(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        ali, _bo = create_pupils(school_class, "Ali", "Bo")
    auth.login()
    client.post(f"/classes/{school_class.id}/pupils/{ali.id}/card/revoke")
    page = client.get(f"/classes/{school_class.id}/cards").text
    assert page.count("<svg") == 1
    assert ali.card_token not in page


def test_public_url_makes_links_work_on_phones(tmp_path) -> None:
    app = make_app(tmp_path, PUBLIC_URL="http://192.168.1.20:5000/")
    with app.app_context():
        school_class = create_class(create_teacher())
        (ali,) = create_pupils(school_class, "Ali")
    client = app.test_client()
    AuthActions(client).login()
    page = client.get(f"/classes/{school_class.id}/cards").text
    assert f"http://192.168.1.20:5000/c/{ali.card_token}" in page
    assert re.search(r"http://192\.168\.1\.20:5000/join", page)
