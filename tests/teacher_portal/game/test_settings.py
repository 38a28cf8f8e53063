"""Game server settings per class and for the school, the connection test, join instructions."""

import pytest
from flask import Flask
from sqlalchemy import select

from teacher_portal.core.extensions import db
from teacher_portal.models import GameServer
from tests import real_components
from tests.real_components import free_port
from tests.teacher_portal.conftest import AuthActions, sign_in_pupil
from tests.teacher_portal.factories import create_class, create_pupil, default_teacher


def _settings(kind: str, host: str, port: int, **extra: str) -> dict[str, object]:
    return {"kind": kind, "host": host, "port": port, **extra}


def test_class_inherits_the_school_default(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
    auth.login()
    client.post("/settings/game", data=_settings("raspberryjuice", "mc.skole.dk", 4711))
    page = client.get(f"/classes/{school_class.id}/game").text
    assert 'value="mc.skole.dk"' in page
    client.post(
        f"/classes/{school_class.id}/game",
        data=_settings("minetest", "10.0.0.5", 4711, join_address="10.0.0.5:30000"),
    )
    with app.app_context():
        stored = db.session.scalars(select(GameServer).order_by(GameServer.id)).all()
        assert [(row.class_id, row.host) for row in stored] == [
            (None, "mc.skole.dk"),
            (school_class.id, "10.0.0.5"),
        ]


def test_pupils_get_join_instructions(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        pupil = create_pupil(school_class, "Ali", minecraft_name="ali_9")
    sign_in_pupil(client, pupil.card_token)
    page = client.get("/pupil/")
    # the managed Minetest world on this machine: Minetest asks for address and port apart
    assert 'data-testid="join-host">localhost<' in page.text
    assert 'data-testid="join-port">30000<' in page.text
    assert "ali_9" in page.text
    with app.app_context():
        db.session.add(
            GameServer(class_id=school_class.id, kind="raspberryjuice", host="mc.skole.dk")
        )
        db.session.commit()
    page = client.get("/pupil/").text
    assert "Minecraft Java Edition" in page
    assert "mc.skole.dk" in page


def test_connection_test_names_the_unreachable_server(
    app: Flask, client, auth: AuthActions
) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
    auth.login()
    port = free_port()
    response = client.post(
        f"/classes/{school_class.id}/game",
        data={**_settings("minetest", "127.0.0.1", port), "action": "test"},
    )
    assert 'class="flash flash-error"' in response.text
    assert f"127.0.0.1:{port}" in response.text
    with app.app_context():
        assert db.session.scalar(select(GameServer)) is None  # testing does not save


@pytest.mark.game_server
def test_connection_test_reaches_the_real_server(
    app: Flask, client, auth: AuthActions, game_server: real_components.GameServer
) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
    auth.login()
    response = client.post(
        f"/classes/{school_class.id}/game",
        data={**_settings("minetest", game_server.host, game_server.port), "action": "test"},
    )
    assert "Spilserveren på" in response.text
    assert "svarer" in response.text


def test_bad_port_is_explained(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
    auth.login()
    response = client.post(
        f"/classes/{school_class.id}/game", data=_settings("minetest", "127.0.0.1", 99999)
    )
    assert response.status_code == 200
    assert 'class="error"' in response.text
