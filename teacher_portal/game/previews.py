"""Preview pictures of an estate (with chosen variants) as PNG bytes, drawn once per process.

Drawing the largest estate takes a fraction of a second; pages and guides ask for the same
few pictures again and again, so they are cached by estate and variant choice.
"""

import json
from collections.abc import Callable, Mapping
from functools import lru_cache

from flask import Response, abort

from minecraft_scripts.preview import preview_png as draw_png
from minecraft_scripts.preview import site_preview_png as draw_site_png
from worlds.catalog import load_estate
from worlds.datafile import DataFileError
from worlds.schema import Estate


def preview_png(estate_id: str, variants: Mapping[str, str]) -> bytes:
    return _cached_png(estate_id, json.dumps(dict(variants), sort_keys=True))


def estate_picture(estate: Estate, variants: Mapping[str, str]) -> bytes:
    """The `lessons` guide's picture source (`lessons.guide_picture.PictureSource`)."""
    return preview_png(estate.id, variants)


@lru_cache(maxsize=64)
def _cached_png(estate_id: str, variants_json: str) -> bytes:
    return draw_png(load_estate(estate_id), json.loads(variants_json))


def site_png(estate_id: str, site_id: str, variant_id: str) -> bytes:
    """A close-up of one site with one of its variants: a ballot option's picture."""
    return _cached_site_png(estate_id, site_id, variant_id)


@lru_cache(maxsize=64)
def _cached_site_png(estate_id: str, site_id: str, variant_id: str) -> bytes:
    return draw_site_png(load_estate(estate_id), site_id, {site_id: variant_id})


def picture_response(draw: Callable[[], bytes]) -> Response:
    """A picture for the browser to keep for an hour, or 404 when the estate, site or
    variant it shows no longer exists (an estate file edited since the lesson began)."""
    try:
        data = draw()
    except (DataFileError, LookupError, ValueError):
        abort(404)
    response = Response(data, mimetype="image/png")
    response.cache_control.max_age = 3600
    response.cache_control.private = True
    return response
