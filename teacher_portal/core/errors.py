"""Friendly error pages in the user's language instead of the framework's English defaults."""

from flask import Blueprint, render_template, request
from flask_babel import gettext as _
from flask_limiter.errors import RateLimitExceeded
from werkzeug.exceptions import HTTPException

from lessons.catalog import UnknownLessonError
from worlds.datafile import DataFileError

bp = Blueprint("errors", __name__)


def _messages() -> dict[int, tuple[str, str]]:
    return {
        400: (
            _("The form could not be used"),
            _("It was too old or incomplete. Go back, reload the page and try again."),
        ),
        403: (_("Not for you"), _("This page is only for the portal's administrators.")),
        404: (_("Page not found"), _("The page does not exist, or it belongs to someone else.")),
        409: (_("Not now"), _("That cannot be done right now. Go back and reload the page.")),
        429: (
            _("Wait a moment"),
            _("Too many tries in a short time. Wait a minute and try again."),
        ),
    }


def _teachers_429(error: HTTPException) -> tuple[str, str]:
    """A teacher's log-in paused: said as to a colleague, with the limit's own advice and
    what to do about a forgotten password."""
    own_advice = isinstance(error, RateLimitExceeded) and error.limit.error_message
    pause = (
        error.description
        if own_advice
        else _(
            "To protect the accounts, log-in from this network address pauses after many "
            "attempts in a short time. Wait a minute, then try again."
        )
    )
    forgotten = _("If you have forgotten the password, ask the portal's administrator for help.")
    return _("Too many log-in attempts"), f"{pause} {forgotten}"


@bp.app_errorhandler(DataFileError)
@bp.app_errorhandler(UnknownLessonError)
def lesson_unavailable(error: Exception) -> tuple[str, int]:
    """A lesson or estate file that no longer loads: say which, instead of a server error."""
    title = _("This lesson cannot be loaded")
    return render_template("core/error.html", title=title, text=str(error)), 500


@bp.app_errorhandler(HTTPException)
def http_error(error: HTTPException) -> tuple[str, int]:
    title, text = _messages().get(error.code or 500, (error.name, error.description or ""))
    if error.code == 429 and (request.blueprint or "").startswith("teachers"):
        title, text = _teachers_429(error)
    elif isinstance(error, RateLimitExceeded) and error.limit.error_message:
        text = error.description  # the limit's own advice, e.g. "scan the QR code on your card"
    return render_template("core/error.html", title=title, text=text), error.code or 500
