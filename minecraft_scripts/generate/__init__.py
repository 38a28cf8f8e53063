"""Turn an estate into a voxel model: pure, deterministic, no game server involved.

The model's size and material list depend on the estate only, never on the
chosen variants, so two models of one estate can be compared voxel by voxel;
a site's variant only ever changes voxels inside ``site_box``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np

from minecraft_scripts.generate.canvas import GROUND_Y, Canvas
from minecraft_scripts.generate.painters import painter_for
from minecraft_scripts.generate.standing import pieces, stand
from minecraft_scripts.voxels import Box, VoxelModel
from worlds.error_messages import did_you_mean
from worlds.language import _
from worlds.materials import MATERIAL_IDS
from worlds.schema import Estate

HEADROOM = 3
"""Air kept above the highest feature, so builders see the sky over every roof."""
MIN_HEIGHT = 8


def generate(estate: Estate, variants: Mapping[str, str] | None = None) -> VoxelModel:
    """The estate as voxels, with each site showing its chosen variant (default otherwise)."""
    chosen = choose_variants(estate, variants)
    model = VoxelModel.empty(model_size(estate), MATERIAL_IDS)
    heights = ground_heights(estate)
    _lay_ground(model, heights, estate.ground)
    placed = list(_placements(estate, chosen, model, heights))
    placed.sort(key=lambda item: painter_for(item[1]).layer)
    sloping = bool(heights.any())
    for canvas, feature in placed:
        painter = painter_for(feature)
        if not sloping or painter.on_land:
            painter.paint(canvas, feature)
            continue
        for piece in pieces(feature):
            stand(canvas, piece, painter.paint, heights)
    return model


def ground_heights(estate: Estate) -> np.ndarray:
    """The ground's y for each (x, z) column: all 0 on flat land."""
    if estate.terrain is None:
        return np.zeros(estate.size, dtype=np.int16)
    return estate.terrain.heights(estate.size)


def _lay_ground(model: VoxelModel, heights: np.ndarray, material: str) -> None:
    """The ground layer at each column's height, soil beneath it."""
    ys = np.arange(model.size[1])[None, :, None]
    top = heights[:, None, :]
    model.grid[ys < top] = model.material_index("soil")
    model.grid[np.broadcast_to(ys == top, model.grid.shape)] = model.material_index(material)


def choose_variants(estate: Estate, variants: Mapping[str, str] | None) -> dict[str, str]:
    """Every site's variant id: the requested one, else its default.

    Raises ``ValueError`` naming the valid choices for an unknown site or variant.
    """
    requested = dict(variants or {})
    site_ids = estate.site_ids()
    for site_id in requested:
        if site_id not in site_ids:
            choices = did_you_mean(site_id, site_ids) if site_ids else _("this estate has no sites")
            raise ValueError(_no_site(estate, site_id, choices))
    chosen = {}
    for site in estate.sites:
        variant_id = requested.get(site.id, site.default)
        if variant_id not in site.variant_ids():
            choices = did_you_mean(variant_id, site.variant_ids())
            message = _("site '%(site)s' has no variant '%(variant)s'; %(hint)s", site=site.id,
                        variant=variant_id, hint=choices)  # fmt: skip
            raise ValueError(message)
        chosen[site.id] = variant_id
    return chosen


def site_box(estate: Estate, site_id: str) -> Box:
    """The model region a variant switch of this site can change: its area, ground to sky."""
    try:
        site = estate.site(site_id)
    except KeyError:
        choices = did_you_mean(site_id, estate.site_ids())
        raise ValueError(_no_site(estate, site_id, choices)) from None
    area = site.footprint()
    return Box(area.x1, GROUND_Y, area.z1, area.x2, model_size(estate)[1] - 1, area.z2)


def _no_site(estate: Estate, site_id: str, choices: str) -> str:
    return _("estate '%(estate)s' has no site '%(site)s'; %(hint)s", estate=estate.id,
             site=site_id, hint=choices)  # fmt: skip


def model_size(estate: Estate) -> tuple[int, int, int]:
    """(x, y, z) size: the estate's ground, high enough for the tallest feature of any variant."""
    tops = [painter_for(feature).top(feature) for feature in _all_features(estate)]
    land = int(ground_heights(estate).max())
    height = max([MIN_HEIGHT, *(land + top + 1 + HEADROOM for top in tops)])
    return (estate.size[0], height, estate.size[1])


def _placements(
    estate: Estate, chosen: dict[str, str], model: VoxelModel, heights: np.ndarray
) -> Iterator[tuple[Canvas, Any]]:
    """Each feature to paint with the canvas that confines it."""
    whole = Canvas(model, model.bounds, estate.id, heights)
    for feature in estate.features:
        yield whole, feature
    for plot in estate.plots:
        yield whole, plot
    for site in estate.sites:
        clip = site_box(estate, site.id)
        canvas = Canvas(model, clip, f"{estate.id}/{site.id}", heights)
        for feature in site.variant(chosen[site.id]).features:
            yield canvas, feature


def _all_features(estate: Estate) -> Iterator[Any]:
    yield from estate.features
    yield from estate.plots
    for site in estate.sites:
        for variant in site.variants:
            yield from variant.features
