"""Danish by default, English by choice: the locale selector and the language switch.

Each request also speaks its language below the portal (`worlds.language`), so a message
raised by an estate or lesson file, a vote count or the game (a `DataFileError` on the
error page) comes in the same language as the page around it.
"""

from flask import (
    Blueprint,
    Flask,
    current_app,
    g,
    has_request_context,
    redirect,
    request,
    session,
    url_for,
)
from flask_babel import get_locale
from werkzeug.wrappers import Response

from teacher_portal.core.extensions import babel
from worlds.language import reset_language, set_language

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
    app.before_request(_speak_the_page_language)
    app.teardown_request(_forget_the_page_language)


def _speak_the_page_language() -> None:
    g.language_token = set_language(str(get_locale()))


def _forget_the_page_language(_error: BaseException | None) -> None:
    token = g.pop("language_token", None)
    if token is not None:
        reset_language(token)


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
