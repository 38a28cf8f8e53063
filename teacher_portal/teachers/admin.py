"""Admins see the teachers and invite colleagues with one-time links."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select
from werkzeug.wrappers import Response

from teacher_portal.core.codes import new_token
from teacher_portal.core.extensions import db
from teacher_portal.core.public_links import public_url
from teacher_portal.models import Invitation, Teacher

bp = Blueprint("admin", __name__, url_prefix="/teachers")


def admin_required(view: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(view)
    @login_required
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_admin:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


@bp.get("/")
@admin_required
def index() -> str:
    teachers = db.session.scalars(select(Teacher).order_by(Teacher.name)).all()
    invitations = db.session.scalars(
        select(Invitation).where(Invitation.used_at.is_(None)).order_by(Invitation.id.desc())
    ).all()
    links = {
        inv.id: public_url("teachers.auth.accept_invite", token=inv.token) for inv in invitations
    }
    return render_template(
        "teachers/admin.html", teachers=teachers, invitations=invitations, links=links
    )


@bp.post("/invite")
@admin_required
def invite() -> Response:
    db.session.add(Invitation(token=new_token(), created_by_id=current_user.id))
    db.session.commit()
    flash(_("Invitation created. Send the link to your colleague; it works once."), "success")
    return redirect(url_for("teachers.admin.index"))


@bp.post("/invitations/<int:invitation_id>/delete")
@admin_required
def delete_invitation(invitation_id: int) -> Response:
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or invitation.is_used:
        abort(404)
    db.session.delete(invitation)
    db.session.commit()
    return redirect(url_for("teachers.admin.index"))
