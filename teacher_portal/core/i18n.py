"""Danish by default, English by choice: the locale selector and the language switch."""

from flask import (
    Blueprint,
    Flask,
    current_app,
    has_request_context,
    redirect,
    request,
    session,
    url_for,
)
from flask_babel import get_locale
from werkzeug.wrappers import Response

from teacher_portal.core.extensions import babel

bp = Blueprint("i18n", __name__)


def select_locale() -> str:
    """The session's choice; background jobs (no request) use the default language."""
    chosen = session.get("lang") if has_request_context() else None
    if chosen in current_app.config["LANGUAGES"]:
        return chosen
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
    app.jinja_env.globals["current_language"] = lambda: str(get_locale())


@bp.post("/language")
def switch_language() -> Response:
    """Remember the chosen language and go back to the page the switch was pressed on."""
    language = request.form.get("lang", "")
    if language in current_app.config["LANGUAGES"]:
        session["lang"] = language
    back = request.form.get("next", "")
    if not back.startswith("/") or back.startswith("//"):
        back = url_for("pages.index")
    return redirect(back)
