"""`jagten estates`: work on estate files themselves – check one, or import a neighbourhood
from OpenStreetMap data to start a new one."""

from __future__ import annotations

import click

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
