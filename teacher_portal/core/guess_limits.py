"""Rate limits on the secrets people type or follow (class codes, card codes, card and
invitation links), where only wrong guesses count.

A whole class signs in at once from the school's one address, so right answers cost nothing;
a view marks a wrong one with `wrong_guess()`. Wrong guesses count per address on every path
(`per_address`, one bucket shared by all of them), and where the target is known, per class
(`per_class`: card codes within one class code) and per pupil (`per_pupil`).
"""

from collections.abc import Callable
from typing import Any

from flask import current_app, g, request
from flask.wrappers import Response
from flask_babel import gettext as _

from teacher_portal.core.codes import normalise_class_code
from teacher_portal.core.extensions import limiter

View = Callable[..., Any]


def wrong_guess() -> None:
    """Count this request against the limits: the code or link was wrong."""
    g.wrong_guess = True


def _was_wrong(_response: Response) -> bool:
    return bool(g.get("wrong_guess"))


def _setting(name: str) -> Callable[[], str]:
    return lambda: current_app.config[name]


def _card_code_message() -> str:
    return _("Too many wrong codes. Scan the QR code on your card, or ask your teacher.")


per_address: Callable[[View], View] = limiter.shared_limit(
    _setting("CLASS_CODE_LIMIT"), scope="typed-codes", deduct_when=_was_wrong
)

per_class: Callable[[View], View] = limiter.limit(
    _setting("CARD_CODE_CLASS_LIMIT"),
    key_func=lambda: "class:" + normalise_class_code(request.view_args.get("code", "")),
    methods=["POST"],
    deduct_when=_was_wrong,
    error_message=_card_code_message,
    scope="card-code-class",
)

per_pupil: Callable[[View], View] = limiter.limit(
    _setting("CARD_CODE_PUPIL_LIMIT"),
    key_func=lambda: f"pupil:{request.form.get('pupil', type=int)}",  # "01" is pupil 1 too
    methods=["POST"],
    deduct_when=_was_wrong,
    error_message=_card_code_message,
    scope="card-code-pupil",
)
