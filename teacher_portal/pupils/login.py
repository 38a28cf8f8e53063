"""How pupils get in: a card's personal link, or the class code, one's own name and the short
code printed on one's card. The class code alone shows the names but signs nobody in, and a
revoked card has no code, so a pupil whose card is revoked cannot come back by either route.
"""

from hmac import compare_digest

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.wrappers import Response

from teacher_portal.core import guess_limits
from teacher_portal.core.codes import card_code, normalise_class_code
from teacher_portal.core.extensions import db
from teacher_portal.models import Pupil, SchoolClass
from teacher_portal.pupils.session import sign_in_pupil, sign_out_pupil

bp = Blueprint("login", __name__)


@bp.get("/c/<token>")
@guess_limits.per_address
def card(token: str) -> str | Response:
    """The QR code's link: signs the pupil in at once."""
    pupil = db.session.scalar(select(Pupil).where(Pupil.card_token == token))
    if pupil is None:
        guess_limits.wrong_guess()
        return render_template("pupils/card_invalid.html"), 404
    sign_in_pupil(pupil)
    return redirect(url_for("pupils.home.index"))


def _class_with_code(code: str) -> SchoolClass | None:
    return db.session.scalar(select(SchoolClass).where(SchoolClass.class_code == code))


@bp.route("/join", methods=["GET", "POST"])
@guess_limits.per_address
def enter_code() -> str | Response:
    if request.method == "POST":
        code = normalise_class_code(request.form.get("code", ""))
        if _class_with_code(code) is not None:
            return redirect(url_for("pupils.login.pick_name", code=code))
        guess_limits.wrong_guess()
        flash(_("We do not know that code. Check it with your teacher."), "error")
    return render_template("pupils/enter_code.html")


@bp.route("/join/<code>", methods=["GET", "POST"])
@guess_limits.per_address
@guess_limits.per_class
@guess_limits.per_pupil
def pick_name(code: str) -> str | Response | tuple[str, int]:
    """Tap one's name, then type the code from one's card; both steps post here, so nothing
    is kept between them and *Back* on a shared tablet finds no half-signed-in state."""
    school_class = _class_with_code(normalise_class_code(code))
    if school_class is None:
        guess_limits.wrong_guess()
        abort(404)
    if request.method == "GET":
        return render_template("pupils/pick_name.html", school_class=school_class)
    pupil = db.session.get(Pupil, request.form.get("pupil", type=int) or 0)
    if pupil is None or pupil.class_id != school_class.id:
        flash(_("Pick your name in the list."), "error")
        return render_template("pupils/pick_name.html", school_class=school_class)
    if pupil.card_token is None:
        return render_template("pupils/card_blocked.html", pupil=pupil), 403
    typed = request.form.get("card_code")
    if typed is not None and _same_code(typed, card_code(pupil.card_token)):
        sign_in_pupil(pupil)
        return redirect(url_for("pupils.home.index"))
    if typed is not None:
        guess_limits.wrong_guess()
        flash(_("That is not the code on your card. Look again, or ask your teacher."), "error")
    return render_template("pupils/card_code.html", school_class=school_class, pupil=pupil)


def _same_code(typed: str, expected: str) -> bool:
    """Compare in constant time, as bytes: a typed "Æ" must not raise."""
    return compare_digest(normalise_class_code(typed).encode(), expected.encode())


@bp.post("/pupil/logout")
def logout() -> Response:
    sign_out_pupil()
    return redirect(url_for("pages.index"))
