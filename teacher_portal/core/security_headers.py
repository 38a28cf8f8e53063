"""Response headers that keep sign-in links private, pages out of other sites' frames and
browsers' caches, and scripts to this server's own files."""

from flask import Flask, Response, request

HEADERS = {
    # In place of the web server's own name (Granian's): the response does not name software.
    "Server": "Jagten",
    # Card links carry a sign-in token in the URL: never send it on to another site.
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # Scripts only from this server's files (no inline code, no event-handler attributes);
    # inline styles stay allowed for the printable lesson guide and the SVG charts.
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
        "form-action 'self'"
    ),
}

# Pages show a pupil's ballot, choice, card or sign-in: *Back* on a shared tablet must ask the
# server again (which sends the next pupil to sign in) instead of showing the last one's page.
# Responses that say how to cache themselves (static files, pictures, streams) keep theirs.
NO_STORE = "no-store"


def _add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if "Cache-Control" not in response.headers and request.endpoint != "static":
        response.headers["Cache-Control"] = NO_STORE
    return response


def init_app(app: Flask) -> None:
    app.after_request(_add_headers)
