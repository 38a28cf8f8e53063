"""Response headers that keep sign-in links private and pages out of other sites' frames."""

from flask import Flask, Response

HEADERS = {
    # Card links carry a sign-in token in the URL: never send it on to another site.
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # Only this server's own files; inline code stays allowed for the printable lesson guide.
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'"
    ),
}


def _add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def init_app(app: Flask) -> None:
    app.after_request(_add_headers)
