"""Absolute links for QR codes, login cards, invitations and the join page: the address
pupils' devices use to reach this machine.

Behind `127.0.0.1` a link works only on the teacher's own machine. The address comes, first
found, from the administrator's setting (stored in the database), `PUBLIC_URL`
(JAGTEN_PUBLIC_URL), the school-network address `jagten up --school-network` found, and
last the address in the teacher's browser.
"""

from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from flask import current_app, g, has_request_context, request, url_for
from sqlalchemy import select

from teacher_portal.core.addresses import is_loopback
from teacher_portal.core.extensions import db
from teacher_portal.models import SchoolSettings

AddressSource = Literal["settings", "configuration", "detected", "browser"]
DETECTED_CONFIG_KEY = "DETECTED_PUBLIC_URL"  # set by `jagten up` on the school network


@dataclass(frozen=True)
class PupilAddress:
    """The base URL of every link a pupil opens, and where it comes from."""

    url: str
    source: AddressSource

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or "127.0.0.1"

    @property
    def loopback(self) -> bool:
        """Only this machine can open it: phones and tablets cannot."""
        return is_loopback(self.host)


def stored_public_url() -> str | None:
    """The administrator's setting, read once per request."""
    if has_request_context() and "stored_public_url" in g:
        return g.stored_public_url
    url = db.session.scalar(select(SchoolSettings.public_url).order_by(SchoolSettings.id))
    if has_request_context():
        g.stored_public_url = url
    return url


def pupil_address() -> PupilAddress:
    config = current_app.config
    for source, url in (
        ("settings", stored_public_url()),
        ("configuration", config.get("PUBLIC_URL")),
        ("detected", config.get(DETECTED_CONFIG_KEY)),
    ):
        if url:
            return PupilAddress(url.rstrip("/"), source)
    return PupilAddress(request.host_url.rstrip("/"), "browser")


def public_url(endpoint: str, **values: Any) -> str:
    return pupil_address().url + url_for(endpoint, **values)


def public_host() -> str:
    """The host name pupils' devices use to reach this machine (for the game's address too)."""
    return pupil_address().host
