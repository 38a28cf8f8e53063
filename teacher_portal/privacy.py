"""A short privacy page for parents: what we store about children, and how it is removed."""

from flask import Blueprint, render_template

bp = Blueprint("privacy", __name__)


@bp.get("/privacy")
def index() -> str:
    return render_template("privacy/index.html")
