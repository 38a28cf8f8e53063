"""How pupils get in: a card's personal link, or the class code plus picking one's own name."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.wrappers import Response

from teacher_portal.core.codes import normalise_class_code
from teacher_portal.core.extensions import db, limiter
from teacher_portal.models import Pupil, SchoolClass
from teacher_portal.pupils.session import sign_in_pupil, sign_out_pupil

bp = Blueprint("login", __name__)


def _class_code_limit() -> str:
    return current_app.config["CLASS_CODE_LIMIT"]


@bp.get("/c/<token>")
def card(token: str) -> str | Response:
    """The QR code's link: signs the pupil in at once."""
    pupil = db.session.scalar(select(Pupil).where(Pupil.card_token == token))
    if pupil is None:
        return render_template("pupils/card_invalid.html"), 404
    sign_in_pupil(pupil)
    return redirect(url_for("pupils.home.index"))


@bp.route("/join", methods=["GET", "POST"])
@limiter.limit(_class_code_limit, methods=["POST"])
def enter_code() -> str | Response:
    if request.method == "POST":
        code = normalise_class_code(request.form.get("code", ""))
        school_class = db.session.scalar(select(SchoolClass).where(SchoolClass.class_code == code))
        if school_class is not None:
            return redirect(url_for("pupils.login.pick_name", code=code))
        flash(_("We do not know that code. Check it with your teacher."), "error")
    return render_template("pupils/enter_code.html")


@bp.route("/join/<code>", methods=["GET", "POST"])
@limiter.limit(_class_code_limit, methods=["POST"])
def pick_name(code: str) -> str | Response:
    school_class = db.session.scalar(select(SchoolClass).where(SchoolClass.class_code == code))
    if school_class is None:
        abort(404)
    if request.method == "POST":
        pupil = db.session.get(Pupil, request.form.get("pupil", type=int) or 0)
        if pupil is not None and pupil.class_id == school_class.id:
            sign_in_pupil(pupil)
            return redirect(url_for("pupils.home.index"))
        flash(_("Pick your name in the list."), "error")
    return render_template("pupils/pick_name.html", school_class=school_class)


@bp.post("/pupil/logout")
def logout() -> Response:
    sign_out_pupil()
    return redirect(url_for("pages.index"))
