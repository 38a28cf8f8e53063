"""The front page (teacher, pupil or visitor) and the health check."""

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from teacher_portal.pupil_session import current_pupil

bp = Blueprint("home", __name__)


@bp.get("/")
def index() -> str | Response:
    if current_user.is_authenticated:
        return redirect(url_for("classes.index"))
    if current_pupil:
        return redirect(url_for("pupil_home.index"))
    return render_template("home/index.html")


@bp.get("/healthz")
def healthz() -> tuple[str, int, dict[str, str]]:
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8"}
