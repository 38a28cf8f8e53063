"""The Flask extensions, created unbound here and bound to an app in `init_app`."""

from pathlib import Path

from flask import Flask
from flask_babel import Babel, lazy_gettext
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

MIGRATIONS_DIR = Path(__file__).parent.parent / "migrations"


class Base(DeclarativeBase):
    """Declarative base for the typed models; named constraints let Alembic alter them later."""

    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
limiter = Limiter(key_func=get_remote_address)


def init_app(app: Flask) -> None:
    """Bind every extension; the locale selector is bound in `i18n.init_app`."""
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR))
    login_manager.init_app(app)
    login_manager.login_view = "teachers.auth.login"
    login_manager.login_message = lazy_gettext("Please log in to see this page.")
    login_manager.login_message_category = "info"
    csrf.init_app(app)
    limiter.init_app(app)
