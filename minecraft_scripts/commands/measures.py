"""`jagten measures`: the planner's figures for an estate, before and after a change.

With `--variant`, the estate as it stands (every site on its default) is measured against
the estate with the chosen variants, and the differences are said in words, as a ballot
would say them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from minecraft_scripts.commands.terminal import (
    UsageProblem,
    checked_variants,
    estate_or_exit,
    variant_option,
)
from minecraft_scripts.generate import generate
from minecraft_scripts.measures import Measures, measure
from minecraft_scripts.measures.phrasing import compare
from minecraft_scripts.measures.shadow_map import render_shadow_map
from minecraft_scripts.measures.sun import SPRING_DAY
from worlds.language import Language, _, current_language, number, using_language


def _day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return SPRING_DAY
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        message = _("'%(value)s' is not a date YYYY-MM-DD, e.g. 2026-03-20", value=value)
        raise click.BadParameter(message) from None


@click.command(name="measures")
@click.argument("world")
@variant_option
@click.option(
    "--shadow-map", type=click.Path(dir_okay=False, path_type=Path),
    help="Also draw the hours of sun as a PNG map (of the variants if given).",
)  # fmt: skip
@click.option("--date", "day", callback=_day, help="The day for the sun (default 2026-03-20).")
@click.option(
    "--language", type=click.Choice(["da", "en"]), default=None,
    help="Language of the figures and the map (default: the language of the command).",
)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def measures_command(
    world: str,
    variants: dict[str, str],
    shadow_map: Path | None,
    day: dt.date,
    language: Language | None,
    as_json: bool,
) -> None:
    """Measure the estate WORLD: density, green, homes, step-free access and sun."""
    with using_language(language):
        _measure(world, variants, shadow_map, day, as_json)


def _measure(
    world: str, variants: dict[str, str], shadow_map: Path | None, day: dt.date, as_json: bool
) -> None:
    estate = estate_or_exit(world)
    checked_variants(estate, variants)
    language = current_language()
    before = measure(estate, day=day, sun_everywhere=bool(shadow_map and not variants))
    after = None
    if variants:
        after = measure(estate, variants, day=day, sun_everywhere=bool(shadow_map))
    if shadow_map is not None:
        shown = after or before
        picture = render_shadow_map(generate(estate, variants), shown, language)
        try:
            picture.save(shadow_map, format="PNG")
        except OSError as error:
            reason = error.strerror or str(error)
            raise UsageProblem(_("Cannot write %(file)s: %(reason)s", file=str(shadow_map),
                                 reason=reason)) from None  # fmt: skip
    if as_json:
        document = {"before": before.as_dict()}
        if after is not None:
            document["after"] = after.as_dict()
            document["changes"] = {lang: compare(before, after, lang) for lang in ("da", "en")}
        click.echo(json.dumps(document, ensure_ascii=False))
        return
    name = estate.name.get(language)
    click.echo(_("%(name)s – before", name=name) if after else name)
    _echo_measures(before)
    if after is not None:
        chosen = ", ".join(f"{site}={option}" for site, option in variants.items())
        click.echo("\n" + _("After: %(variants)s", variants=chosen))
        _echo_measures(after)
        click.echo("\n" + _("Difference:"))
        for sentence in compare(before, after, language) or ["–"]:
            click.echo(f"  {sentence}")
    if shadow_map is not None:
        click.echo(f"\n{shadow_map}")


def _echo_measures(measures: Measures) -> None:
    def share(value: float) -> str:
        return number(value, 1)

    lines = [
        _("Floor area: %(value)s m²", value=share(measures.floor_area)),
        _("Floor-area ratio: %(value)s %%", value=share(measures.floor_area_ratio)),
        _("Built ground: %(value)s %%", value=share(measures.built_share)),
        _("Green ground: %(value)s %%", value=share(measures.green_share)),
        _("Homes: %(homes)s, residents (estimated): %(residents)s", homes=measures.homes,
          residents=measures.residents),
        _("Step-free homes: %(homes)s; step-free entrances: %(free)s / %(entrances)s",
          homes=measures.step_free_homes, free=measures.step_free_entrances,
          entrances=measures.entrances),
    ]  # fmt: skip
    for place in measures.sun:
        name = place.name.get(current_language())
        lines.append(_("Sun – %(place)s: %(hours)s hours", place=name[0].upper() + name[1:],
                       hours=share(place.hours)))  # fmt: skip
    click.echo("\n".join(f"  {line}" for line in lines))
