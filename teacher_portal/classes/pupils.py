"""Pupils of a class: paste a roster, set groups, households and Minecraft names, remove a pupil."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required
from werkzeug.wrappers import Response

from teacher_portal.classes.access import own_class_or_404, own_pupil_or_404
from teacher_portal.classes.roster import parse_roster
from teacher_portal.core.codes import new_token
from teacher_portal.core.events import emit
from teacher_portal.core.extensions import db
from teacher_portal.core.names import clean_name
from teacher_portal.models import Group, Household, Pupil, SchoolClass

bp = Blueprint("pupils", __name__, url_prefix="/<int:class_id>")

MINECRAFT_NAME_MAX = 40
TEAM_NAME_MAX = 60


@bp.before_request
@login_required
def _teachers_only() -> None:
    """Every page here is a teacher's."""


@bp.route("/roster", methods=["GET", "POST"])
def roster(class_id: int) -> str | Response:
    school_class = own_class_or_404(class_id)
    text = request.form.get("roster", "")
    result = None
    if request.method == "POST":
        result = parse_roster(text, {pupil.nickname for pupil in school_class.pupils})
        if not result.problems:
            for nickname in result.nicknames:
                db.session.add(Pupil(class_id=class_id, nickname=nickname, card_token=new_token()))
            db.session.commit()
            emit("class_changed", school_class)
            for note in result.notes:
                flash(note, "info")
            flash(_("%(count)d pupils added.", count=len(result.nicknames)), "success")
            return redirect(url_for("classes.view", class_id=class_id))
    return render_template(
        "classes/roster.html", school_class=school_class, text=text, result=result
    )


@bp.post("/pupils")
def save(class_id: int) -> Response:
    """Save every pupil's group, household and Minecraft name from the class page in one go."""
    school_class = own_class_or_404(class_id)
    groups = {str(group.id) for group in school_class.groups}
    households = {str(household.id) for household in school_class.households}
    for pupil in school_class.pupils:
        group = request.form.get(f"group-{pupil.id}", "")
        household = request.form.get(f"household-{pupil.id}", "")
        name = clean_name(request.form.get(f"minecraft-{pupil.id}"))
        pupil.group_id = int(group) if group in groups else None
        pupil.household_id = int(household) if household in households else None
        pupil.minecraft_name = name[:MINECRAFT_NAME_MAX] or None
    db.session.commit()
    emit("class_changed", school_class)
    flash(_("Saved."), "success")
    return redirect(url_for("classes.view", class_id=class_id) + "#pupils")


@bp.post("/pupils/<int:pupil_id>/delete")
def delete(class_id: int, pupil_id: int) -> Response:
    pupil = own_pupil_or_404(class_id, pupil_id)
    db.session.delete(pupil)
    db.session.commit()
    emit("class_changed", own_class_or_404(class_id))
    flash(_("%(name)s is removed from the class.", name=pupil.nickname), "success")
    return redirect(url_for("classes.view", class_id=class_id) + "#pupils")


@bp.post("/<any(groups, households):kind>")
def add_team(class_id: int, kind: str) -> Response:
    """Add a group or a household by name."""
    school_class = own_class_or_404(class_id)
    model = _team_model(kind)
    name = clean_name(request.form.get("name"))[:TEAM_NAME_MAX]
    existing = {team.name.casefold() for team in _teams(school_class, model)}
    if not name:
        flash(_("Write a name first."), "error")
    elif name.casefold() in existing:
        flash(_("“%(name)s” already exists.", name=name), "error")
    else:
        db.session.add(model(class_id=class_id, name=name))
        db.session.commit()
        emit("class_changed", school_class)
    return redirect(url_for("classes.view", class_id=class_id) + f"#{kind}")


@bp.post("/<any(groups, households):kind>/<int:team_id>/delete")
def delete_team(class_id: int, kind: str, team_id: int) -> Response:
    school_class = own_class_or_404(class_id)
    team = db.session.get(_team_model(kind), team_id)
    if team is None or team.class_id != school_class.id:
        abort(404)
    db.session.delete(team)
    db.session.commit()
    emit("class_changed", school_class)
    return redirect(url_for("classes.view", class_id=class_id) + f"#{kind}")


TeamModel = type[Group] | type[Household]
TEAM_MODELS: dict[str, TeamModel] = {"groups": Group, "households": Household}


def _team_model(kind: str) -> TeamModel:
    """Groups and households work alike: a name within the class; `kind` is the URL part."""
    if kind not in TEAM_MODELS:
        abort(404)
    return TEAM_MODELS[kind]


def _teams(school_class: SchoolClass, model: TeamModel) -> list[Group] | list[Household]:
    return school_class.groups if model is Group else school_class.households
