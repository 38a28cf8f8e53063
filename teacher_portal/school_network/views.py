"""The settings page for the address pupils' devices use, and the warning panel.

The address is stored in the database (`SchoolSettings.public_url`), so an administrator
can set it in the portal; `core.public_links` reads it for every link a pupil opens.
"""

from urllib.parse import urlsplit, urlunsplit

from flask import (
    Blueprint,
    Flask,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import select
from werkzeug.wrappers import Response
from wtforms import StringField, ValidationError

from teacher_portal.classes.cards import qr_svg
from teacher_portal.core.addresses import is_loopback, school_network_addresses
from teacher_portal.core.extensions import db
from teacher_portal.core.form_fields import at_most
from teacher_portal.core.panels import add_panel
from teacher_portal.core.public_links import public_url, pupil_address
from teacher_portal.core.school_network import SERVED_ON_CONFIG_KEY, SWITCH
from teacher_portal.models import SchoolSettings
from teacher_portal.teachers.admin import admin_required

bp = Blueprint("school_network", __name__)


def normalised_url(text: str) -> str:
    """`192.168.1.20:5000` or `http://skole-pc:5000/` → `http://192.168.1.20:5000`; empty
    stays empty (the automatic address)."""
    text = text.strip()
    if not text:
        return ""
    if "://" not in text:
        text = "http://" + text
    parts = urlsplit(text)
    try:
        parts.port  # noqa: B018 (raises for a port that is not a number)
    except ValueError:
        raise ValidationError(_("The port after the colon must be a number.")) from None
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in parts.netloc:
        raise ValidationError(_("Write an address like http://192.168.1.20:5000."))
    if parts.query or parts.fragment:
        raise ValidationError(_("Write only the address, without ? or #."))
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path.rstrip("/"), "", ""))


class AddressForm(FlaskForm):
    public_url = StringField(_l("Address for pupils' devices"), validators=[at_most(255)])

    def validate_public_url(self, field: StringField) -> None:
        field.data = normalised_url(field.data or "")


@bp.route("/settings/address", methods=["GET", "POST"])
@admin_required
def settings() -> str | Response:
    form = AddressForm()
    if form.validate_on_submit():
        _store(form.public_url.data or None)
        flash(_("Saved. Cards, QR codes and the join page use the new address."), "success")
        return redirect(url_for("school_network.settings"))
    stored = _stored_row()
    if request.method == "GET":
        form.public_url.data = stored.public_url if stored else ""
    address = pupil_address()
    served_on = current_app.config.get(SERVED_ON_CONFIG_KEY)
    return render_template(
        "school_network/settings.html",
        form=form,
        address=address,
        stored=stored.public_url if stored else None,
        suggestions=_suggestions(),
        this_machine_only=served_on is not None and is_loopback(served_on),
        switch=SWITCH,
        join_url=public_url("pupils.login.enter_code"),
        join_qr=qr_svg(public_url("pupils.login.enter_code")),
    )


def _stored_row() -> SchoolSettings | None:
    return db.session.scalar(select(SchoolSettings).order_by(SchoolSettings.id))


def _store(url: str | None) -> None:
    row = _stored_row()
    if row is None:
        row = SchoolSettings()
        db.session.add(row)
    row.public_url = url
    db.session.commit()
    g.pop("stored_public_url", None)


def _suggestions() -> list[str]:
    """This machine's school-network addresses, with the port the portal answers on."""
    port = urlsplit(request.host_url).port
    suffix = f":{port}" if port else ""
    return [f"http://{found.address}{suffix}" for found in school_network_addresses()]


def init_app(app: Flask) -> None:
    add_panel(app, "class_page", "school_network/_warning.html")
    app.jinja_env.globals["pupil_address"] = pupil_address
