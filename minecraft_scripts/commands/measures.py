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
from worlds.language import number as format_number

LABELS = {
    "da": {
        "floor_area": "Etageareal", "far": "Bebyggelsesprocent", "built": "Bebygget areal",
        "green": "Grønt areal", "homes": "Boliger", "residents": "Beboere (anslået)",
        "step_free": "Boliger uden trin", "entrances": "Indgange uden trin", "sun": "Sol",
        "before": "Før", "after": "Efter", "changes": "Forskel", "hours": "timer",
    },
    "en": {
        "floor_area": "Floor area", "far": "Floor-area ratio", "built": "Built ground",
        "green": "Green ground", "homes": "Homes", "residents": "Residents (estimated)",
        "step_free": "Step-free homes", "entrances": "Step-free entrances", "sun": "Sun",
        "before": "Before", "after": "After", "changes": "Difference", "hours": "hours",
    },
}  # fmt: skip


def _day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return SPRING_DAY
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date YYYY-MM-DD, e.g. 2026-03-20") from None


@click.command(name="measures")
@click.argument("world")
@variant_option
@click.option(
    "--shadow-map", type=click.Path(dir_okay=False, path_type=Path),
    help="Also draw the hours of sun as a PNG map (of the variants if given).",
)  # fmt: skip
@click.option("--date", "day", callback=_day, help="The day for the sun (default 2026-03-20).")
@click.option("--language", type=click.Choice(["da", "en"]), default="da", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def measures_command(
    world: str,
    variants: dict[str, str],
    shadow_map: Path | None,
    day: dt.date,
    language: str,
    as_json: bool,
) -> None:
    """Measure the estate WORLD: density, green, homes, step-free access and sun."""
    estate = estate_or_exit(world)
    checked_variants(estate, variants)
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
            raise UsageProblem(f"Cannot write {shadow_map}: {error.strerror or error}") from None
    if as_json:
        document = {"before": before.as_dict()}
        if after is not None:
            document["after"] = after.as_dict()
            document["changes"] = {lang: compare(before, after, lang) for lang in ("da", "en")}
        click.echo(json.dumps(document, ensure_ascii=False))
        return
    words = LABELS[language]
    click.echo(f"{estate.name.get(language)} – {words['before'] if after else ''}".rstrip(" –"))
    _echo_measures(before, language)
    if after is not None:
        click.echo(f"\n{words['after']}: " + ", ".join(f"{k}={v}" for k, v in variants.items()))
        _echo_measures(after, language)
        click.echo(f"\n{words['changes']}:")
        for sentence in compare(before, after, language) or ["–"]:
            click.echo(f"  {sentence}")
    if shadow_map is not None:
        click.echo(f"\n{shadow_map}")


def _echo_measures(measures: Measures, language: str) -> None:
    words = LABELS[language]
    decimals = 1

    def number(value: float) -> str:
        return format_number(value, decimals) if language == "da" else f"{value:,.1f}"

    click.echo(f"  {words['floor_area']}: {number(measures.floor_area)} m²")
    click.echo(f"  {words['far']}: {number(measures.floor_area_ratio)} %")
    click.echo(f"  {words['built']}: {number(measures.built_share)} %")
    click.echo(f"  {words['green']}: {number(measures.green_share)} %")
    click.echo(f"  {words['homes']}: {measures.homes}, {words['residents'].lower()}: "
               f"{measures.residents}")  # fmt: skip
    click.echo(f"  {words['step_free']}: {measures.step_free_homes}; {words['entrances']}: "
               f"{measures.step_free_entrances} / {measures.entrances}")  # fmt: skip
    for place in measures.sun:
        name = place.name.get(language)
        click.echo(f"  {words['sun']} – {name[0].upper() + name[1:]}: "
                   f"{number(place.hours)} {words['hours']}")  # fmt: skip
