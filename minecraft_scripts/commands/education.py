"""`jagten education`: build an estate in Minecraft Education over its live link.

The command listens, tells the teacher what to type in the game (`/connect HOST:PORT`),
waits for the game, builds with a progress bar and reports. Nothing is read back over this
link, so the report counts commands, not checked blocks.
"""

from __future__ import annotations

import socket

import click

from minecraft_scripts.commands.terminal import (
    UsageProblem,
    checked_variants,
    estate_or_exit,
    parse_position,
    progress_bar,
    variant_option,
)
from minecraft_scripts.server.connection import GameConnectionError
from minecraft_scripts.server.education_build import build_in_education
from minecraft_scripts.server.education_server import EducationServer
from minecraft_scripts.server.ports import EDUCATION_PORT
from worlds.language import _, current_language, number

FLAT_WORLD_GROUND = "0,-61,0"
"""In a flat world of Minecraft 1.18 and later the grass lies at y = -61."""


def _this_machine() -> str:
    """An address of this machine that others may reach, from its host name; else a hint."""
    try:
        found = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        found = []
    addresses = [entry[4][0] for entry in found if not entry[4][0].startswith("127.")]
    return addresses[0] if addresses else _("<this machine's IP address>")


@click.command()
@click.argument("world")
@click.option("--port", default=EDUCATION_PORT, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--host", default="0.0.0.0", show_default=True,
    help="Address to listen on (127.0.0.1 when the game runs on this machine).",
)  # fmt: skip
@click.option(
    "--at", default=FLAT_WORLD_GROUND, show_default=True, callback=parse_position,
    help="Game position X,Y,Z of the estate's north-west ground corner.",
)  # fmt: skip
@variant_option
@click.option("--wait", default=600, show_default=True, help="Seconds to wait for the game.")
def education(
    world: str, port: int, host: str, at: tuple[int, int, int], variants: dict[str, str],
    wait: int,
) -> None:  # fmt: skip
    """Build the estate WORLD in Minecraft Education, which connects with /connect."""
    estate = estate_or_exit(world)
    chosen = checked_variants(estate, variants)
    name = estate.name.get(current_language())
    try:
        with EducationServer(host, port) as server:
            shown = _this_machine() if host == "0.0.0.0" else host
            address = f"{shown}:{server.port}"
            click.echo(_("Type in Minecraft Education's chat: /connect %(address)s",
                         address=address))  # fmt: skip
            conn = server.wait_for_game(timeout=wait)
            click.echo(_("Connected to %(address)s. Building %(name)s …", address=conn.address,
                         name=name))  # fmt: skip
            with conn, progress_bar(_("Building"), False) as progress:
                report = build_in_education(conn, estate, at=at, variants=chosen, progress=progress)
    except GameConnectionError as error:
        raise UsageProblem(str(error)) from None
    click.echo(
        _(
            "Built %(name)s in Minecraft Education: %(voxels)s blocks with %(commands)s "
            "commands in %(seconds)s s. (Signs stand without text: the game does not let a "
            "connection write on signs.)",
            name=name,
            voxels=number(report.voxels),
            commands=number(report.commands),
            seconds=number(report.seconds, 2),
        )
    )
