"""A message raised below the portal speaks the page's language (issue 9, point 5): the
request sets `worlds.language`, so a lesson file that no longer loads is explained on the
error page in Danish or English like the page around it, with its file, line and field."""

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.teacher_portal.factories import create_class, create_lesson_run, default_teacher
from worlds.language import current_language

BROKEN_LESSON = "id: broken\ntitle: Afdelingsmødet\n"
"""A title in one language only: the checker wants `da:` and `en:`."""


@pytest.fixture
def guide_url(app: Flask, tmp_path: Path) -> str:
    """The guide of a run whose lesson file is broken (a lesson may be any file by path)."""
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN_LESSON, encoding="utf-8")
    with app.app_context():
        run = create_lesson_run(create_class(default_teacher()), str(broken))
    return f"/runs/{run.id}/guide"


def page_text(client: FlaskClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 500
    return response.get_data(as_text=True)


def test_an_error_below_the_portal_speaks_the_pages_language(
    client: FlaskClient, auth, guide_url: str, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.delenv("JAGTEN_LANG", raising=False)
    auth.login()
    danish = page_text(client, guide_url)
    assert "Forløbet kan ikke indlæses" in danish
    assert f"{tmp_path / 'broken.yaml'}:2:" in danish and "title" in danish
    assert "teksten skal gives på begge sprog" in danish
    assert "must be given in both languages" not in danish

    client.post("/language", data={"lang": "en", "next": "/"})
    english = page_text(client, guide_url)
    assert "This lesson cannot be loaded" in english
    assert f"{tmp_path / 'broken.yaml'}:2:" in english
    assert "text must be given in both languages" in english
    assert "teksten skal gives" not in english
    assert current_language() == "da"  # the request's choice ended with the request


def test_the_environment_does_not_outvote_the_teachers_choice(
    client: FlaskClient, auth, guide_url: str, monkeypatch
) -> None:
    monkeypatch.setenv("JAGTEN_LANG", "en")  # the command line's setting, e.g. `jagten up`
    auth.login()
    assert "teksten skal gives på begge sprog" in page_text(client, guide_url)
