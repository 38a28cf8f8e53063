"""Configuration: embedded defaults, then instance/config.py, then JAGTEN_* environment variables.

Every setting has a working default so `make run` needs no configuration at all.
"""

import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask

from minecraft_scripts.server.ports import MCPI_PORT, MINETEST_PORT

DEFAULTS: dict[str, Any] = {
    "SQLALCHEMY_DATABASE_URI": None,  # None: SQLite in the instance folder
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_SECURE": False,  # set JAGTEN_SESSION_COOKIE_SECURE=true behind HTTPS
    "SESSION_COOKIE_NAME": "jagten_session",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "PERMANENT_SESSION_LIFETIME": 60 * 60 * 12,  # from sign-in: a school day, then a new scan
    "SESSION_REFRESH_EACH_REQUEST": False,  # no re-signed cookie on every request (vote speed)
    "WTF_CSRF_TIME_LIMIT": None,  # a lesson can last longer than the default hour
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_ENABLED": True,
    # Failed teacher log-ins, from browsers the teacher has not logged in from before: per
    # address (a school's one address, so generous), per account; and per known browser.
    "TEACHER_LOGIN_LIMIT": "60 per 15 minutes",
    "TEACHER_ACCOUNT_LIMIT": "10 per 15 minutes;50 per day",
    "TEACHER_DEVICE_LIMIT": "10 per 15 minutes",
    # Wrong class codes, card codes and card links per address (right ones cost nothing):
    # finding one class's code among ~900 million at this rate takes 170 years on average.
    "CLASS_CODE_LIMIT": "30 per minute;300 per hour",
    # Wrong card codes (31⁵ ≈ 29 million) within one class and for one pupil.
    "CARD_CODE_CLASS_LIMIT": "60 per hour;200 per day",
    "CARD_CODE_PUPIL_LIMIT": "5 per 10 minutes;20 per day",
    "BABEL_DEFAULT_LOCALE": "da",
    "BABEL_DEFAULT_TIMEZONE": "Europe/Copenhagen",  # times on pages are the school's clock
    "LANGUAGES": ["da", "en"],
    "PUBLIC_URL": None,  # e.g. http://192.168.1.20:5000 so QR codes work on pupils' phones
    "GAME_KIND": "minetest",
    "GAME_HOST": "127.0.0.1",
    "GAME_PORT": MCPI_PORT,
    "MINETEST_JOIN_PORT": MINETEST_PORT,
    # The part of the world where classes get their areas (game/areas.py): from the spawn
    # point east and south, so the first class's pupils arrive at their estate; the test
    # suite moves it to x = 2000 (the portal's share of the shared test world).
    "BUILD_REGION_X": 0,
    "BUILD_Z": 0,
    "BUILD_REGION_WIDTH": 30000,
    "BUILD_REGION_DEPTH": 30000,
    "BUILD_GAP": 16,  # free land between two classes' areas
    "BUILD_Y": 0,
}


def instance_path() -> str | None:
    """JAGTEN_INSTANCE_PATH moves the instance folder (database, secret key, game world), e.g.
    to /var/lib/jagten on a school server; by default it sits beside the package."""
    folder = os.environ.get("JAGTEN_INSTANCE_PATH")
    return str(Path(folder).resolve()) if folder else None


def load(app: Flask, test_config: dict[str, Any] | None) -> None:
    """Apply the configuration layers in order; tests pass a mapping instead of the file."""
    app.config.from_mapping(DEFAULTS)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env("JAGTEN")
        database_url = os.environ.get("DATABASE_URL")
        if database_url:
            app.config["SQLALCHEMY_DATABASE_URI"] = database_url
    else:
        app.config.from_mapping(test_config)
    app.config["SQLALCHEMY_DATABASE_URI"] = database_uri(app)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = persisted_secret_key(Path(app.instance_path))


def database_uri(app: Flask) -> str:
    """SQLite in the instance folder by default; `postgres://` URLs get the psycopg 3 driver."""
    uri = app.config.get("SQLALCHEMY_DATABASE_URI") or app.config.get("DATABASE_URL")
    if not uri:
        return f"sqlite:///{Path(app.instance_path) / 'jagten.sqlite'}"
    for prefix in ("postgres://", "postgresql://"):
        if uri.startswith(prefix):
            return "postgresql+psycopg://" + uri.removeprefix(prefix)
    return uri


def persisted_secret_key(instance: Path) -> str:
    """Generate a secret key once and keep it, so sessions survive a restart without set-up."""
    key_file = instance / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    key = secrets.token_hex(32)
    key_file.touch(mode=0o600)
    key_file.write_text(key)
    return key
