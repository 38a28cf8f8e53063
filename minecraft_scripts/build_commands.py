"""`jagten build`, `jagten preview` and `jagten clear`: estates into the game and into pictures.

Every mistake a teacher can make on the command line (an unknown estate, a bad `--at`, a
variant that does not exist, a server that does not answer) ends in one clear message and
exit code 2, never a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from minecraft_scripts.build import BuildReport, build_estate, clear_estate
from minecraft_scripts.connection import GameConnection, GameConnectionError
from minecraft_scripts.generate import choose_variants, generate
from minecraft_scripts.plan import plan_model
from minecraft_scripts.preview import render_preview
from worlds.catalog import load_estate
from worlds.datafile import DataFileError
from worlds.schema import Estate

DEFAULT_SERVER = "127.0.0.1:4711"


class UsageProblem(click.ClickException):
    """Bad input or an unreachable server: a message and exit code 2."""

    exit_code = 2


def _estate(world: str) -> Estate:
    try:
        return load_estate(world)
    except DataFileError as error:
        raise UsageProblem(f"Cannot load estate {world!r}:\n{error}") from None


def _position(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[int, int, int]:
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


def _checked_variants(estate: Estate, variants: dict[str, str]) -> dict[str, str]:
    try:
        return choose_variants(estate, variants)
    except ValueError as error:
        raise UsageProblem(str(error)) from None


@contextmanager
def _connection(address: str) -> Iterator[GameConnection]:
    try:
        with GameConnection.from_address(address) as conn:
            yield conn
    except ValueError as error:  # a malformed HOST:PORT
        raise UsageProblem(str(error)) from None
    except GameConnectionError as error:
        raise UsageProblem(str(error)) from None


@contextmanager
def _progress_bar(label: str, quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on a terminal's stderr, fed by the builder's `progress(done, total)`."""
    console = Console(stderr=True)
    if quiet or not console.is_terminal:
        yield None
        return
    columns = (*Progress.get_default_columns()[:1], BarColumn(), MofNCompleteColumn())
    with Progress(*columns, TimeElapsedColumn(), transient=True, console=console) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def _danish_number(value: float, decimals: int = 0) -> str:
    """1234567.8 → "1.234.567,8": how Danish pupils and teachers write numbers."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def _echo_report(report: BuildReport, as_json: bool, what: str) -> None:
    if as_json:
        click.echo(json.dumps(report.as_dict()))
        return
    if report.verified:
        check = " Alt stemmer."
    elif report.mismatches:
        check = f" {_danish_number(report.mismatches)} blokke afviger!"
    else:
        check = ""
    click.echo(
        f"{what}: {_danish_number(report.voxels)} blokke "
        f"({_danish_number(report.solid_voxels)} faste) med "
        f"{_danish_number(report.commands)} kommandoer på {_danish_number(report.seconds, 2)} s."
        f"{check}"
    )


server_option = click.option(
    "--server", default=DEFAULT_SERVER, show_default=True, help="Game server as HOST:PORT."
)
at_option = click.option(
    "--at", default="0,0,0", show_default=True, callback=_position,
    help="World position X,Y,Z of the estate's north-west ground corner.",
)  # fmt: skip
variant_option = click.option(
    "--variant", "variants", multiple=True, callback=_variants, metavar="SITE=OPTION",
    help="Build a site with another of its variants (repeatable).",
)  # fmt: skip


@click.command()
@click.argument("world")
@server_option
@at_option
@variant_option
@click.option("--verify/--no-verify", default=True, show_default=True, help="Read back and check.")
@click.option(
    "--diff", is_flag=True,
    help="Read what stands first and send only what differs (e.g. after a vote).",
)  # fmt: skip
@click.option("--dry-run", is_flag=True, help="Plan only; do not connect to a server.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def build(
    world: str,
    server: str,
    at: tuple[int, int, int],
    variants: dict[str, str],
    verify: bool,
    diff: bool,
    dry_run: bool,
    as_json: bool,
) -> None:
    """Build the estate WORLD (an estate id or a file) in a game server."""
    estate = _estate(world)
    chosen = _checked_variants(estate, variants)
    if dry_run:
        model = generate(estate, variants=chosen)
        first_pass = plan_model(model, include_air=not verify)
        report = BuildReport(int(model.grid.size), len(first_pass), 0.0, False, 0,
                             model.solid_voxels())  # fmt: skip
        if as_json:
            click.echo(json.dumps(report.as_dict()))
        else:
            click.echo(f"Plan for {estate.name.da}: {_danish_number(report.voxels)} blokke "
                       f"({_danish_number(report.solid_voxels)} faste) med "
                       f"{_danish_number(report.commands)} kommandoer.")  # fmt: skip
        return
    with _connection(server) as conn, _progress_bar("Bygger", as_json) as progress:
        report = build_estate(
            conn, estate, variants=chosen, at=at, verify=verify, diff=diff, progress=progress
        )
    _echo_report(report, as_json, f"Bygget {estate.name.da}")
    if verify and not report.verified:
        raise click.exceptions.Exit(1)


@click.command()
@click.argument("world")
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
    help="PNG file to write.",
)  # fmt: skip
@variant_option
@click.option("--map", "as_map", is_flag=True, help="A top-down map with a legend instead.")
@click.option("--language", type=click.Choice(["da", "en"]), default="da", show_default=True)
def preview(
    world: str, output: Path, variants: dict[str, str], as_map: bool, language: str
) -> None:
    """Draw the estate WORLD as an isometric picture or a map, without a game server."""
    estate = _estate(world)
    chosen = _checked_variants(estate, variants)
    picture = render_preview(estate, chosen, kind="map" if as_map else "isometric",
                             language=language)  # fmt: skip
    try:
        picture.save(output, format="PNG")
    except OSError as error:
        raise UsageProblem(f"Cannot write {output}: {error.strerror or error}") from None
    click.echo(f"Skrev {output} ({picture.width}×{picture.height}).")


@click.command()
@click.argument("world")
@server_option
@at_option
@click.option("--verify/--no-verify", default=True, show_default=True, help="Read back and check.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def clear(world: str, server: str, at: tuple[int, int, int], verify: bool, as_json: bool) -> None:
    """Return the ground under the estate WORLD to bare grass land."""
    estate = _estate(world)
    with _connection(server) as conn, _progress_bar("Rydder", as_json) as progress:
        report = clear_estate(conn, estate, at=at, verify=verify, progress=progress)
    _echo_report(report, as_json, f"Ryddet {estate.name.da}")
