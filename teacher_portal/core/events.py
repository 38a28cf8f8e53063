"""Events one feature announces and others act on, so a feature need not import the ones
that care: the roster changes, a build is done, the phase changes, a vote opens.

A feature calls `on(app, "build_done", handler)` from its `init_app`; the announcing code
calls `emit("build_done", job)` after its own work is committed. Handlers run in order, in
the announcer's request or thread, and must not raise for something the announcer did right
(a game server that does not answer is the handler's business to report).
"""

from collections.abc import Callable
from typing import Any

from flask import Flask, current_app

EVENTS = (
    "class_changed",  # (school_class): pupils, groups, game names or cards changed
    "class_deleting",  # (school_class): about to be deleted with everything in it
    "build_done",  # (job): a build finished and was verified
    "phase_changed",  # (run): the lesson moved to another phase
    "vote_changed",  # (task): a vote opened or closed
)

Handler = Callable[..., Any]


def on(app: Flask, event: str, handler: Handler) -> None:
    if event not in EVENTS:
        raise ValueError(f"unknown event {event!r}; choose one of {', '.join(EVENTS)}")
    handlers = app.extensions.setdefault("jagten_events", {})
    handlers.setdefault(event, []).append(handler)


def emit(event: str, *args: Any) -> None:
    for handler in current_app.extensions.get("jagten_events", {}).get(event, []):
        handler(*args)
