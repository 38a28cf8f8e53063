"""The class's estate on the class page: where it stands, its decisions as a short history
with before/after pictures, undoing the newest decision, and building the estate again."""

from flask import Blueprint, Response, abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import login_required
from sqlalchemy import select

from teacher_portal.classes.access import own_class_or_404
from teacher_portal.core.extensions import db
from teacher_portal.estates import decisions
from teacher_portal.estates.build_jobs import start_estate_build
from teacher_portal.estates.pictures import decision_png
from teacher_portal.game.previews import picture_response
from teacher_portal.models import ClassEstate, EstateDecision, SchoolClass

bp = Blueprint("estates", __name__)

MOMENTS = ("before", "after")


@bp.before_request
@login_required
def _teachers_only() -> None:
    """Every page here is a teacher's."""


def class_estates(school_class: SchoolClass) -> list[ClassEstate]:
    """The class's estates, the one built last first."""
    return list(
        db.session.scalars(
            select(ClassEstate)
            .where(ClassEstate.class_id == school_class.id)
            .order_by(ClassEstate.built_at.desc().nulls_last(), ClassEstate.id.desc())
        )
    )


def _own_estate_or_404(class_id: int, estate_row_id: int) -> ClassEstate:
    school_class = own_class_or_404(class_id)
    estate = db.session.get(ClassEstate, estate_row_id)
    if estate is None or estate.class_id != school_class.id:
        abort(404)
    return estate


def own_decision_or_404(decision_id: int) -> EstateDecision:
    decision = db.session.get(EstateDecision, decision_id)
    if decision is None:
        abort(404)
    estate = db.session.get(ClassEstate, decision.class_estate_id)
    own_class_or_404(estate.class_id)
    return decision


@bp.get("/decisions/<int:decision_id>/<moment>.png")
def picture(decision_id: int, moment: str) -> Response:
    if moment not in MOMENTS:
        abort(404)
    decision = own_decision_or_404(decision_id)
    return picture_response(lambda: decision_png(decision, moment))


@bp.post("/classes/<int:class_id>/estates/<int:estate_row_id>/undo")
def undo(class_id: int, estate_row_id: int) -> Response:
    """Undo the newest standing decision; its site is rebuilt as the state now says."""
    result = decisions.undo_last(_own_estate_or_404(class_id, estate_row_id))
    if result.outcome is decisions.Undo.UNDONE:
        flash(
            _(
                "The decision “%(label)s” is undone. The site is being rebuilt as it was before.",
                label=result.decision.label,
            ),
            "success",
        )
    elif result.outcome is decisions.Undo.BUSY:
        flash(_("Another build is running. Undo the decision when it is done."), "error")
    else:
        flash(_("There is no decision to undo."), "info")
    return redirect(url_for("classes.view", class_id=class_id) + "#estate")


@bp.post("/classes/<int:class_id>/estates/<int:estate_row_id>/build")
def rebuild(class_id: int, estate_row_id: int) -> Response:
    """Build the class's estate again as it stands after its decisions (e.g. after a reset)."""
    estate = _own_estate_or_404(class_id, estate_row_id)
    start_estate_build(own_class_or_404(class_id), estate.estate_id)
    flash(_("The estate is being built with the class's decisions."), "success")
    return redirect(url_for("classes.view", class_id=class_id) + "#estate")
