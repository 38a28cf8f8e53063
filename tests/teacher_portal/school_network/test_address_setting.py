"""The address pupils' devices use: set by an administrator, stored in the database, used by
cards, the join page and the game's address, and warned about while it is loopback."""

from pathlib import Path

from flask import Flask

from teacher_portal.core.extensions import db
from teacher_portal.models import SchoolSettings
from tests.teacher_portal.conftest import AuthActions, make_app, sign_in_pupil
from tests.teacher_portal.factories import (
    PASSWORD,
    create_class,
    create_pupil,
    create_teacher,
    default_teacher,
)

WARNING = 'data-testid="address-warning"'


def test_a_loopback_address_is_warned_about_where_links_are_made(
    app: Flask, client, auth: AuthActions
) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        create_pupil(school_class, "Ali")
    auth.login()
    for page in ("", "/cards", "/game"):
        text = client.get(f"/classes/{school_class.id}{page}").text
        assert WARNING in text, page
        assert "Elevernes telefoner kan ikke åbne disse links endnu" in text
        assert 'href="/settings/address"' in text  # the admin can fix it at once


def test_a_teacher_who_is_not_admin_is_told_whom_to_ask(app: Flask, client) -> None:
    with app.app_context():
        colleague = create_teacher("kollega@skole.dk")
        school_class = create_class(colleague)
    client.post("/login", data={"email": "kollega@skole.dk", "password": PASSWORD})
    page = client.get(f"/classes/{school_class.id}").text
    assert "Bed portalens administrator om at indstille" in page
    assert client.get("/settings/address").status_code == 403


def test_the_admins_address_is_stored_and_used_by_every_link(
    app: Flask, client, auth: AuthActions
) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        pupil = create_pupil(school_class, "Ali")
    auth.login()
    response = client.post("/settings/address", data={"public_url": " 192.168.1.20:5000/ "})
    assert "Gemt." in client.get(response.location).text
    with app.app_context():
        assert db.session.query(SchoolSettings.public_url).scalar() == "http://192.168.1.20:5000"
    page = client.get("/settings/address").text
    assert 'data-testid="pupil-address">http://192.168.1.20:5000<' in page
    assert "(indstillet på denne side)" in page and WARNING not in page

    class_page = client.get(f"/classes/{school_class.id}").text
    assert "http://192.168.1.20:5000/join" in class_page and WARNING not in class_page
    cards = client.get(f"/classes/{school_class.id}/cards").text
    assert f'href="http://192.168.1.20:5000/c/{pupil.card_token}"' in cards
    auth.logout()
    sign_in_pupil(client, pupil.card_token)
    home = client.get("/pupil/").text
    assert 'data-testid="join-host">192.168.1.20<' in home  # the game on this machine too
    assert 'data-testid="join-port">30000<' in home


def test_a_bad_address_is_refused_with_what_to_write(app: Flask, client, auth) -> None:
    auth.login()
    for typed, message in [
        ("ftp://skole", "Skriv en adresse som http://192.168.1.20:5000."),
        ("192.168.1.20:port", "Porten efter kolonet skal være et tal."),
        ("http://192.168.1.20:5000/?x=1", "Skriv kun adressen, uden ? eller #."),
    ]:
        page = client.post("/settings/address", data={"public_url": typed}).text
        assert message in page, typed
    with app.app_context():
        assert db.session.query(SchoolSettings).count() == 0


def test_the_setting_wins_over_the_configuration_and_can_be_cleared(tmp_path: Path) -> None:
    app = make_app(tmp_path, PUBLIC_URL="http://jagten.skole.dk")
    with app.app_context():
        create_teacher(admin=True)
    client = app.test_client()
    client.post("/login", data={"email": "teacher@example.org", "password": PASSWORD})
    assert "(fra indstillingen JAGTEN_PUBLIC_URL)" in client.get("/settings/address").text
    client.post("/settings/address", data={"public_url": "https://10.0.0.7"})
    assert 'data-testid="pupil-address">https://10.0.0.7<' in client.get("/settings/address").text
    client.post("/settings/address", data={"public_url": ""})
    page = client.get("/settings/address").text
    assert 'data-testid="pupil-address">http://jagten.skole.dk<' in page
