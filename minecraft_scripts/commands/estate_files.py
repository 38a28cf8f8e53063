"""`jagten estates`: work on estate files themselves – check one, or import a neighbourhood
from OpenStreetMap data to start a new one."""

from __future__ import annotations

from pathlib import Path

import click

from minecraft_scripts.commands.terminal import UsageProblem
from minecraft_scripts.osm import BoundingBox, import_estate
from worlds.catalog import estate_warnings
from worlds.datafile import DataFileError


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
        click.echo(f"{world}: i orden ({len(warnings)} advarsler).")
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
        raise UsageProblem(f"The imported estate does not load:\n{error}") from None
    except RuntimeError as error:  # pyosmium: a file it cannot read
        raise UsageProblem(f"Cannot read {extract} as OpenStreetMap data: {error}") from None
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageProblem(f"Cannot write {output}: {error.strerror or error}") from None
    features = text.count("\n  - ")
    click.echo(f"Skrev {output}: {features} ting fra kortet. Tilføj afstemningsfelter og "
               "byggefelter, og prøv: jagten preview {output} -o kort.png --map".replace(
                   "{output}", str(output)))  # fmt: skip
