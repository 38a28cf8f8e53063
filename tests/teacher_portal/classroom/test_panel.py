"""The class's game world on the teacher's pages, the login card and the pupil's phone: the
same game login everywhere, the controls the server supports, and nothing lost when the game
server does not answer."""

import re

import pytest
from flask import Flask
from sqlalchemy import select

from teacher_portal.classroom.accounts import game_password
from teacher_portal.core.extensions import db
from teacher_portal.models import ClassWorld, GameServer, Pupil
from tests.real_components import free_port
from tests.teacher_portal.conftest import sign_in_pupil
from tests.teacher_portal.factories import create_class, create_pupil, default_teacher


def _class_on(app: Flask, kind: str) -> tuple[int, Pupil]:
    """A class whose game server is of `kind`, at a port where nothing answers."""
    with app.app_context():
        school_class = create_class(default_teacher())
        server = GameServer(class_id=school_class.id, kind=kind, host="127.0.0.1", port=free_port())
        db.session.add(server)
        db.session.commit()
        ali = create_pupil(school_class, "Ali")
    return school_class.id, ali


@pytest.fixture
def managed(app: Flask) -> tuple[int, Pupil]:
    return _class_on(app, "minetest")


def _codes(html: str, testid: str) -> list[str]:
    return re.findall(rf'data-testid="{testid}">([^<]+)<', html)


def test_the_card_the_phone_and_the_class_page_show_one_game_login(
    app: Flask, client, auth, managed
) -> None:
    class_id, ali = managed
    auth.login()
    page = client.get(f"/classes/{class_id}").text
    cards = client.get(f"/classes/{class_id}/cards").text
    phone = app.test_client()
    sign_in_pupil(phone, ali.card_token)
    home = phone.get("/pupil/").text
    password = game_password(ali.card_token)
    assert _codes(home, "game-name") == ["Ali"] and _codes(home, "game-password") == [password]
    assert f"<code>Ali</code> · adgangskode <code>{password}</code>" in cards
    assert f"<td><code>Ali</code></td><td><code>{password}</code></td>" in page
    assert 'data-testid="teacher-login"' in page  # the teacher's own account
    for control in ("Frys", "Slå chatten fra", "Lås byggefelterne", "Besked til klassen"):
        assert control in page


def test_the_lesson_page_has_the_controls_and_returns_to_itself(
    app: Flask, client, auth, managed
) -> None:
    class_id, _ = managed
    auth.login()
    run_page = client.post(
        f"/classes/{class_id}/lessons", data={"lesson": "genbrugsstedet"}, follow_redirects=True
    )
    assert "Klassen i spillet" in run_page.text and "Frys" in run_page.text
    assert '<input type="hidden" name="from" value="run">' in run_page.text
    answer = client.post(f"/classes/{class_id}/world/meet", data={"from": "run"})
    assert re.search(r"/runs/\d+#game-world$", answer.location)


def test_a_control_is_kept_when_the_game_server_does_not_answer(
    app: Flask, client, auth, managed
) -> None:
    class_id, _ = managed
    auth.login()
    page = client.post(
        f"/classes/{class_id}/world/settings/frozen", data={"on": "1"}, follow_redirects=True
    ).text
    assert "Spilserveren svarede ikke" in page
    assert "Stop frys" in page  # saved: the next update of the world sends it
    with app.app_context():
        assert db.session.get(ClassWorld, class_id).frozen


def test_a_server_the_toolkit_does_not_run_offers_only_what_it_supports(
    app: Flask, client, auth
) -> None:
    class_id, _ = _class_on(app, "raspberryjuice")
    auth.login()
    page = client.get(f"/classes/{class_id}").text
    cards = client.get(f"/classes/{class_id}/cards").text
    assert "ingen beskyttelse af bebyggelsen" in page
    assert "alle, der kommer ind, kan bruge et hvilket som helst navn" in page
    assert "Besked til klassen" in page  # chat.post works on every mcpi server
    assert "Frys" not in page and "Lås byggefelterne" not in page
    assert "adgangskode" not in cards.lower()
    refused = client.post(
        f"/classes/{class_id}/world/settings/frozen", data={"on": "1"}, follow_redirects=True
    ).text
    assert "Spilserveren køres ikke af værktøjet" in refused
    with app.app_context():
        assert not db.session.scalar(
            select(ClassWorld.frozen).where(ClassWorld.class_id == class_id)
        )
