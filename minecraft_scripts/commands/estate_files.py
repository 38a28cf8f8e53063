"""`jagten estates`: work on estate files themselves – check one, or import a neighbourhood
from OpenStreetMap data to start a new one."""

from __future__ import annotations

from pathlib import Path

import click

from minecraft_scripts.commands.terminal import UsageProblem
from minecraft_scripts.osm import BoundingBox, import_estate
from worlds.catalog import estate_warnings
from worlds.datafile import DataFileError
from worlds.language import _, ngettext


@click.group(name="estates")
def estates_group() -> None:
    """Check estate files, or import one from OpenStreetMap data."""


@estates_group.command()
@click.argument("worlds", nargs=-1, required=True)
def check(worlds: tuple[str, ...]) -> None:
    """Check estate files (ids or paths): problems, then warnings, each at its line."""
    failed = False
    for world in worlds:
        try:
            warnings = estate_warnings(world)
        except DataFileError as error:
            click.echo(str(error), err=True)
            failed = True
            continue
        for warning in warnings:
            click.echo(str(warning))
        fine = ngettext(
            "%(world)s: fine (%(num)s warning).",
            "%(world)s: fine (%(num)s warnings).",
            len(warnings),
            world=world,
        )
        click.echo(fine)
    if failed:
        raise click.exceptions.Exit(2)


def _box(_ctx: click.Context, _param: click.Parameter, value: str) -> BoundingBox:
    try:
        return BoundingBox.parse(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@estates_group.command(name="import-osm")
@click.argument("extract", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--bbox", required=True, callback=_box, metavar="W,S,E,N",
              help="The area in degrees: west, south, east, north.")  # fmt: skip
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Estate YAML file to write.")  # fmt: skip
@click.option("--id", "estate_id", default="vores_kvarter", show_default=True,
              help="The estate's id (lower case, digits, _).")  # fmt: skip
@click.option("--name", default="Vores kvarter", show_default=True, help="The estate's name.")
def import_osm(extract: Path, bbox: BoundingBox, output: Path, estate_id: str, name: str) -> None:
    """Make an estate file from an OpenStreetMap EXTRACT (.osm or .osm.pbf) for a box."""
    try:
        text = import_estate(extract, bbox, estate_id, name)
    except DataFileError as error:
        raise UsageProblem(_("The imported estate does not load:") + f"\n{error}") from None
    except RuntimeError as error:  # pyosmium: a file it cannot read
        message = _("Cannot read %(file)s as OpenStreetMap data: %(reason)s", file=str(extract),
                    reason=str(error))  # fmt: skip
        raise UsageProblem(message) from None
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        reason = error.strerror or str(error)
        raise UsageProblem(_("Cannot write %(file)s: %(reason)s", file=str(output),
                             reason=reason)) from None  # fmt: skip
    features = text.count("\n  - ")
    click.echo(ngettext(
        "Wrote %(file)s: %(num)s thing from the map. Add sites to vote on and plots, and try: "
        "jagten preview %(file)s -o map.png --map",
        "Wrote %(file)s: %(num)s things from the map. Add sites to vote on and plots, and try: "
        "jagten preview %(file)s -o map.png --map",
        features, file=str(output),
    ))  # fmt: skip
