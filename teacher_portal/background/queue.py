"""The job queue: one registration per kind of background work, two backends.

    @task("game.job")
    def run_job(job_id: int) -> None: ...

    defer("game.job", key=f"game-job-{job.id}", job_id=job.id)   # then commit

`defer` is part of the caller's transaction: the work starts only if the transaction commits
(on PostgreSQL the queue's row is written on the same connection). The task runs in a worker
with an app context of its own; its arguments are JSON (ids, not objects), and it reads what
it needs from the database, because it may run in another process or on another machine.

Which backend runs it follows the database (`init_app`):
- SQLite, the embedded default of `make run`: a thread of the portal process (`in_process`).
- PostgreSQL, a municipality: procrastinate's queue in the same database, run by
  `jagten worker` processes (`procrastinate_queue`).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from flask import Flask, current_app, has_app_context

from teacher_portal.core.extensions import db

EXTENSION = "jagten_queue"
SETTINGS = {
    "JOB_HEARTBEAT_SECONDS": 10.0,  # how often a worker says it is alive
    "JOB_STALLED_SECONDS": 30.0,  # a worker silent this long is taken for dead
    "JOB_SWEEP_SECONDS": 5.0,  # how often each worker looks for lost jobs and listeners
}

QUEUE_TABLE_PREFIX = "procrastinate_"  # procrastinate's tables on PostgreSQL, not the models'

Task = Callable[..., None]


def portal_table(name: str | None, type_: str, _parent_names: object = None) -> bool:
    """Alembic's `include_name`: compare the models' tables, not the queue's."""
    return not (type_ == "table" and name and name.startswith(QUEUE_TABLE_PREFIX))


@dataclass(frozen=True)
class Registered:
    function: Task
    retry_when_lost: bool


_registry: dict[str, Registered] = {}


def task(name: str, *, retry_when_lost: bool = True) -> Callable[[Task], Task]:
    """Register `function` as background work called `name`.

    `retry_when_lost`: when the worker running it dies, run it again on another worker (a
    build); False leaves restarting to the feature's own sweep (a chat listener).
    """

    def register(function: Task) -> Task:
        _registry[name] = Registered(function, retry_when_lost)
        return function

    return register


def registered() -> dict[str, Registered]:
    return dict(_registry)


def run_registered(app: Flask, name: str, kwargs: dict[str, Any]) -> None:
    """Run one task in an app context of its own (any thread, any process)."""
    with app.app_context():
        try:
            _registry[name].function(**kwargs)
        finally:
            db.session.remove()


class Backend(Protocol):
    def defer(self, name: str, key: str, kwargs: dict[str, Any], unique: bool) -> None: ...

    def may_be_running(self, key: str) -> bool: ...

    def wait(self, key: str, timeout: float | None) -> None: ...


def uses_postgres(app: Flask) -> bool:
    return app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql")


def init_app(app: Flask) -> None:
    for setting, default in SETTINGS.items():
        app.config.setdefault(setting, default)
    if uses_postgres(app):
        from teacher_portal.background.procrastinate_queue import ProcrastinateQueue

        app.extensions[EXTENSION] = ProcrastinateQueue(app)
    else:
        from teacher_portal.background.in_process import InProcessQueue

        app.extensions[EXTENSION] = InProcessQueue(app)


def backend(app: Flask | None = None) -> Backend:
    return (app or current_app).extensions[EXTENSION]


def defer(name: str, key: str, *, unique: bool = False, **kwargs: Any) -> None:
    """Queue `name(**kwargs)` when the current transaction commits.

    `key` names this piece of work (`may_be_running`, `wait`); `unique` skips the defer while
    one with the same key is still waiting to start.
    """
    if name not in _registry:
        raise LookupError(f"no background task is registered as {name!r}")
    backend().defer(name, key, kwargs, unique)


def may_be_running(key: str) -> bool:
    """False when the work can no longer be running (its thread ended with this process);
    True when it may be, including in another process."""
    return backend().may_be_running(key)


def wait(key: str, timeout: float | None = None) -> None:
    """Block until the work ends, where this process runs it (tests, the CLI); outside an app
    context, every app's work of that key in this process."""
    if has_app_context():
        backend().wait(key, timeout)
    else:
        from teacher_portal.background.in_process import join_everywhere

        join_everywhere(key, timeout)
