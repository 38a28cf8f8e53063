"""A municipality's queue: procrastinate, in the portal's own PostgreSQL database.

Deferring writes procrastinate's job row on the session's own connection, inside the
caller's transaction (procrastinate's "external connection"), so a job exists exactly when
the row that describes it (e.g. the `build_job`) does, and web processes open no pool of
their own. `jagten worker` processes (`background.worker`) fetch the jobs (LISTEN/NOTIFY,
`FOR UPDATE SKIP LOCKED`), send heartbeats, and retry the jobs of a worker that died.

Procrastinate's tables, types and functions are created by the Alembic revision
`0004_job_queue` from the installed version's `schema.sql`; pyproject pins the minor version,
and moving to a newer one means a revision that applies procrastinate's migration files.
"""

from collections.abc import Callable
from typing import Any

import procrastinate
from flask import Flask
from procrastinate.exceptions import AlreadyEnqueued
from sqlalchemy import text
from sqlalchemy.engine import make_url

from teacher_portal.background.queue import registered, run_registered
from teacher_portal.core.extensions import db

_PENDING = text(
    "SELECT EXISTS (SELECT 1 FROM procrastinate_jobs job"
    " LEFT JOIN procrastinate_workers worker ON worker.id = job.worker_id"
    " WHERE (job.lock = :key OR job.queueing_lock = :key) AND (job.status = 'todo'"
    " OR (job.status = 'doing' AND worker.last_heartbeat > now() - make_interval(secs => :stale))))"
)


def libpq_url(app: Flask) -> str:
    """The portal's database as psycopg itself takes it (no SQLAlchemy driver name)."""
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"]).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


class ProcrastinateQueue:
    def __init__(self, app: Flask) -> None:
        self.app = app
        self._queue: procrastinate.App | None = None
        self._deferrer: procrastinate.App | None = None

    @property
    def queue(self) -> procrastinate.App:
        """The worker's app (asynchronous), built on first use once every feature has
        registered its tasks."""
        if self._queue is None:
            self._queue = self._app(procrastinate.PsycopgConnector(conninfo=libpq_url(self.app)))
        return self._queue

    @property
    def deferrer(self) -> procrastinate.App:
        """Deferring from synchronous code (a request, a sweep), always on the caller's own
        connection: this app never opens a pool."""
        if self._deferrer is None:
            self._deferrer = self._app(procrastinate.SyncPsycopgConnector(conninfo=""))
        return self._deferrer

    def _app(self, connector: procrastinate.BaseConnector) -> procrastinate.App:
        queue = procrastinate.App(connector=connector)
        for name in registered():
            queue.task(name=name, pass_context=False)(_runner(self.app, name))
        return queue

    def defer(self, name: str, key: str, kwargs: dict[str, Any], unique: bool) -> None:
        """The key becomes the job's `lock` (unique keys are one per job, so it orders
        nothing) or, for `unique`, its `queueing_lock`: either way `may_be_running` finds it."""
        connection = db.session.connection().connection.driver_connection
        if not unique:
            self.deferrer.configure_task(name, connection=connection, lock=key).defer(**kwargs)
            return
        try:
            with connection.transaction():  # a savepoint: a refused queueing lock ends only it
                self.deferrer.configure_task(name, connection=connection, queueing_lock=key).defer(
                    **kwargs
                )
        except AlreadyEnqueued:
            pass

    def may_be_running(self, key: str) -> bool:
        """Waiting, or taken by a worker that is alive. A dead worker's job counts as
        running for twice the stalled time, so the sweep can queue it again first; after
        that, with no worker left to do so, it is not running (the feature fails it)."""
        stale = 2 * self.app.config["JOB_STALLED_SECONDS"]
        return bool(db.session.scalar(_PENDING, {"key": key, "stale": stale}))

    def wait(self, key: str, timeout: float | None) -> None:
        """Nothing to join here: the work runs in a worker process; follow its row."""


def _runner(app: Flask, name: str) -> Callable[..., None]:
    def run(**kwargs: Any) -> None:
        run_registered(app, name, kwargs)

    run.__name__ = run.__qualname__ = name
    return run
