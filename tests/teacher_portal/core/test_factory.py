"""The application factory: configuration layers, the persisted secret key, health check."""

from pathlib import Path

import pytest
from flask import Flask

from teacher_portal.core import config
from teacher_portal.core.config import database_uri, persisted_secret_key


def test_test_config_overrides_defaults(app: Flask) -> None:
    assert app.testing
    assert app.config["BABEL_DEFAULT_LOCALE"] == "da"
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_healthz(client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.text == "ok"


def test_environment_and_instance_file_configure_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defaults < instance/config.py < JAGTEN_* environment variables."""
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "config.py").write_text('PUBLIC_URL = "http://from-file"\nGAME_PORT = 4712\n')
    monkeypatch.setenv("JAGTEN_GAME_PORT", "4713")
    monkeypatch.setenv("JAGTEN_SECRET_KEY", "from-env")
    monkeypatch.setenv("DATABASE_URL", "postgres://user:pw@db/jagten")
    app = Flask("jagten_config_test", instance_path=str(instance), instance_relative_config=True)
    config.load(app, None)
    assert app.config["PUBLIC_URL"] == "http://from-file"
    assert app.config["GAME_PORT"] == 4713
    assert app.config["SECRET_KEY"] == "from-env"
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://user:pw@db/jagten"


def test_zero_configuration_gives_sqlite_and_a_persisted_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("JAGTEN_SECRET_KEY", raising=False)
    app = Flask("jagten_config_test", instance_path=str(tmp_path), instance_relative_config=True)
    config.load(app, None)
    assert database_uri(app) == f"sqlite:///{tmp_path / 'jagten.sqlite'}"
    assert app.config["SECRET_KEY"] == (tmp_path / "secret_key").read_text()


def test_secret_key_is_generated_once_and_kept_private(tmp_path: Path) -> None:
    first = persisted_secret_key(tmp_path)
    assert len(first) >= 64
    assert persisted_secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_security_headers_keep_card_links_private(client) -> None:
    headers = client.get("/healthz").headers
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
