"""The pages everyone may see: the front page (teacher, pupil or visitor), the health check,
and the privacy page for parents (what we store about children, and how it is removed)."""

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from teacher_portal.pupils.session import current_pupil

bp = Blueprint("pages", __name__)


@bp.get("/")
def index() -> str | Response:
    if current_user.is_authenticated:
        return redirect(url_for("classes.index"))
    if current_pupil:
        return redirect(url_for("pupils.home.index"))
    return render_template("pages/home.html")


@bp.get("/healthz")
def healthz() -> tuple[str, int, dict[str, str]]:
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8"}


@bp.get("/privacy")
def privacy() -> str:
    return render_template("pages/privacy.html")
