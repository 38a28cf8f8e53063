"""Authorisation: teachers reach only their own classes, pupils no teacher page; CSRF holds."""

from pathlib import Path

import pytest
from flask import Flask

from lessons.catalog import lesson_ids
from tests.teacher_portal.conftest import AuthActions, make_app, sign_in_pupil
from tests.teacher_portal.factories import (
    create_class,
    create_lesson_run,
    create_pupil,
    create_teacher,
    default_teacher,
)

TEACHER_GETS = [
    "/classes/{c}",
    "/classes/{c}/edit",
    "/classes/{c}/delete",
    "/classes/{c}/export.json",
    "/classes/{c}/roster",
    "/classes/{c}/cards",
    "/classes/{c}/game",
    "/classes/{c}/lessons",
    "/runs/{r}",
    "/runs/{r}/guide",
    "/classes/{c}/plots",
    "/classes/{c}/plots/map.png",
    "/classes/{c}/gallery",
]
TEACHER_POSTS = [
    "/classes/{c}/edit",
    "/classes/{c}/delete",
    "/classes/{c}/new-code",
    "/classes/{c}/roster",
    "/classes/{c}/pupils",
    "/classes/{c}/pupils/{p}/delete",
    "/classes/{c}/pupils/{p}/card/revoke",
    "/classes/{c}/pupils/{p}/card/reissue",
    "/classes/{c}/groups",
    "/classes/{c}/game",
    "/classes/{c}/lessons",
    "/runs/{r}/phase",
    "/runs/{r}/finish",
    "/runs/{r}/build",
    "/classes/{c}/plots",
    "/classes/{c}/plots/in-order",
    "/classes/{c}/plots/capture",
    "/classes/{c}/plots/gruppe_1/capture",
]


@pytest.fixture
def victim(app: Flask) -> dict[str, int]:
    """Teacher A's class, pupil and lesson run; the tests act as teacher B or as a pupil."""
    with app.app_context():
        school_class = create_class(default_teacher(), "A's class")
        pupil = create_pupil(school_class, "Ali")
        run = create_lesson_run(school_class, lesson_ids()[0])
        create_teacher("b@skole.dk")
    return {"c": school_class.id, "p": pupil.id, "r": run.id, "token": pupil.card_token}


def _urls(templates: list[str], ids: dict[str, int]) -> list[str]:
    return [template.format(**ids) for template in templates]


def test_teacher_b_cannot_see_or_change_a_class_of_teacher_a(
    client, auth: AuthActions, victim: dict
) -> None:
    auth.login(email="b@skole.dk")
    for url in _urls(TEACHER_GETS, victim):
        assert client.get(url).status_code == 404, url
    for url in _urls(TEACHER_POSTS, victim):
        assert client.post(url, data={"name": "x", "to": 0}).status_code == 404, url
    auth.logout()
    auth.login()
    assert client.get(f"/classes/{victim['c']}").status_code == 200
    assert "Ali" in client.get(f"/classes/{victim['c']}").text


def test_a_pupil_cannot_reach_teacher_pages(client, victim: dict) -> None:
    sign_in_pupil(client, victim["token"])
    for url in [*_urls(TEACHER_GETS, victim), "/classes/", "/teachers/", "/settings/game"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.location.startswith("/login"), url
    for url in _urls(TEACHER_POSTS, victim):
        assert client.post(url).status_code == 302, url


def test_visitors_cannot_reach_pupil_pages(client) -> None:
    assert client.get("/pupil/").location == "/join"


def test_csrf_is_enforced_when_enabled(tmp_path: Path) -> None:
    app = make_app(tmp_path, WTF_CSRF_ENABLED=True)
    with app.app_context():
        teacher = create_teacher()
        school_class = create_class(teacher)
    client = app.test_client()
    form = {"email": "teacher@example.org", "password": "correct horse battery"}
    response = client.post("/login", data=form)
    assert response.status_code == 400
    assert client.get("/classes/").status_code == 302
    login_page = client.get("/login").text
    token = login_page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    assert client.post("/login", data={**form, "csrf_token": token}).status_code == 302
    assert client.post(f"/classes/{school_class.id}/new-code").status_code == 400
    assert client.post("/join", data={"code": school_class.class_code}).status_code == 400
