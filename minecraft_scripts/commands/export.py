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

HOW_TO_OPEN = {
    ExportFormat.MCWORLD: "Dobbeltklik filen: Minecraft Education importerer verdenen.",
    ExportFormat.MCSTRUCTURE: "Læg filen i en adfærdspakkes structures-mappe og skriv "
    "/structure load.",
    ExportFormat.SCHEM: "Læg filen i WorldEdits schematics-mappe og skriv //schem load.",
    ExportFormat.WE: "Læg filen i verdenens schems-mappe og skriv //load med navnet.",
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
        raise UsageProblem(f"Cannot write {target}: {error.strerror or error}") from None
    click.echo(f"Skrev {target} ({len(data) // 1024 or 1} KB). {HOW_TO_OPEN[kind]}")
