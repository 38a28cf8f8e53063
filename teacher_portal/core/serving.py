"""The production server `jagten up` runs the portal in: Granian, a well-kept HTTP server
written in Rust. Its one worker process serves the WSGI app from a pool of threads (build
jobs and chat listeners are threads of that process too); connections, keep-alive and the
queue of waiting requests stay in Rust, so a school's phones cost the Python threads
nothing until a request is whole. Streamed responses go out chunk by chunk, so the
projector's server-sent events reach the browser live.

Chosen over waitress, the pure-Python server used before, by `benchmarks/votes.py` (both run
there; figures in docs/voting.md): half the server CPU per vote, and beyond what the machine
can serve it keeps its pace where waitress's loop, polling every open connection on each
turn, fell to a few dozen votes per second.
"""

import ctypes
import resource
import signal
import socket
import sys
from collections.abc import Callable
from functools import partial

from flask import Flask
from granian.constants import Interfaces
from granian.log import LogLevels
from granian.server import Server

# A projector stream holds a thread for up to a minute; a class's phones poll in between.
# Below SQLAlchemy's default pool (5 + 10 overflow), so a request never waits for a connection.
THREADS = 12
# Every phone keeps a connection open (a few, for a page with pictures), and a school voting
# at once is hundreds: the open-file limit is raised to hold this many.
OPEN_CONNECTIONS = 1000
STOP_SECONDS = 10  # a stream still open then is cut; the browser reconnects by itself
PR_SET_PDEATHSIG = 1  # linux/prctl.h


class PortTaken(OSError):
    """Another program listens on the portal's port."""


def serve(host: str, port: int, worker_app: Callable[[], Flask]) -> None:
    """Serve until Ctrl+C or SIGTERM, on a port `check_port_free` found free. `worker_app`
    builds the app inside the worker process (a module-level function or a partial of one,
    as it may be pickled to get there)."""
    _room_for_connections()
    server = Server(
        "teacher_portal:create_app",  # only named; the app comes from `worker_app`
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        workers=1,
        blocking_threads=THREADS,
        log_level=LogLevels.warning,
        workers_kill_timeout=STOP_SECONDS,
    )
    server.serve(target_loader=partial(_load_in_worker, worker_app), wrap_loader=False)


def _load_in_worker(worker_app: Callable[[], Flask]) -> Flask:
    """The worker stops when `jagten up` stops, even one killed outright (on Linux; elsewhere
    Granian's own shutdown stops it), then builds its app."""
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    return worker_app()


def check_port_free(host: str, port: int) -> None:
    """Raise PortTaken before starting: Granian reports a taken port with a Rust backtrace."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise PortTaken(error.errno, error.strerror) from error


def _room_for_connections() -> None:
    """A login session often allows 1,024 open files: too few for OPEN_CONNECTIONS sockets
    plus the database and logs. Raise the soft limit as far as the hard one allows (the
    worker process inherits it)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = OPEN_CONNECTIONS + 256
    if soft != resource.RLIM_INFINITY and soft < wanted:
        ceiling = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, ceiling), hard))
