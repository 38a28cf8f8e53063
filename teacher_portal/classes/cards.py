"""Login cards: a printable A4 page of nickname cards, each with a QR code of a sign-in link
and the pupil's own code for signing in with the class code."""

import segno
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import login_required
from markupsafe import Markup
from werkzeug.wrappers import Response

from teacher_portal.classes.access import own_class_or_404, own_pupil_or_404
from teacher_portal.core.codes import card_code, new_token
from teacher_portal.core.events import emit
from teacher_portal.core.extensions import db
from teacher_portal.core.public_links import public_url
from teacher_portal.models import Pupil

bp = Blueprint("cards", __name__, url_prefix="/<int:class_id>")


@bp.before_request
@login_required
def _teachers_only() -> None:
    """Every page here is a teacher's."""


def qr_svg(link: str) -> Markup:
    """An inline SVG QR code; segno escapes nothing we pass, and the link is ours."""
    svg = segno.make(link, error="m").svg_inline(scale=4, border=2, omitsize=True)
    return Markup(svg)


@bp.get("/cards")
def sheet(class_id: int) -> str:
    school_class = own_class_or_404(class_id)
    cards = [
        (pupil, public_url("pupils.login.card", token=pupil.card_token))
        for pupil in school_class.pupils
        if pupil.card_token
    ]
    qr_codes = {pupil.id: qr_svg(link) for pupil, link in cards}
    card_codes = {pupil.id: card_code(pupil.card_token) for pupil, _link in cards}
    join_url = public_url("pupils.login.enter_code")
    return render_template(
        "classes/cards.html",
        school_class=school_class,
        cards=cards,
        qr_codes=qr_codes,
        card_codes=card_codes,
        join_url=join_url,
    )


@bp.post("/pupils/<int:pupil_id>/card/revoke")
def revoke(class_id: int, pupil_id: int) -> Response:
    """The card and its code stop working and the pupil is signed out everywhere; without a
    card the pupil cannot sign in by any route until the teacher gives a new one."""
    pupil = own_pupil_or_404(class_id, pupil_id)
    _end_sessions(pupil)
    pupil.card_token = None
    db.session.commit()
    emit("class_changed", pupil.school_class)
    flash(_("%(name)s's card no longer works.", name=pupil.nickname), "success")
    return redirect(url_for("classes.view", class_id=class_id) + "#pupils")


@bp.post("/pupils/<int:pupil_id>/card/reissue")
def reissue(class_id: int, pupil_id: int) -> Response:
    """A new card replaces the old one, which stops working."""
    pupil = own_pupil_or_404(class_id, pupil_id)
    _end_sessions(pupil)
    pupil.card_token = new_token()
    db.session.commit()
    emit("class_changed", pupil.school_class)
    flash(
        _("%(name)s has a new card; print it from the card page.", name=pupil.nickname), "success"
    )
    return redirect(url_for("classes.view", class_id=class_id) + "#pupils")


def _end_sessions(pupil: Pupil) -> None:
    pupil.session_version += 1
