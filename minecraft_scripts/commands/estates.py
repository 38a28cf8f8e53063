"""`jagten build`, `jagten preview` and `jagten clear`: estates into the game and into pictures.

Every mistake a teacher can make on the command line (an unknown estate, a bad `--at`, a
variant that does not exist, a server that does not answer) ends in one clear message and
exit code 2, never a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from minecraft_scripts.commands.terminal import (
    UsageProblem,
    at_option,
    checked_placement,
    checked_variants,
    connection_or_exit,
    echo_report,
    estate_or_exit,
    game_option,
    progress_bar,
    server_option,
    variant_option,
)
from minecraft_scripts.generate import generate
from minecraft_scripts.plan import plan_model
from minecraft_scripts.preview import render_preview
from minecraft_scripts.server.build import BuildReport, build_estate, clear_estate
from worlds.language import Language, _, current_language, number


@click.command()
@click.argument("world")
@server_option
@game_option
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
    game: str,
    at: tuple[int, int, int],
    variants: dict[str, str],
    verify: bool,
    diff: bool,
    dry_run: bool,
    as_json: bool,
) -> None:
    """Build the estate WORLD (an estate id or a file) in a game server."""
    estate = estate_or_exit(world)
    chosen = checked_variants(estate, variants)
    checked_placement(estate, at, game)
    name = estate.name.get(current_language())
    if dry_run:
        model = generate(estate, variants=chosen)
        first_pass = plan_model(model, include_air=not verify)
        report = BuildReport(int(model.grid.size), len(first_pass), 0.0, False, 0,
                             model.solid_voxels())  # fmt: skip
        if as_json:
            click.echo(json.dumps(report.as_dict()))
        else:
            click.echo(_("Plan for %(name)s: %(voxels)s blocks (%(solid)s solid) with "
                         "%(commands)s commands.", name=name, voxels=number(report.voxels),
                         solid=number(report.solid_voxels),
                         commands=number(report.commands)))  # fmt: skip
        return
    with connection_or_exit(server) as conn, progress_bar(_("Building"), as_json) as progress:
        report = build_estate(
            conn, estate, variants=chosen, at=at, verify=verify, diff=diff, progress=progress
        )
    echo_report(report, as_json, _("Built %(name)s", name=name))
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
@click.option(
    "--language", type=click.Choice(["da", "en"]), default=None,
    help="Language of the map's names and legend (default: the language of the command).",
)  # fmt: skip
def preview(
    world: str, output: Path, variants: dict[str, str], as_map: bool, language: Language | None
) -> None:
    """Draw the estate WORLD as an isometric picture or a map, without a game server."""
    estate = estate_or_exit(world)
    chosen = checked_variants(estate, variants)
    picture = render_preview(estate, chosen, kind="map" if as_map else "isometric",
                             language=language or current_language())  # fmt: skip
    try:
        picture.save(output, format="PNG")
    except OSError as error:
        reason = error.strerror or str(error)
        raise UsageProblem(_("Cannot write %(file)s: %(reason)s", file=str(output),
                             reason=reason)) from None  # fmt: skip
    click.echo(_("Wrote %(file)s (%(width)s×%(height)s).", file=str(output),
                 width=picture.width, height=picture.height))  # fmt: skip


@click.command()
@click.argument("world")
@server_option
@game_option
@at_option
@click.option("--verify/--no-verify", default=True, show_default=True, help="Read back and check.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def clear(
    world: str, server: str, game: str, at: tuple[int, int, int], verify: bool, as_json: bool
) -> None:
    """Return the ground under the estate WORLD to bare grass land."""
    estate = estate_or_exit(world)
    checked_placement(estate, at, game)
    name = estate.name.get(current_language())
    with connection_or_exit(server) as conn, progress_bar(_("Clearing"), as_json) as progress:
        report = clear_estate(conn, estate, at=at, verify=verify, progress=progress)
    echo_report(report, as_json, _("Cleared %(name)s", name=name))
