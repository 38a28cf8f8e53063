"""`jagten export`: the estate as a file for Minecraft Education, Bedrock, Java or Luanti.

Teachers whose school has another game than the managed Minetest take the estate along:
one command, one file, a clear message for every mistake (exit code 2).
"""

from __future__ import annotations

from pathlib import Path

import click

from minecraft_scripts.commands.terminal import (
    UsageProblem,
    checked_variants,
    estate_or_exit,
    variant_option,
)
from minecraft_scripts.exports import ExportFormat, export_estate, file_name
from worlds.language import N_, _, number

HOW_TO_OPEN = {
    ExportFormat.MCWORLD: N_("Double-click the file: Minecraft Education imports the world."),
    ExportFormat.MCSTRUCTURE: N_(
        "Put the file in a behaviour pack's structures folder and type /structure load."
    ),
    ExportFormat.SCHEM: N_("Put the file in WorldEdit's schematics folder and type //schem load."),
    ExportFormat.WE: N_("Put the file in the world's schems folder and type //load with its name."),
}


@click.command()
@click.argument("world")
@click.option(
    "--format", "fmt", required=True, type=click.Choice([f.value for f in ExportFormat]),
    help="mcworld (Minecraft Education/Bedrock world), mcstructure (Bedrock structure), "
    "schem (Java WorldEdit), we (Luanti WorldEdit).",
)  # fmt: skip
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (default: the estate's id and the format's suffix).",
)  # fmt: skip
@variant_option
def export(world: str, fmt: str, output: Path | None, variants: dict[str, str]) -> None:
    """Write the estate WORLD as a file another game opens."""
    estate = estate_or_exit(world)
    chosen = checked_variants(estate, variants)
    kind = ExportFormat(fmt)
    target = output or Path(file_name(estate, kind))
    data = export_estate(estate, kind, variants=chosen)
    try:
        target.write_bytes(data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise UsageProblem(_("Cannot write %(file)s: %(reason)s", file=str(target),
                             reason=reason)) from None  # fmt: skip
    written = _("Wrote %(file)s (%(size)s KB).", file=str(target),
                size=number(len(data) // 1024 or 1))  # fmt: skip
    click.echo(f"{written} {_(HOW_TO_OPEN[kind])}")
