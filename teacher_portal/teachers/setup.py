"""First run: while no teacher exists, every page leads here to create the first (admin) teacher."""

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import login_user
from sqlalchemy import exists, select
from werkzeug.wrappers import Response

from teacher_portal.core.extensions import db
from teacher_portal.models import Teacher
from teacher_portal.teachers import login_limits
from teacher_portal.teachers.forms import NewTeacherForm

bp = Blueprint("setup", __name__)

# Pages that must work before set-up: the set-up page itself, health checks, styles, language.
_OPEN_BEFORE_SETUP = {
    "teachers.setup.setup",
    "pages.healthz",
    "static",
    "i18n.switch_language",
    "pages.privacy",
}


def has_teacher() -> bool:
    """Whether set-up is done; remembered once true, since teachers are never all removed."""
    if current_app.extensions.get("jagten_set_up"):
        return True
    done = db.session.scalar(select(exists().where(Teacher.id.isnot(None))))
    if done:
        current_app.extensions["jagten_set_up"] = True
    return bool(done)


def _redirect_to_setup() -> Response | None:
    if request.endpoint in _OPEN_BEFORE_SETUP or has_teacher():
        return None
    return redirect(url_for("teachers.setup.setup"))


def init_app(app: Flask) -> None:
    app.before_request(_redirect_to_setup)


@bp.route("/setup", methods=["GET", "POST"])
def setup() -> str | Response:
    if has_teacher():
        abort(404)
    form = NewTeacherForm()
    if form.validate_on_submit():
        teacher = Teacher(name=form.name.data, email=form.email.data.lower(), is_admin=True)
        teacher.set_password(form.password.data)
        db.session.add(teacher)
        db.session.commit()
        login_user(teacher)
        flash(_("Welcome! Start by creating your first class."), "success")
        return login_limits.remember_browser(redirect(url_for("classes.new")), teacher)
    return render_template("teachers/setup.html", form=form)
