"""Portal fixtures in the style of Flask's tutorial: `app`, `client`, `auth`, and pupils' sign-in.

`app` has one admin teacher (factories.create_teacher's defaults) so set-up is done;
`fresh_app` has none, for the first-run tests. The browser fixtures serve the real app on a
free loopback port and drive Debian's Chromium through Playwright.
"""

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.serving import make_server

from teacher_portal import create_app
from teacher_portal.classes.pupils import paste_digest
from teacher_portal.core.database import upgrade_database
from tests.real_components import require
from tests.teacher_portal.factories import PASSWORD, create_teacher

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def make_app(tmp_path: Path, **overrides: Any) -> Flask:
    """An app on its own SQLite file, migrated to head; CSRF and rate limits off unless asked,
    building in the portal's test region of the world."""
    config = {
        "TESTING": True,
        "SECRET_KEY": "test",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'portal.sqlite'}",
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "BUILD_REGION_X": 2000,  # the portal's region of the shared test world: 2000 <= x < 3000
        "BUILD_REGION_WIDTH": 1000,
        "BUILD_REGION_DEPTH": 1000,
        **overrides,
    }
    app = create_app(config)
    upgrade_database(app)
    return app


@pytest.fixture
def fresh_app(tmp_path: Path) -> Flask:
    """Before first-run set-up: no teacher yet."""
    return make_app(tmp_path)


@pytest.fixture
def app(fresh_app: Flask) -> Flask:
    with fresh_app.app_context():
        create_teacher(admin=True)
    return fresh_app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


class AuthActions:
    """Log a test client in and out as a teacher."""

    def __init__(self, client: FlaskClient) -> None:
        self._client = client

    def login(self, email: str = "teacher@example.org", password: str = PASSWORD) -> Any:
        return self._client.post("/login", data={"email": email, "password": password})

    def logout(self) -> Any:
        return self._client.post("/logout")


@pytest.fixture
def auth(client: FlaskClient) -> AuthActions:
    return AuthActions(client)


def sign_in_pupil(client: FlaskClient, card_token: str) -> Any:
    """Sign a test client in as a pupil the way a card's QR code does."""
    return client.get(f"/c/{card_token}")


@pytest.fixture
def pupil_login():
    return sign_in_pupil


def paste_roster(client: FlaskClient, roster_url: str, text: str) -> Any:
    """Save a pasted class list as the teacher does after its preview (the preview's
    digest says she saw exactly this text)."""
    data = {"roster": text, "action": "save", "previewed": paste_digest(text)}
    return client.post(roster_url, data=data)


@contextmanager
def serving(app: Flask) -> Iterator[str]:
    """Serve the real app on a free loopback port in a thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()


def log_in_in_browser(page: Any, base_url: str, email: str = "teacher@example.org") -> None:
    """The teacher logs in through the real login form, in Danish."""
    page.goto(f"{base_url}/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()


@pytest.fixture
def live_server(app: Flask) -> Iterator[str]:
    """`app` (one admin teacher) served for a browser."""
    with serving(app) as base_url:
        yield base_url


@pytest.fixture
def fresh_live_server(fresh_app: Flask) -> Iterator[str]:
    """`fresh_app` (before set-up) served for a browser."""
    with serving(fresh_app) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium under Playwright; missing fails under CI and skips elsewhere."""
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        require(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require("the Python package playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def browser_context(chromium: Any) -> Iterator[Any]:
    """A fresh desktop browser profile (cookies, storage) for the teacher."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    yield context
    context.close()


@pytest.fixture
def phone_context(chromium: Any) -> Iterator[Any]:
    """A separate phone-sized browser profile, as a pupil's phone."""
    context = chromium.new_context(**PHONE, locale="da-DK")
    yield context
    context.close()


@pytest.fixture
def screenshot_dir() -> Path:
    directory = Path(os.environ.get("JAGTEN_SCREENSHOTS", "/tmp"))
    directory.mkdir(parents=True, exist_ok=True)
    return directory
