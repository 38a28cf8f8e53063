"""Headers on every page: nothing a pupil saw stays in a shared tablet's cache, and no
inline script runs (issue 11, points 4 and 6)."""

import re

from flask import Flask
from flask.testing import FlaskClient

from teacher_portal.core.codes import card_code
from tests.teacher_portal.conftest import AuthActions, sign_in_pupil
from tests.teacher_portal.factories import create_class, create_pupils, default_teacher
from tests.teacher_portal.voting.vote_factories import create_task


def _csp(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def test_pages_that_show_a_pupils_choice_card_or_sign_in_are_never_stored(
    app: Flask, client: FlaskClient, auth: AuthActions
) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        (ali,) = create_pupils(school_class, "Ali")
        task = create_task(school_class, secret=True)
    code = school_class.class_code
    visitor = app.test_client()
    pages = {
        "join": visitor.get("/join"),
        "names": visitor.get(f"/join/{code}"),
        "card code": visitor.post(f"/join/{code}", data={"pupil": ali.id}),
        "card link": visitor.get("/c/no-such-card"),
    }
    sign_in_pupil(client, ali.card_token)
    pages["pupil page"] = client.get("/pupil/")
    pages["ballot"] = client.get(f"/vote/{task.id}")
    pages["review"] = client.post(f"/vote/{task.id}/review", data={"choice": "2"})
    assert "Er det din stemme?" in pages["review"].text
    cast = client.post(f"/vote/{task.id}", data={"choice": "2"})
    pages["cast"] = cast
    pages["done"] = client.get(cast.location)
    teacher = app.test_client()
    AuthActions(teacher).login()
    pages["cards"] = teacher.get(f"/classes/{school_class.id}/cards")
    assert card_code(ali.card_token) in pages["cards"].text
    pages["login"] = app.test_client().get("/login")
    for name, response in pages.items():
        assert response.headers.get("Cache-Control") == "no-store", name


def test_static_files_and_pictures_keep_their_own_caching(client: FlaskClient) -> None:
    response = client.get("/static/page.js")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] != "no-store"


def test_the_policy_runs_no_inline_script(client: FlaskClient) -> None:
    policy = _csp(client.get("/login"))
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy.get("default-src", [])
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]


INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)


def test_no_page_carries_inline_script_or_event_handlers(
    app: Flask, client: FlaskClient, auth: AuthActions
) -> None:
    """What the policy would block must not be there: the teacher's pages with confirmations
    (class, vote, lesson) and the lesson guide the portal serves."""
    with app.app_context():
        school_class = create_class(default_teacher())
        create_pupils(school_class, "Ali")
        task = create_task(school_class, state="draft")
    auth.login()
    client.post("/teachers/invite")
    run = client.post(
        f"/classes/{school_class.id}/lessons", data={"lesson": "afdelingsmoedet"}
    ).location
    pages = [
        f"/classes/{school_class.id}",
        f"/classes/{school_class.id}/cards",
        f"/votes/{task.id}",
        "/teachers/",
        run,
        f"{run}/guide",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert not INLINE_HANDLER.search(response.text), path
        assert not INLINE_SCRIPT.search(response.text), path
