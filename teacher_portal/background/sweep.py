"""What every worker checks every few seconds, so nothing stays lost when a process dies.

Features add a check with `every_sweep(check)` (the chat listeners: start one for every vote
the teacher listens on that nobody holds). `jagten worker` runs the checks beside its jobs;
the embedded `jagten up` runs them in a thread of its own (`start_in_process`).

`stopping` is set when this process is shutting down: long-running work (a chat listener)
ends when it sees it, so the process can stop and another takes over.
"""

import logging
import threading
from collections.abc import Callable

from flask import Flask

from teacher_portal.core.extensions import db

log = logging.getLogger(__name__)

stopping = threading.Event()
_checks: list[Callable[[], None]] = []


def every_sweep(check: Callable[[], None]) -> None:
    if check not in _checks:
        _checks.append(check)


def sweep_once(app: Flask) -> None:
    """Run every check in an app context; one failing check never stops the others."""
    with app.app_context():
        for check in _checks:
            try:
                check()
            except Exception:
                log.exception("sweep check %s failed", check.__qualname__)
                db.session.rollback()
        db.session.remove()


def start_in_process(app: Flask) -> threading.Thread:
    """The embedded default's sweep: a daemon thread beside the web server."""

    def sweep_forever() -> None:
        while not stopping.wait(app.config["JOB_SWEEP_SECONDS"]):
            sweep_once(app)

    sweep_once(app)  # at start: what the last run of the portal left (its listeners)
    thread = threading.Thread(target=sweep_forever, name="jagten-sweep", daemon=True)
    thread.start()
    return thread
