"""Game server settings per class (or school-wide for admins), a connection test, join help."""

from flask import Blueprint, flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_required
from flask_wtf import FlaskForm
from sqlalchemy import select
from werkzeug.wrappers import Response
from wtforms import RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional

from minecraft_scripts.server.ports import MCPI_PORT
from teacher_portal.classes.access import own_class_or_404
from teacher_portal.core.extensions import db
from teacher_portal.core.form_fields import WholeNumberField, at_most, number_from, required
from teacher_portal.core.public_links import public_host
from teacher_portal.game.servers import check_connection, join_address, school_default, server_for
from teacher_portal.models import GameServer, SchoolClass
from teacher_portal.teachers.admin import admin_required

bp = Blueprint("settings", __name__)


class GameServerForm(FlaskForm):
    kind = RadioField(
        _l("Game"),
        choices=[
            SelectChoice("minetest", _l("Minetest (the world this toolkit runs)")),
            SelectChoice("raspberryjuice", _l("Minecraft Java with RaspberryJuice")),
        ],
        default="minetest",
    )
    host = StringField(_l("Host"), validators=[required(), at_most(255)])
    port = WholeNumberField(
        _l("API port (%(port)d)", port=MCPI_PORT), validators=[number_from(1, 65535)]
    )
    join_address = StringField(
        _l("Address pupils type in the game (optional)"), validators=[Optional(), at_most(255)]
    )


@bp.before_request
@login_required
def _teachers_only() -> None:
    """Every page here is a teacher's."""


@bp.route("/classes/<int:class_id>/game", methods=["GET", "POST"])
def for_class(class_id: int) -> str | Response:
    school_class = own_class_or_404(class_id)
    return _settings_page(server_for(school_class), school_class)


@bp.route("/settings/game", methods=["GET", "POST"])
@admin_required
def for_school() -> str | Response:
    return _settings_page(school_default(), None)


def _settings_page(current: GameServer, school_class: SchoolClass | None) -> str | Response:
    form = GameServerForm(obj=current)
    check = None
    if form.validate_on_submit():
        stored = _stored_setting(school_class)
        form.populate_obj(stored)
        stored.join_address = stored.join_address or None
        if request.form.get("action") == "test":
            check = check_connection(stored)
            db.session.rollback()
        else:
            db.session.commit()
            flash(_("Saved."), "success")
            return redirect(request.path)
    return render_template(
        "game/settings.html",
        form=form,
        school_class=school_class,
        check=check,
        server=current,
        join_address=join_address(current, public_host()),
    )


def _stored_setting(school_class: SchoolClass | None) -> GameServer:
    """The row to save into, created when the class (or school) had only the default."""
    class_id = school_class.id if school_class else None
    if class_id is None:
        query = select(GameServer).where(GameServer.class_id.is_(None))
    else:
        query = select(GameServer).where(GameServer.class_id == class_id)
    stored = db.session.scalar(query)
    if stored is None:
        stored = GameServer(class_id=class_id)
        db.session.add(stored)
    return stored
