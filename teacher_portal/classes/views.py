"""A teacher's classes: list, create, look at, export as JSON and delete with everything in them."""

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy import exists, select
from werkzeug.wrappers import Response
from wtforms import StringField

from teacher_portal.classes.access import own_class_or_404
from teacher_portal.classes.export import export_class
from teacher_portal.core.clock import current_school_year
from teacher_portal.core.codes import new_class_code
from teacher_portal.core.events import emit
from teacher_portal.core.extensions import db
from teacher_portal.core.form_fields import WholeNumberField, at_most, number_from, required
from teacher_portal.core.names import clean_name
from teacher_portal.core.public_links import public_url
from teacher_portal.lesson_runs.runs import active_run
from teacher_portal.models import SchoolClass

bp = Blueprint("classes", __name__, url_prefix="/classes")


class ClassForm(FlaskForm):
    name = StringField(
        _l("Class name"), validators=[required(), at_most(100)], filters=[clean_name]
    )
    grade = WholeNumberField(_l("Grade"), validators=[number_from(0, 10)])
    school_year = StringField(
        _l("School year"), validators=[required(), at_most(20)], default=current_school_year
    )


def unused_class_code() -> str:
    while True:
        code = new_class_code()
        if not db.session.scalar(select(exists().where(SchoolClass.class_code == code))):
            return code


@bp.before_request
@login_required
def _teachers_only() -> None:
    """Every page here is a teacher's; pupils and visitors go to the log-in page."""


@bp.get("/")
def index() -> str:
    classes = db.session.scalars(
        select(SchoolClass)
        .where(SchoolClass.teacher_id == current_user.id)
        .order_by(SchoolClass.school_year.desc(), SchoolClass.name)
    ).all()
    return render_template("classes/index.html", classes=classes)


@bp.route("/new", methods=["GET", "POST"])
def new() -> str | Response:
    form = ClassForm()
    if form.validate_on_submit():
        school_class = SchoolClass(
            teacher_id=current_user.id,
            name=form.name.data.strip(),
            grade=form.grade.data,
            school_year=form.school_year.data.strip(),
            class_code=unused_class_code(),
        )
        db.session.add(school_class)
        db.session.commit()
        flash(_("Class created. Now paste the pupils' nicknames."), "success")
        return redirect(url_for("classes.pupils.roster", class_id=school_class.id))
    return render_template("classes/new.html", form=form)


@bp.get("/<int:class_id>")
def view(class_id: int) -> str:
    school_class = own_class_or_404(class_id)
    return render_template(
        "classes/view.html",
        school_class=school_class,
        active_run=active_run(school_class),
        join_url=public_url("pupils.login.enter_code"),
    )


@bp.route("/<int:class_id>/edit", methods=["GET", "POST"])
def edit(class_id: int) -> str | Response:
    school_class = own_class_or_404(class_id)
    form = ClassForm(obj=school_class)
    if form.validate_on_submit():
        form.populate_obj(school_class)
        db.session.commit()
        flash(_("Saved."), "success")
        return redirect(url_for("classes.view", class_id=class_id))
    return render_template("classes/edit.html", form=form, school_class=school_class)


@bp.post("/<int:class_id>/new-code")
def new_code(class_id: int) -> Response:
    school_class = own_class_or_404(class_id)
    school_class.class_code = unused_class_code()
    db.session.commit()
    flash(_("The class has a new code; the old one no longer works."), "success")
    return redirect(url_for("classes.view", class_id=class_id))


@bp.get("/<int:class_id>/export.json")
def export(class_id: int) -> Response:
    school_class = own_class_or_404(class_id)
    response = current_app.json.response(export_class(school_class))
    filename = f"class-{school_class.id}.json"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.route("/<int:class_id>/delete", methods=["GET", "POST"])
def delete(class_id: int) -> str | Response:
    """Deleting asks once more, then removes the class and every pupil, run and job in it."""
    school_class = own_class_or_404(class_id)
    if request.method == "POST":
        name = school_class.name
        emit("class_deleting", school_class)
        db.session.delete(school_class)
        db.session.commit()
        flash(_("The class %(name)s and all its data are deleted.", name=name), "success")
        return redirect(url_for("classes.index"))
    return render_template("classes/delete.html", school_class=school_class)
