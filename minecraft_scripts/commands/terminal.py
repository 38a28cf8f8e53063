"""What the game commands share on the terminal: options, loading an estate, connecting,
a progress bar and the report, each failing with one clear message and exit code 2.

Teachers type these commands; a mistake must read as a sentence that says what to do,
never as a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from minecraft_scripts.generate import choose_variants
from minecraft_scripts.server.build import BuildReport
from minecraft_scripts.server.connection import GameConnection, GameConnectionError
from minecraft_scripts.server.ports import MCPI_PORT
from worlds.catalog import load_estate
from worlds.datafile import DataFileError
from worlds.schema import Estate

DEFAULT_SERVER = f"127.0.0.1:{MCPI_PORT}"


class UsageProblem(click.ClickException):
    """Bad input or an unreachable server: a message and exit code 2."""

    exit_code = 2


def estate_or_exit(world: str) -> Estate:
    try:
        return load_estate(world)
    except DataFileError as error:
        raise UsageProblem(f"Cannot load estate {world!r}:\n{error}") from None


def parse_position(
    _ctx: click.Context, _param: click.Parameter, value: str
) -> tuple[int, int, int]:
    parts = value.split(",")
    try:
        x, y, z = (int(part) for part in parts)
    except ValueError:
        message = f"'{value}' is not X,Y,Z with three whole numbers, e.g. 0,0,0"
        raise click.BadParameter(message) from None
    return x, y, z


def _variants(
    _ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]
) -> dict[str, str]:
    chosen = {}
    for value in values:
        site, sep, option = value.partition("=")
        if not sep or not site or not option:
            raise click.BadParameter(f"'{value}' is not SITE=OPTION, e.g. legepladsen=natur")
        chosen[site.strip()] = option.strip()
    return chosen


def checked_variants(estate: Estate, variants: dict[str, str]) -> dict[str, str]:
    try:
        return choose_variants(estate, variants)
    except ValueError as error:
        raise UsageProblem(str(error)) from None


@contextmanager
def connection_or_exit(address: str) -> Iterator[GameConnection]:
    try:
        with GameConnection.from_address(address) as conn:
            yield conn
    except ValueError as error:  # a malformed HOST:PORT
        raise UsageProblem(str(error)) from None
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


def danish_number(value: float, decimals: int = 0) -> str:
    """1234567.8 → "1.234.567,8": how Danish pupils and teachers write numbers."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def echo_report(report: BuildReport, as_json: bool, what: str) -> None:
    if as_json:
        click.echo(json.dumps(report.as_dict()))
        return
    if report.verified:
        check = " Alt stemmer."
    elif report.mismatches:
        check = f" {danish_number(report.mismatches)} blokke afviger!"
    else:
        check = ""
    click.echo(
        f"{what}: {danish_number(report.voxels)} blokke "
        f"({danish_number(report.solid_voxels)} faste) med "
        f"{danish_number(report.commands)} kommandoer på {danish_number(report.seconds, 2)} s."
        f"{check}"
    )


server_option = click.option(
    "--server", default=DEFAULT_SERVER, show_default=True, help="Game server as HOST:PORT."
)
at_option = click.option(
    "--at", default="0,0,0", show_default=True, callback=parse_position,
    help="World position X,Y,Z of the estate's north-west ground corner.",
)  # fmt: skip
variant_option = click.option(
    "--variant", "variants", multiple=True, callback=_variants, metavar="SITE=OPTION",
    help="Build a site with another of its variants (repeatable).",
)  # fmt: skip
