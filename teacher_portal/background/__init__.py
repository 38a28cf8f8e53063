"""Work outside a request, and what keeps several processes in step.

- `queue`: one registration (`task`) makes a function background work; `defer` queues it
  within the caller's transaction. SQLite (the embedded default, one process) runs it in a
  thread of the portal; PostgreSQL (a municipality) through procrastinate, run by
  `jagten worker` processes (`worker`), which retry the jobs of a worker that died.
- `locks`: one holder across all processes (a PostgreSQL advisory lock).
- `live`: "this changed" announcements across processes (PostgreSQL LISTEN/NOTIFY).
- `sweep`: checks every worker runs every few seconds, so nothing stays lost.
- `processes`: `jagten up --workers N` (web processes under gunicorn, and job workers).

It stands on `core` only; features (game jobs, chat listeners, projectors) stand on it.
"""

from flask import Flask

from teacher_portal.background import live, queue
from teacher_portal.background.queue import defer, may_be_running, task, wait

__all__ = ["defer", "init_app", "live", "may_be_running", "queue", "task", "wait"]


def init_app(app: Flask) -> None:
    queue.init_app(app)
    live.init_app(app)
