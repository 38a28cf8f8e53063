"""The names a teacher and pupils read for a vote's options and a build's sites and plots.

Lessons name sites, variants and plots by id; guides, ballots and cards print the estate's
own names for them (or the id, when the estate cannot be loaded, so nothing breaks).
"""

from __future__ import annotations

from lessons.schema import VoteOptions
from worlds.catalog import load_estate
from worlds.datafile import DataFileError
from worlds.schema import Estate


def option_names(options: VoteOptions, estate: Estate | None, lang: str) -> list[str]:
    if options.texts is not None:
        return [text.get(lang) for text in options.texts]
    if options.plots is not None:
        return [plot_name(estate, plot, lang) for plot in options.plots]
    site = next((s for s in estate.sites if s.id == options.site), None) if estate else None
    chosen = options.variants or ([variant.id for variant in site.variants] if site else [])
    return [variant_name(estate, options.site or "", variant, lang) for variant in chosen]


def estate_or_none(estate_id: str) -> Estate | None:
    try:
        return load_estate(estate_id)
    except (DataFileError, LookupError, OSError):
        return None


def site_name(estate: Estate | None, site_id: str, lang: str) -> str:
    site = next((s for s in estate.sites if s.id == site_id), None) if estate else None
    return getattr(site.name, lang) if site else site_id


def variant_name(estate: Estate | None, site_id: str, variant_id: str, lang: str) -> str:
    site = next((s for s in estate.sites if s.id == site_id), None) if estate else None
    variant = next((v for v in site.variants if v.id == variant_id), None) if site else None
    return getattr(variant.name, lang) if variant else variant_id


def plot_name(estate: Estate | None, plot_id: str, lang: str) -> str:
    plot = next((p for p in estate.plots if p.id == plot_id), None) if estate else None
    return getattr(plot.name, lang) if plot else plot_id
