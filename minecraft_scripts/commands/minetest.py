"""`jagten minetest`: run a managed Minetest world for a class until Ctrl+C."""

import signal
import time
from pathlib import Path

import click

from minecraft_scripts.server.managed_minetest import ManagedMinetest, MinetestError
from minecraft_scripts.server.ports import MINETEST_PORT
from worlds.command_errors import CommandError
from worlds.language import _

DEFAULT_WORLD = Path("instance") / "minetest-world"


def stop_on_terminate() -> None:
    """Let `kill` (and a service manager) stop us as cleanly as Ctrl+C does, so the
    managed Minetest is stopped and its world saved. Ctrl+C works even when a shell
    started us in the background, which would otherwise leave SIGINT ignored."""
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, signal.default_int_handler)


def _interrupt(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt


@click.command()
@click.option(
    "--world",
    "world_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_WORLD,
    show_default=True,
    help="Folder of the Minetest world (created if missing).",
)
@click.option(
    "--game-port", default=MINETEST_PORT, show_default=True, help="UDP port players join on."
)
def minetest(world_dir: Path, game_port: int) -> None:
    """Run a managed Minetest world for a class until Ctrl+C."""
    server = ManagedMinetest(world_dir.resolve(), game_port=game_port)
    try:
        server.start()
    except MinetestError as error:
        raise CommandError(str(error)) from error
    click.echo(_("Minetest is running: players join on port %(port)s.", port=game_port))
    click.echo(_("The toolkit builds through mcpi on %(address)s.", address=server.address))
    click.echo(_("Stop with Ctrl+C."))
    stop_on_terminate()
    try:
        while server.running:
            time.sleep(0.5)
        raise CommandError(_("Minetest stopped. Its log ends:") + "\n" + server.log_tail())
    except KeyboardInterrupt:
        click.echo(_("Stopping Minetest …"))
    finally:
        server.stop()
