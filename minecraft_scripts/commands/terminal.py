"""What the game commands share on the terminal: options, loading an estate, connecting,
a progress bar and the report, each failing with one clear message and exit code 2.

Teachers type these commands; a mistake must read as a sentence that says what to do,
never as a traceback, and in the language the command speaks (`worlds.language`). Names
from estate files reach the terminal through `_`, which shows them as one clean line.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from minecraft_scripts.estate_budget import budget_issues
from minecraft_scripts.generate import choose_variants, model_size
from minecraft_scripts.server.build import BuildReport
from minecraft_scripts.server.connection import GameConnection, GameConnectionError, parse_address
from minecraft_scripts.server.game_kinds import GAME_KINDS, MINETEST, placement_problem
from minecraft_scripts.server.ports import MCPI_PORT
from worlds.catalog import estate_path, load_estate
from worlds.command_errors import CommandError
from worlds.datafile import DataFileError, placed_problems
from worlds.language import _, number
from worlds.schema import Estate

DEFAULT_SERVER = f"127.0.0.1:{MCPI_PORT}"


class UsageProblem(CommandError):
    """Bad input or an unreachable server: a message and exit code 2."""

    exit_code = 2


def estate_or_exit(world: str) -> Estate:
    """The estate, checked as a file and against what the toolkit can build."""
    try:
        estate = load_estate(world)
        issues = budget_issues(estate)
        if issues:
            raise DataFileError(placed_problems(issues, estate_path(world)))
    except DataFileError as error:
        heading = _("Cannot load estate %(world)s:", world=repr(world))
        raise UsageProblem(f"{heading}\n{error}") from None
    return estate


def parse_position(
    _ctx: click.Context, _param: click.Parameter, value: str
) -> tuple[int, int, int]:
    parts = value.split(",")
    try:
        x, y, z = (int(part) for part in parts)
    except ValueError:
        message = _("'%(value)s' is not X,Y,Z with three whole numbers, e.g. 0,0,0", value=value)
        raise click.BadParameter(message) from None
    return x, y, z


def _variants(
    _ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]
) -> dict[str, str]:
    chosen = {}
    for value in values:
        site, sep, option = value.partition("=")
        if not sep or not site or not option:
            message = _("'%(value)s' is not SITE=OPTION, e.g. legepladsen=natur", value=value)
            raise click.BadParameter(message)
        chosen[site.strip()] = option.strip()
    return chosen


def checked_variants(estate: Estate, variants: dict[str, str]) -> dict[str, str]:
    try:
        return choose_variants(estate, variants)
    except ValueError as error:
        raise UsageProblem(str(error)) from None


def checked_placement(
    estate: Estate, at: tuple[int, int, int], game: str, height: int | None = None
) -> None:
    """Refuse, before connecting, an estate that would reach outside the game's world."""
    nx, ny, nz = model_size(estate)
    problem = placement_problem(game, at, (nx, max(ny, height or 0), nz))
    if problem:
        raise UsageProblem(problem)


@contextmanager
def connection_or_exit(address: str) -> Iterator[GameConnection]:
    try:
        host, port = parse_address(address)
    except ValueError as error:  # a malformed HOST:PORT
        raise UsageProblem(str(error)) from None
    try:
        with GameConnection(host, port) as conn:
            yield conn
    except GameConnectionError as error:
        raise UsageProblem(str(error)) from None


@contextmanager
def progress_bar(label: str, quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on a terminal's stderr, fed by the builder's `progress(done, total)`."""
    console = Console(stderr=True)
    if quiet or not console.is_terminal:
        yield None
        return
    columns = (*Progress.get_default_columns()[:1], BarColumn(), MofNCompleteColumn())
    with Progress(*columns, TimeElapsedColumn(), transient=True, console=console) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def echo_report(report: BuildReport, as_json: bool, what: str) -> None:
    if as_json:
        click.echo(json.dumps(report.as_dict()))
        return
    if report.verified:
        check = " " + _("Everything matches.")
    elif report.mismatches:
        check = " " + _("%(count)s blocks differ!", count=number(report.mismatches))
    else:
        check = ""
    summary = _(
        "%(what)s: %(voxels)s blocks (%(solid)s solid) with %(commands)s commands "
        "in %(seconds)s s.",
        what=what,
        voxels=number(report.voxels),
        solid=number(report.solid_voxels),
        commands=number(report.commands),
        seconds=number(report.seconds, 2),
    )
    click.echo(summary + check)


server_option = click.option(
    "--server", default=DEFAULT_SERVER, show_default=True, help="Game server as HOST:PORT."
)
game_option = click.option(
    "--game", type=click.Choice(list(GAME_KINDS)), default=MINETEST.name, show_default=True,
    envvar="JAGTEN_GAME", show_envvar=True,
    help="The kind of game server, whose world limits a build must keep within.",
)  # fmt: skip
at_option = click.option(
    "--at", default="0,0,0", show_default=True, callback=parse_position,
    help="World position X,Y,Z of the estate's north-west ground corner.",
)  # fmt: skip
variant_option = click.option(
    "--variant", "variants", multiple=True, callback=_variants, metavar="SITE=OPTION",
    help="Build a site with another of its variants (repeatable).",
)  # fmt: skip
