"""The command line of background work: `jagten worker`, and `jagten up`'s process options."""

import logging

import click

from teacher_portal.background import processes
from teacher_portal.background.queue import uses_postgres

DEFAULT_CONCURRENCY = 20  # builds take seconds; a chat listener holds a slot while it listens


@click.command()
@click.option(
    "--concurrency",
    default=DEFAULT_CONCURRENCY,
    show_default=True,
    help="Jobs and chat listeners this process runs at once.",
)
def worker(concurrency: int) -> None:
    """Run the portal's background work (builds, chat listeners) on PostgreSQL."""
    from teacher_portal import create_app
    from teacher_portal.background.worker import NotOnPostgres, run_worker

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    app = create_app()
    click.echo(f"Jobprocessen kører ({concurrency} ad gangen; stop med Ctrl+C).")
    try:
        run_worker(app, concurrency)
    except NotOnPostgres as error:
        raise click.ClickException(
            "jagten worker bruger PostgreSQL (DATABASE_URL). Med den indbyggede SQLite "
            "kører jagten up sine job selv."
        ) from error


def process_options(command: click.Command) -> click.Command:
    """`jagten up --workers N --job-workers M --threads T`."""
    options = [
        click.option("--workers", default=1, show_default=True,
                     help="Web processes (PostgreSQL only)."),
        click.option("--job-workers", default=1, show_default=True,
                     help="Processes that build and listen to chat (PostgreSQL only)."),
        click.option("--threads", default=processes.DEFAULT_THREADS, show_default=True,
                     help="Threads per web process (PostgreSQL only)."),
    ]  # fmt: skip
    for option in reversed(options):
        command = option(command)
    return command


def serve_several(app, host: str, port: int, workers: int, job_workers: int, threads: int) -> bool:
    """Serve as a municipality does when the database is PostgreSQL (True); False leaves the
    embedded one-process server (and its background sweep) to `jagten up`."""
    if uses_postgres(app):
        processes.serve_with_workers(host, port, workers, job_workers, threads, DEFAULT_CONCURRENCY)
        return True
    if workers > 1 or job_workers > 1:
        raise click.ClickException(
            "Flere processer kræver PostgreSQL (DATABASE_URL); den indbyggede SQLite kører "
            "som én proces."
        )
    return False
