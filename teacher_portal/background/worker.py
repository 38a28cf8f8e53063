"""`jagten worker`: a process that runs the portal's background work on PostgreSQL.

It runs procrastinate's worker (jobs arrive by LISTEN/NOTIFY, are taken with
`FOR UPDATE SKIP LOCKED`, and the worker sends a heartbeat), and beside it a sweep every
`JOB_SWEEP_SECONDS`:
- jobs left `doing` by a worker whose heartbeat stopped (it was killed, its machine died) are
  queued again for any worker, or, for work that restarts itself (chat listeners), closed;
- the features' checks run (`sweep.every_sweep`).
Work functions are synchronous and run in a pool of `concurrency` threads. SIGTERM or
Ctrl+C stops taking jobs, tells long-running work to end (`sweep.stopping`), and waits for
the running jobs.
"""

import asyncio
import logging
import signal
from concurrent.futures import ThreadPoolExecutor

import procrastinate
from flask import Flask
from procrastinate.exceptions import ProcrastinateException
from procrastinate.jobs import Status

from teacher_portal.background import sweep
from teacher_portal.background.locks import holder_name
from teacher_portal.background.procrastinate_queue import ProcrastinateQueue
from teacher_portal.background.queue import backend, registered

log = logging.getLogger(__name__)


class NotOnPostgres(RuntimeError):
    """The embedded default runs its work in the portal process; there is nothing to do."""


def run_worker(app: Flask, concurrency: int) -> None:
    queue_backend = backend(app)
    if not isinstance(queue_backend, ProcrastinateQueue):
        raise NotOnPostgres
    asyncio.run(_serve(app, queue_backend.queue, concurrency))


async def _serve(app: Flask, queue: procrastinate.App, concurrency: int) -> None:
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(concurrency + 2, thread_name_prefix="job"))
    config = app.config
    async with queue.open_async():
        worker = asyncio.create_task(
            queue.run_worker_async(
                concurrency=concurrency,
                name=holder_name(),
                install_signal_handlers=False,
                update_heartbeat_interval=config["JOB_HEARTBEAT_SECONDS"],
                stalled_worker_timeout=config["JOB_STALLED_SECONDS"],
                delete_jobs="successful",
            )
        )
        sweeper = asyncio.create_task(_sweep_forever(app, queue))

        def stop() -> None:
            sweep.stopping.set()
            worker.cancel()

        for signal_number in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signal_number, stop)
        try:
            await worker
        except asyncio.CancelledError:
            pass
        finally:
            sweeper.cancel()


async def _sweep_forever(app: Flask, queue: procrastinate.App) -> None:
    while True:
        try:
            await _requeue_lost_jobs(queue, app.config["JOB_STALLED_SECONDS"])
            await asyncio.to_thread(sweep.sweep_once, app)
        except Exception:  # the database may be restarting: try again next round
            log.exception("sweep failed")
        await asyncio.sleep(app.config["JOB_SWEEP_SECONDS"])


async def _requeue_lost_jobs(queue: procrastinate.App, stalled_seconds: float) -> None:
    """Jobs of workers that stopped sending heartbeats: run them again, or close them."""
    manager = queue.job_manager
    tasks = registered()
    for job in await manager.get_stalled_jobs(seconds_since_heartbeat=stalled_seconds):
        work = tasks.get(job.task_name)
        try:
            if work is not None and work.retry_when_lost:
                log.warning("job %s (%s) lost its worker: queued again", job.id, job.task_name)
                await manager.retry_job(job)
            else:
                await manager.finish_job(job, Status.FAILED, delete_job=True)
        except ProcrastinateException:  # another worker's sweep got there first
            log.info("job %s was already taken care of", job.id)
