"""Pupils of a class: paste a roster, set groups, households and Minecraft names, split the
class into groups or households in one click, remove a pupil."""

import hashlib

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import login_required
from werkzeug.wrappers import Response

from teacher_portal.classes import teams
from teacher_portal.classes.access import own_class_or_404, own_pupil_or_404
from teacher_portal.classes.roster import TEAM_NAME_MAX, Roster, parse_roster
from teacher_portal.classes.roster_save import save_roster
from teacher_portal.core.events import emit
from teacher_portal.core.extensions import db
from teacher_portal.core.names import clean_name
from teacher_portal.models import Group, Household

bp = Blueprint("pupils", __name__, url_prefix="/<int:class_id>")

MINECRAFT_NAME_MAX = 40


@bp.before_request
@login_required
def _teachers_only() -> None:
    """Every page here is a teacher's."""


@bp.route("/roster", methods=["GET", "POST"])
def roster(class_id: int) -> str | Response:
    """Paste the class list, see what it would do, then save it: two presses of a button."""
    school_class = own_class_or_404(class_id)
    text = request.form.get("roster", "")
    preview, confirmed = None, False
    if request.method == "POST":
        preview = parse_roster(text, {pupil.nickname for pupil in school_class.pupils})
        confirmed = request.form.get("previewed") == paste_digest(text)
        if request.form.get("action") == "save" and confirmed and not preview.problems:
            saved = save_roster(school_class, preview)
            emit("class_changed", school_class)
            for note in preview.notes:
                flash(note, "info")
            flash(ngettext("%(num)d pupil added.", "%(num)d pupils added.", saved.added), "success")
            if saved.updated:
                flash(
                    ngettext("%(num)d pupil updated.", "%(num)d pupils updated.", saved.updated),
                    "success",
                )
            return redirect(url_for("classes.view", class_id=class_id) + "#pupils")
    return render_template(
        "classes/roster.html",
        school_class=school_class,
        text=text,
        preview=preview,
        digest=paste_digest(text),
        changed=request.form.get("action") == "save" and not confirmed,
        new_groups=_new_names(preview, "group", school_class.groups),
        new_households=_new_names(preview, "household", school_class.households),
    )


def _new_names(preview: Roster | None, kind: str, known: list) -> list[str]:
    """Groups or households the paste names that the class does not have yet."""
    have = {team.name.casefold() for team in known}
    names = preview.team_names(kind) if preview else []
    return [name for name in names if name.casefold() not in have]


def paste_digest(text: str) -> str:
    """Saving needs the preview of exactly this text: an edit after it means a new preview."""
    return hashlib.sha256(text.strip().encode()).hexdigest()[:16]


@bp.post("/groups/split")
def split_groups(class_id: int) -> Response:
    school_class = own_class_or_404(class_id)
    count = request.form.get("count", type=int)
    pupils = len(school_class.pupils)
    if count is None or not 1 <= count <= max(pupils, 1) or not pupils:
        flash(_("Choose from 1 to %(max)d groups.", max=max(pupils, 1)), "error")
    else:
        teams.split_into_groups(school_class, count)
        emit("class_changed", school_class)
        flash(_("The class is split into %(count)d groups.", count=count), "success")
    return redirect(url_for("classes.view", class_id=class_id) + "#groups")


@bp.post("/households/make")
def make_households(class_id: int) -> Response:
    school_class = own_class_or_404(class_id)
    households = teams.make_households(school_class)
    flash(_("%(count)d households of 2–3 pupils are made.", count=len(households)), "success")
    return redirect(url_for("classes.view", class_id=class_id) + "#households")


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
    existing = {team.name.casefold() for team in teams.teams_of(school_class, model)}
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


TEAM_MODELS: dict[str, teams.TeamModel] = {"groups": Group, "households": Household}


def _team_model(kind: str) -> teams.TeamModel:
    """Groups and households work alike: a name within the class; `kind` is the URL part."""
    if kind not in TEAM_MODELS:
        abort(404)
    return TEAM_MODELS[kind]
