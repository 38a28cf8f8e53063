"""`jagten plots`: list an estate's plots, picture what a group built, copy the winner to a site.

Like `jagten build`, every mistake (an unknown estate, plot or site, a build too large for
the site, a server that does not answer) ends in one clear message and exit code 2.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from minecraft_scripts.commands.terminal import (
    UsageProblem,
    at_option,
    connection_or_exit,
    echo_report,
    estate_or_exit,
    progress_bar,
    server_option,
)
from minecraft_scripts.plots import (
    ANCHORS,
    PLOT_HEIGHT,
    Anchor,
    PlotProblem,
    capture_plot,
    copy_plot_to_site,
    find_plot,
    render_captured,
    site_region,
)
from worlds.schema import Estate, Plot, Site


@click.group()
def plots() -> None:
    """The pupil groups' plots: list them, picture a proposal, copy the winner to a site."""


def _plot(estate: Estate, plot_id: str) -> Plot:
    try:
        return find_plot(estate, plot_id)
    except PlotProblem as error:
        raise UsageProblem(str(error)) from None


def _check_site(estate: Estate, site_id: str) -> None:
    try:
        site_region(estate, site_id)
    except PlotProblem as error:
        raise UsageProblem(str(error)) from None


def _area_entry(area: Plot | Site) -> dict[str, str | int]:
    rect = area.footprint()
    return {"id": area.id, "name": area.name.da, "x": rect.x1, "z": rect.z1,
            "width": rect.width, "depth": rect.depth}  # fmt: skip


def _area_line(entry: dict[str, str | int]) -> str:
    return (
        f"  {entry['id']:<18} {entry['name']:<26} x {entry['x']}, z {entry['z']}, "
        f"{entry['width']}×{entry['depth']} blokke"
    )


@plots.command(name="list")
@click.argument("world")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def list_plots(world: str, as_json: bool) -> None:
    """List plots and sites of the estate WORLD.

    Plots are where groups build; a winning proposal can be copied to a site.
    """
    estate = estate_or_exit(world)
    plot_entries = [_area_entry(plot) for plot in estate.plots]
    site_entries = [_area_entry(site) for site in estate.sites]
    if as_json:
        click.echo(json.dumps({"estate": estate.id, "plots": plot_entries,
                               "sites": site_entries}, ensure_ascii=False))  # fmt: skip
        return
    if not plot_entries:
        click.echo(f"{estate.name.da} har ingen byggefelter.")
    else:
        click.echo(f"Byggefelter i {estate.name.da}:")
        click.echo("\n".join(_area_line(entry) for entry in plot_entries))
    if site_entries:
        click.echo("Pladser, som et vinderforslag kan kopieres til:")
        click.echo("\n".join(_area_line(entry) for entry in site_entries))


@plots.command()
@click.argument("world")
@click.argument("plot_id", metavar="PLOT")
@server_option
@at_option
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
    help="PNG file to write.",
)  # fmt: skip
@click.option("--height", default=PLOT_HEIGHT, show_default=True, type=click.IntRange(1, 256),
              help="Blocks above the ground to read.")  # fmt: skip
def capture(
    world: str, plot_id: str, server: str, at: tuple[int, int, int], output: Path, height: int
) -> None:
    """Picture what a group built in PLOT.

    Reads the plot of the estate WORLD, built at --at, and draws it as an isometric PNG.
    """
    estate = estate_or_exit(world)
    plot = _plot(estate, plot_id)
    with connection_or_exit(server) as conn:
        captured = capture_plot(conn, estate, plot_id, at, height)
    picture = render_captured(captured)
    try:
        picture.save(output, format="PNG")
    except OSError as error:
        raise UsageProblem(f"Cannot write {output}: {error.strerror or error}") from None
    if captured.block_count() == 0:
        built = f"{plot.name.da} har ikke bygget noget endnu"
    else:
        nx, ny, nz = captured.trimmed().size
        built = f"{plot.name.da} har bygget {captured.block_count()} blokke ({nx}×{ny}×{nz})"
    click.echo(f"Skrev {output}: {built}.")


@plots.command()
@click.argument("world")
@click.argument("plot_id", metavar="PLOT")
@click.option("--to", "site_id", required=True, metavar="SITE", help="The site to build it in.")
@click.option(
    "--anchor", type=click.Choice(ANCHORS), default="centre", show_default=True,
    help="Centre the build on the site, or put it at the site's north-west corner.",
)  # fmt: skip
@server_option
@at_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def copy(
    world: str,
    plot_id: str,
    site_id: str,
    anchor: Anchor,
    server: str,
    at: tuple[int, int, int],
    as_json: bool,
) -> None:
    """Copy the build in PLOT into the site SITE.

    This builds a vote's winning proposal, verified block for block.
    """
    estate = estate_or_exit(world)
    plot = _plot(estate, plot_id)
    _check_site(estate, site_id)
    with connection_or_exit(server) as conn, progress_bar("Kopierer", as_json) as progress:
        try:
            report = copy_plot_to_site(conn, estate, plot_id, site_id, at, anchor, progress)
        except PlotProblem as error:
            raise UsageProblem(str(error)) from None
    site_name = estate.site(site_id).name.da
    echo_report(report, as_json, f"Kopierede {plot.name.da} til {site_name}")
    if not report.verified:
        raise click.exceptions.Exit(1)
