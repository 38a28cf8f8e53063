"""Teacher log-in and log-out, and accepting an invitation to become a teacher."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import login_required, login_user, logout_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from teacher_portal.core import guess_limits
from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db, login_manager
from teacher_portal.models import Invitation, Teacher
from teacher_portal.pupils.session import sign_out_pupil
from teacher_portal.teachers import login_limits
from teacher_portal.teachers.forms import LoginForm, NewTeacherForm
from teacher_portal.teachers.login_limits import typed_email

bp = Blueprint("auth", __name__)


@login_manager.user_loader
def load_teacher(user_id: str) -> Teacher | None:
    kind, _sep, number = user_id.partition(":")
    if kind != "teacher" or not number.isdigit():
        return None
    return db.session.get(Teacher, int(number))


@bp.route("/login", methods=["GET", "POST"])
@login_limits.limited
def login() -> str | Response:
    form = LoginForm()
    if form.validate_on_submit():
        teacher = db.session.scalar(select(Teacher).where(Teacher.email == typed_email()))
        if teacher is not None and teacher.check_password(form.password.data):
            sign_out_pupil()
            login_user(teacher)
            return login_limits.remember_browser(redirect(url_for("classes.index")), teacher)
        login_limits.failed_login()
        flash(_("Wrong e-mail or password."), "error")
    return render_template("teachers/login.html", form=form)


@bp.post("/logout")
@login_required
def logout() -> Response:
    logout_user()
    flash(_("You are logged out."), "info")
    return redirect(url_for("pages.index"))


@bp.route("/invite/<token>", methods=["GET", "POST"])
@guess_limits.per_address
def accept_invite(token: str) -> str | Response:
    """A one-time link: creates the colleague's account and is then used up."""
    invitation = db.session.scalar(select(Invitation).where(Invitation.token == token))
    if invitation is None or invitation.is_used:
        guess_limits.wrong_guess()
        abort(404)
    form = NewTeacherForm()
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        if db.session.scalar(select(Teacher).where(Teacher.email == email)):
            form.email.errors.append(_("A teacher with this e-mail already exists."))
        else:
            teacher = Teacher(name=form.name.data, email=email)
            teacher.set_password(form.password.data)
            db.session.add(teacher)
            db.session.flush()
            invitation.used_at = utcnow()
            invitation.used_by_id = teacher.id
            db.session.commit()
            sign_out_pupil()
            login_user(teacher)
            flash(_("Welcome! Start by creating your first class."), "success")
            return login_limits.remember_browser(redirect(url_for("classes.new")), teacher)
    return render_template("teachers/accept_invite.html", form=form)
