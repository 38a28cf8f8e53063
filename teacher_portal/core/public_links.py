"""Absolute links for QR codes and invitations, reachable from pupils' phones.

Behind `127.0.0.1` a link would only work on the teacher's own machine, so `PUBLIC_URL`
(JAGTEN_PUBLIC_URL) can name the address the school network sees.
"""

from typing import Any
from urllib.parse import urlsplit

from flask import current_app, request, url_for


def public_url(endpoint: str, **values: Any) -> str:
    base = current_app.config.get("PUBLIC_URL") or request.host_url
    return base.rstrip("/") + url_for(endpoint, **values)


def public_host() -> str:
    """The host name pupils' devices use to reach this machine (for the game's address too)."""
    base = current_app.config.get("PUBLIC_URL") or request.host_url
    return urlsplit(base).hostname or "127.0.0.1"
