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
    checked_placement,
    connection_or_exit,
    echo_report,
    estate_or_exit,
    game_option,
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
from worlds.language import _, current_language
from worlds.schema import Estate, Plot, Site
from worlds.text_safety import one_line


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
    return {"id": area.id, "name": area.name.get(current_language()), "x": rect.x1,
            "z": rect.z1, "width": rect.width, "depth": rect.depth}  # fmt: skip


def _area_line(entry: dict[str, str | int]) -> str:
    size = _("%(width)s×%(depth)s blocks", width=entry["width"], depth=entry["depth"])
    return (
        f"  {entry['id']:<18} {one_line(entry['name']):<26} x {entry['x']}, z {entry['z']}, {size}"
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
    name = estate.name.get(current_language())
    if not plot_entries:
        click.echo(_("%(name)s has no plots.", name=name))
    else:
        click.echo(_("Plots in %(name)s:", name=name))
        click.echo("\n".join(_area_line(entry) for entry in plot_entries))
    if site_entries:
        click.echo(_("Sites a winning proposal can be copied to:"))
        click.echo("\n".join(_area_line(entry) for entry in site_entries))


@plots.command()
@click.argument("world")
@click.argument("plot_id", metavar="PLOT")
@server_option
@game_option
@at_option
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
    help="PNG file to write.",
)  # fmt: skip
@click.option("--height", default=PLOT_HEIGHT, show_default=True, type=click.IntRange(1, 256),
              help="Blocks above the ground to read.")  # fmt: skip
def capture(
    world: str,
    plot_id: str,
    server: str,
    game: str,
    at: tuple[int, int, int],
    output: Path,
    height: int,
) -> None:
    """Picture what a group built in PLOT.

    Reads the plot of the estate WORLD, built at --at, and draws it as an isometric PNG.
    """
    estate = estate_or_exit(world)
    plot = _plot(estate, plot_id)
    checked_placement(estate, at, game, height + 1)
    with connection_or_exit(server) as conn:
        captured = capture_plot(conn, estate, plot_id, at, height)
    picture = render_captured(captured)
    try:
        picture.save(output, format="PNG")
    except OSError as error:
        reason = error.strerror or str(error)
        message = _("Cannot write %(file)s: %(reason)s", file=str(output), reason=reason)
        raise UsageProblem(message) from None
    name = plot.name.get(current_language())
    if captured.block_count() == 0:
        click.echo(_("Wrote %(file)s: %(name)s has not built anything yet.", file=str(output),
                     name=name))  # fmt: skip
        return
    nx, ny, nz = captured.trimmed().size
    click.echo(_("Wrote %(file)s: %(name)s has built %(count)s blocks (%(size)s).",
                 file=str(output), name=name, count=captured.block_count(),
                 size="×".join(map(str, (nx, ny, nz)))))  # fmt: skip


@plots.command()
@click.argument("world")
@click.argument("plot_id", metavar="PLOT")
@click.option("--to", "site_id", required=True, metavar="SITE", help="The site to build it in.")
@click.option(
    "--anchor", type=click.Choice(ANCHORS), default="centre", show_default=True,
    help="Centre the build on the site, or put it at the site's north-west corner.",
)  # fmt: skip
@server_option
@game_option
@at_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def copy(
    world: str,
    plot_id: str,
    site_id: str,
    anchor: Anchor,
    server: str,
    game: str,
    at: tuple[int, int, int],
    as_json: bool,
) -> None:
    """Copy the build in PLOT into the site SITE.

    This builds a vote's winning proposal, verified block for block.
    """
    estate = estate_or_exit(world)
    plot = _plot(estate, plot_id)
    _check_site(estate, site_id)
    checked_placement(estate, at, game, PLOT_HEIGHT + 1)
    with connection_or_exit(server) as conn, progress_bar(_("Copying"), as_json) as progress:
        try:
            report = copy_plot_to_site(conn, estate, plot_id, site_id, at, anchor, progress)
        except PlotProblem as error:
            raise UsageProblem(str(error)) from None
    language = current_language()
    what = _("Copied %(plot)s to %(site)s", plot=plot.name.get(language),
             site=estate.site(site_id).name.get(language))  # fmt: skip
    echo_report(report, as_json, what)
    if not report.verified:
        raise click.exceptions.Exit(1)
