"""The `jagten` command: one entry point composed from each part's own commands,
plus `jagten up`, which starts everything a class needs."""

import contextlib
from collections.abc import Iterator
from pathlib import Path

import click
from flask import Flask
from werkzeug.serving import make_server

from lessons.cli import lessons
from minecraft_scripts.commands import commands as game_commands
from minecraft_scripts.commands.minetest import stop_on_terminate
from minecraft_scripts.preview import preview_png
from minecraft_scripts.server.managed_minetest import (
    ManagedMinetest,
    MinetestError,
    missing_requirement,
    port_in_use,
)
from teacher_portal.background.commands import process_options, serve_several, worker
from teacher_portal.counting.cli import tally


@click.group()
@click.pass_context
def main(context: click.Context) -> None:
    """Jagten på fællesskabet – resident democracy and architecture in Minecraft."""
    context.obj = {"estate_picture": preview_png}  # lessons draw estates through this


for command in (*game_commands, lessons, tally, worker):
    main.add_command(command)


@contextlib.contextmanager
def game_server_for(app: Flask, wanted: bool) -> Iterator[None]:
    """Run the managed Minetest world beside the portal when it can; say why when not."""
    host, port = app.config["GAME_HOST"], app.config["GAME_PORT"]
    problem = missing_requirement()
    if not wanted or app.config["GAME_KIND"] != "minetest":
        yield
    elif problem:
        click.echo(f"Ingen Minetest: {problem}. Portalen kører uden spilserver.")
        yield
    elif port_in_use(port, host):
        click.echo(f"En spilserver svarer allerede på {host}:{port}; portalen bruger den.")
        yield
    else:
        world = Path(app.instance_path) / "minetest-world"
        server = ManagedMinetest(world, game_port=app.config["MINETEST_JOIN_PORT"])
        try:
            server.start()
        except MinetestError as error:
            click.echo(f"Minetest kunne ikke starte: {error}")
            yield
            return
        click.echo(
            f"Minetest kører: elever tilslutter sig på port {server.game_port} (mcpi på {port})."
        )
        try:
            yield
        finally:
            server.stop()


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to serve on.")
@click.option("--port", default=5000, show_default=True, help="Port of the portal.")
@click.option("--no-minetest", is_flag=True, help="Do not start the managed Minetest world.")
@process_options
def up(
    host: str, port: int, no_minetest: bool, workers: int, job_workers: int, threads: int
) -> None:
    """Start the teacher portal and, when installed, a Minetest world for the class."""
    from teacher_portal import create_app
    from teacher_portal.core.database import upgrade_database

    app = create_app()
    upgrade_database(app)
    stop_on_terminate()
    with game_server_for(app, wanted=not no_minetest):
        if serve_several(app, host, port, workers, job_workers, threads):
            return
        try:
            server = make_server(host, port, app, threaded=True)
        except OSError as error:
            raise click.ClickException(f"Port {port} er optaget ({error.strerror}).") from error
        click.echo(f"Lærerportalen: http://{host}:{port}/  (stop med Ctrl+C)")
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()


if __name__ == "__main__":
    main()
