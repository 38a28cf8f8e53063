"""The `jagten` command: one entry point composed from each part's own commands,
plus `jagten up`, which starts everything a class needs.

`jagten --lang en|da` chooses the language every command speaks (`worlds.language`);
without it `JAGTEN_LANG` decides, then Danish. Messages here go through `say`,
the toolkit's catalogue, not the portal's.
"""

import contextlib
import functools
from collections.abc import Iterator
from pathlib import Path

import click
from flask import Flask

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
from teacher_portal.background.queue import uses_postgres
from teacher_portal.counting.cli import tally
from worlds.command_errors import CommandError, speak_for_click
from worlds.language import LANGUAGE_VARIABLE, Language, language_kept, say, set_language

speak_for_click()


class Jagten(click.Group):
    """The `jagten` group: the language `--lang` chooses holds until click has shown the
    command's last line, so a usage mistake reads in it as the results do."""

    def main(self, *args, **kwargs):
        with language_kept():  # undone when the command ends
            return super().main(*args, **kwargs)


def _choose_language(_ctx: click.Context, _param: click.Parameter, lang: Language | None) -> None:
    if lang is not None:
        set_language(lang)


@click.group(cls=Jagten)
@click.option(
    "--lang",
    type=click.Choice(["da", "en"]),
    default=None,
    is_eager=True,  # chosen before click reads the rest, whose mistakes it then reports in
    expose_value=False,
    callback=_choose_language,
    help=f"Language of everything printed (default: ${LANGUAGE_VARIABLE}, else Danish).",
)
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
        click.echo(say("No Minetest: %(problem)s. The portal runs without a game server.",
                       problem=problem))  # fmt: skip
        yield
    elif port_in_use(port, host):
        click.echo(say("A game server already answers on %(host)s:%(port)s; the portal uses it.",
                       host=host, port=port))  # fmt: skip
        yield
    else:
        world = Path(app.instance_path) / "minetest-world"
        server = ManagedMinetest(world, game_port=app.config["MINETEST_JOIN_PORT"])
        try:
            server.start()
        except MinetestError as error:
            click.echo(say("Minetest could not start: %(error)s", error=str(error)))
            yield
            return
        click.echo(say("Minetest is running: pupils join on port %(port)s (mcpi on %(mcpi)s).",
                       port=server.game_port, mcpi=port))  # fmt: skip
        try:
            yield
        finally:
            server.stop()


@main.command()
@click.option("--host", default=None, help="Address to serve on  [default: 127.0.0.1]")
@click.option(
    "--school-network",
    is_flag=True,
    help="Serve on every network of this machine, so pupils' phones reach the portal "
    "(--host 0.0.0.0); prints the address to use.",
)
@click.option("--port", default=5000, show_default=True, help="Port of the portal.")
@click.option("--no-minetest", is_flag=True, help="Do not start the managed Minetest world.")
@process_options
def up(
    host: str | None,
    school_network: bool,
    port: int,
    no_minetest: bool,
    workers: int,
    job_workers: int,
    threads: int,
) -> None:
    """Start the teacher portal and, when installed, a Minetest world for the class."""
    from teacher_portal import create_app
    from teacher_portal.core import school_network as network
    from teacher_portal.core import serving
    from teacher_portal.core.database import upgrade_database

    app = create_app()
    upgrade_database(app)
    host = network.listen_host(host, school_network)
    address_lines = network.prepare(app, host, port)
    stop_on_terminate()
    with game_server_for(app, wanted=not no_minetest):
        if uses_postgres(app):
            for line in address_lines:
                click.echo(line)
        if serve_several(app, host, port, workers, job_workers, threads):
            return
        try:
            serving.check_port_free(host, port)
        except serving.PortTaken as error:
            message = say("Port %(port)s is taken (%(reason)s).", port=port,
                          reason=error.strerror)  # fmt: skip
            raise CommandError(message) from error
        for line in address_lines:
            click.echo(line)
        serving.serve(host, port, functools.partial(embedded_app, host, port))


def embedded_app(host: str, port: int) -> Flask:
    """The app that `jagten up`'s server process serves on SQLite: it knows where it is
    served, and the background sweep runs beside it in that process, as its jobs do."""
    from teacher_portal import create_app
    from teacher_portal.background import sweep
    from teacher_portal.core import school_network as network

    app = create_app()
    network.prepare(app, host, port)
    sweep.start_in_process(app)
    return app


if __name__ == "__main__":
    main()
