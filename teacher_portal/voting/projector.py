"""The projector: live results pushed as server-sent events, with the class code and a QR
code for latecomers while the vote is open.

The stream is a plain streaming response that checks the database once a second and sends
the results fragment when it changed. It reads nothing kept in memory, so any worker (werkzeug
threads, gunicorn processes) can serve it; each stream ends after a while and the browser's
EventSource reconnects by itself, so a stream never holds a worker for long.
"""

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass

from flask import Blueprint, Response, render_template, stream_with_context
from flask_login import login_required
from markupsafe import Markup

from teacher_portal.classes.cards import qr_svg
from teacher_portal.core.extensions import db
from teacher_portal.core.public_links import public_url
from teacher_portal.models import SchoolClass
from teacher_portal.models.voting import VotingTask
from teacher_portal.voting.access import own_task_or_404
from teacher_portal.voting.result_view import ResultsView, results_view

bp = Blueprint("projector", __name__)

POLL_SECONDS = 1.0
STREAM_SECONDS = 60.0
KEEPALIVE_SECONDS = 15.0
RECONNECT_MILLISECONDS = 1000


@bp.before_request
@login_required
def _teachers_only() -> None:
    """The projector is the teacher's screen."""


@dataclass(frozen=True)
class JoinHelp:
    """How a pupil who is not signed in joins while the vote is open: the class code, and
    a QR code of the page that asks only for the pupil's name."""

    code: str
    url: str
    qr: Markup


def join_help(task: VotingTask) -> JoinHelp:
    code = db.session.get(SchoolClass, task.class_id).class_code
    return JoinHelp(
        code,
        public_url("pupils.login.enter_code"),
        qr_svg(public_url("pupils.login.pick_name", code=code)),
    )


def live_fragment(task: VotingTask, view: ResultsView) -> str:
    return render_template(
        "voting/_projector_live.html", task=task, results=view, join=join_help(task), live=True
    )


@bp.get("/votes/<int:task_id>/projector")
def projector(task_id: int) -> str:
    task = own_task_or_404(task_id)
    return render_template(
        "voting/projector.html", task=task, results=results_view(task), join=join_help(task)
    )


def sse_message(event: str, data: str, event_id: str | None = None) -> str:
    """One server-sent event; every line of the data gets its own `data:` prefix."""
    lines = [f"event: {event}"]
    if event_id is not None:
        lines.append(f"id: {event_id}")
    lines += [f"data: {line}" for line in data.splitlines() or [""]]
    return "\n".join(lines) + "\n\n"


def _updates(task_id: int, seconds: float) -> Iterator[str]:
    """Send the fragment whenever the results' version changes, until `seconds` pass."""
    yield f"retry: {RECONNECT_MILLISECONDS}\n\n"
    sent_version, last_sent = None, time.monotonic()
    deadline = last_sent + seconds
    while time.monotonic() < deadline:
        db.session.expire_all()
        task = db.session.get(VotingTask, task_id)
        if task is None:
            yield sse_message("gone", "{}")
            return
        view = results_view(task)
        if view.version != sent_version:
            fragment = live_fragment(task, view)
            yield sse_message("results", json.dumps({"html": fragment}), view.version)
            sent_version, last_sent = view.version, time.monotonic()
        elif time.monotonic() - last_sent > KEEPALIVE_SECONDS:
            yield ": keep-alive\n\n"
            last_sent = time.monotonic()
        db.session.rollback()
        time.sleep(POLL_SECONDS)


@bp.get("/votes/<int:task_id>/stream")
def stream(task_id: int) -> Response:
    own_task_or_404(task_id)
    response = Response(
        stream_with_context(_updates(task_id, STREAM_SECONDS)), mimetype="text/event-stream"
    )
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"
    return response
