"""The shadow map: a top-down picture of how many hours of direct sun each cell gets,
from dark blue (none) to warm yellow (all day), over a pale copy of the estate's map."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageDraw

from minecraft_scripts.measures import Measures
from minecraft_scripts.palette import colours_for
from minecraft_scripts.preview import INK, label_font, top_view
from minecraft_scripts.voxels import VoxelModel
from worlds.data_model import Language
from worlds.language import _, number, using_language

SHADE = np.array([30, 40, 110], dtype=np.float32)
SUN = np.array([255, 214, 70], dtype=np.float32)


def sun_colours(hours: np.ndarray, longest: float) -> np.ndarray:
    """RGB per cell, blending from shade to sun with the share of the day's sun hours."""
    share = np.clip(np.nan_to_num(hours) / max(longest, 0.1), 0, 1)[..., None]
    return SHADE + (SUN - SHADE) * share


def render_shadow_map(
    model: VoxelModel, measures: Measures, language: Language = "da", scale: int | None = None
) -> Image.Image:
    """The map of sun hours (``measures`` from ``measure(..., sun_everywhere=True)``), with
    roofs and trees drawn grey and a scale of hours beside it."""
    hours = measures.sun_map
    if hours is None:
        raise ValueError("measures without a sun map: call measure(..., sun_everywhere=True)")
    with using_language(language):
        return _drawn(model, measures, hours, scale)


def _drawn(
    model: VoxelModel, measures: Measures, hours: np.ndarray, scale: int | None
) -> Image.Image:
    scale = scale or int(np.clip(900 // max(model.size[0], model.size[2]), 2, 8))
    longest = float(np.nanmax(hours)) if np.isfinite(hours).any() else 1.0
    material, _heights = top_view(model)
    palette = np.array(colours_for(model.materials), dtype=np.float32)
    rgb = palette[material] * 0.35 + 150
    measured = np.isfinite(hours)
    rgb[measured] = sun_colours(hours, longest)[measured]
    picture = Image.fromarray(rgb.clip(0, 255).astype(np.uint8).transpose(1, 0, 2), "RGB")
    picture = picture.resize((picture.width * scale, picture.height * scale), Image.NEAREST)
    return _with_scale(picture, longest, measures)


def _with_scale(picture: Image.Image, longest: float, measures: Measures) -> Image.Image:
    font, heading = label_font(14), label_font(18)
    sheet = Image.new("RGB", (picture.width + 140, picture.height + 50), (236, 241, 245))
    sheet.paste(picture, (10, 40))
    draw = ImageDraw.Draw(sheet)
    day = measures.day.strftime("%d.%m.%Y")
    latitude = number(measures.latitude, 4).rstrip("0").rstrip(",.")
    title = _("Hours of direct sun on %(day)s (%(latitude)s° N)", day=day, latitude=latitude)
    draw.text((10, 10), title, fill=INK, font=heading)
    left, top, height = picture.width + 30, 40, min(300, picture.height)
    for row in range(height):
        share = 1 - row / max(1, height - 1)
        colour = tuple(int(c) for c in SHADE + (SUN - SHADE) * share)
        draw.line((left, top + row, left + 20, top + row), fill=colour)
    for share in (1.0, 0.5, 0.0):
        text = _("%(hours)s hours", hours=number(longest * share, 1))
        draw.text((left + 28, top + (1 - share) * (height - 14)), text, fill=INK, font=font)
    return sheet


def shadow_map_png(model: VoxelModel, measures: Measures, language: Language = "da") -> bytes:
    buffer = io.BytesIO()
    render_shadow_map(model, measures, language).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
