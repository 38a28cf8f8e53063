"""The embedded default: background work runs in daemon threads of the portal process.

One process (`make run`, `jagten up` on SQLite) needs no queue: a task starts in its own
thread the moment the transaction that deferred it commits. When the process stops, its
threads stop with it; the features' rows say so at the next start (a build is failed with a
reason, a chat listener is started again by the sweep).
"""

import threading
from typing import Any

from flask import Flask

from teacher_portal.background.commit_hooks import after_commit
from teacher_portal.background.queue import run_registered

_started: list[tuple[str, threading.Thread]] = []  # every app's, for `join_everywhere`


def join_everywhere(key: str, timeout: float | None) -> None:
    for started_key, thread in list(_started):
        if started_key == key:
            thread.join(timeout)


class InProcessQueue:
    def __init__(self, app: Flask) -> None:
        self.app = app
        self._threads: dict[str, threading.Thread] = {}
        self._committing: set[str] = set()  # deferred, thread not started yet
        self._lock = threading.Lock()

    def defer(self, name: str, key: str, kwargs: dict[str, Any], unique: bool) -> None:
        with self._lock:
            self._committing.add(key)
        after_commit(lambda: self._start(name, key, kwargs, unique))

    def _start(self, name: str, key: str, kwargs: dict[str, Any], unique: bool) -> None:
        with self._lock:
            self._committing.discard(key)
            if unique and self._alive(key):
                return
            for ended in [k for k, thread in self._threads.items() if not thread.is_alive()]:
                del self._threads[ended]
            _started[:] = [(k, thread) for k, thread in _started if thread.is_alive()]
            thread = threading.Thread(
                target=run_registered, args=(self.app, name, kwargs), name=key, daemon=True
            )
            self._threads[key] = thread
            _started.append((key, thread))
            thread.start()

    def may_be_running(self, key: str) -> bool:
        return key in self._committing or self._alive(key)

    def _alive(self, key: str) -> bool:
        thread = self._threads.get(key)
        return thread is not None and thread.is_alive()

    def wait(self, key: str, timeout: float | None) -> None:
        thread = self._threads.get(key)
        if thread is not None:
            thread.join(timeout)
