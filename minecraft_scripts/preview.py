"""Pictures of an estate from its voxel model alone: no game server needed.

The isometric view is a vectorised painter: every visible voxel is stamped as a small
three-faced cube sprite, and a depth sort decides per pixel which voxel is in front, so a
300,000-voxel estate renders in well under a second. The map is a top-down view of each
column's highest block, with a legend and the names of sites and plots. Names are drawn
as one clean line (`worlds.text_safety`), as the game shows them: a carriage return in a
name would otherwise break Pillow's text layout.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Literal

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFont

from minecraft_scripts.generate import generate, site_box
from minecraft_scripts.palette import colours_for
from minecraft_scripts.voxels import Box, VoxelModel
from worlds.data_model import DEFAULT_LANGUAGE, Language
from worlds.materials import MATERIALS as MATERIAL_NAMES
from worlds.schema import Estate
from worlds.text_safety import one_line

FONT_FILES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",  # Debian: fonts-dejavu-core
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
)
"""Fonts with æ, ø and å; Pillow's built-in font lacks them and is only the last resort."""

BACKGROUND = (236, 241, 245)
INK = (40, 44, 52)
FACE_SHADES = (1.0, 0.80, 0.62)  # top, south (left), east (right): light from above-left


HIGHLIGHT = (255, 214, 0)
"""The colour of the one area a map asks the reader to find."""
EDGE_SHADE = 0.92
"""Face borders are drawn a little darker so single blocks stay readable."""


def _sprite(tile: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pixel offsets (dy, dx) of a cube sprite `2*tile` wide and each pixel's shade."""
    faces = Image.new("L", (2 * tile, 2 * tile), 0)
    draw = ImageDraw.Draw(faces)
    half, whole = tile // 2, tile
    draw.polygon([(0, half), (whole, 0), (2 * whole, half), (whole, whole)], fill=1)
    draw.polygon([(0, half), (whole, whole), (whole, 2 * whole), (0, whole + half)], fill=2)
    draw.polygon(
        [(whole, whole), (2 * whole, half), (2 * whole, whole + half), (whole, 2 * whole)], fill=3
    )
    face = np.asarray(faces)
    padded = np.pad(face, 1)
    inner = (
        (padded[:-2, 1:-1] == face) & (padded[2:, 1:-1] == face)
        & (padded[1:-1, :-2] == face) & (padded[1:-1, 2:] == face)
    )  # fmt: skip
    dy, dx = np.nonzero(face)
    shade = np.array(FACE_SHADES, dtype=np.float32)[face[dy, dx] - 1]
    shade = np.where(inner[dy, dx], shade, shade * EDGE_SHADE)
    return dy, dx, shade


def _exposed(grid: np.ndarray) -> np.ndarray:
    """Solid voxels with air above, to the south or to the east: all a viewer can see."""
    solid = grid != 0
    padded = np.pad(solid, ((0, 1), (0, 1), (0, 1)), constant_values=False)
    hidden = padded[1:, :-1, :-1] & padded[:-1, 1:, :-1] & padded[:-1, :-1, 1:]
    return solid & ~hidden


def isometric_tile(model: VoxelModel, target_width: int = 1800) -> int:
    """An even tile size that makes the picture about `target_width` pixels wide."""
    nx, _, nz = model.size
    return int(np.clip(target_width // (2 * (nx + nz)) * 2, 2, 12))


def render_isometric(
    model: VoxelModel, tile: int | None = None, *, crop: bool = True
) -> Image.Image:
    """The model seen from the south-east and above, each voxel a cube `2*tile` wide.

    Voxels are stamped far to near, one depth level (x + y + z) at a time, so nearer
    cubes cover farther ones; within a level cubes barely touch.
    """
    tile = tile or isometric_tile(model)
    nx, ny, nz = model.size
    width, height = (nx + nz) * tile + 2 * tile, (nx + nz) * tile // 2 + ny * tile + 2 * tile
    xs, ys, zs = np.nonzero(_exposed(model.grid))
    depth = xs + ys + zs
    order = np.argsort(depth, kind="stable")
    xs, ys, zs, depth = xs[order], ys[order], zs[order], depth[order]
    dy, dx, shade = _sprite(tile)
    left = (xs - zs + nz - 1) * tile + tile
    top = (xs + zs) * (tile // 2) + (ny - 1 - ys) * tile + tile
    pixels = (top[:, None] + dy) * width + (left[:, None] + dx)
    palette = np.array(colours_for(model.materials), dtype=np.float32)
    shaded = np.clip(palette[:, None, :] * shade[None, :, None], 0, 255).astype(np.uint8)
    materials = model.grid[xs, ys, zs]
    canvas = np.empty((height * width, 3), dtype=np.uint8)
    canvas[:] = BACKGROUND
    bounds = np.flatnonzero(np.diff(depth)) + 1
    for start, end in zip(np.r_[0, bounds], np.r_[bounds, depth.size], strict=True):
        canvas[pixels[start:end].ravel()] = shaded[materials[start:end]].reshape(-1, 3)
    picture = Image.fromarray(canvas.reshape(height, width, 3), "RGB")
    return _cropped(picture) if crop else picture


def _cropped(picture: Image.Image, margin: int = 16) -> Image.Image:
    """The picture cut to what was drawn, plus a margin (low estates leave empty sky)."""
    background = Image.new("RGB", picture.size, BACKGROUND)
    drawn = ImageChops.difference(picture, background).getbbox()
    if drawn is None:
        return picture
    left, top, right, bottom = drawn
    return picture.crop(
        (max(0, left - margin), max(0, top - margin),
         min(picture.width, right + margin), min(picture.height, bottom + margin))
    )  # fmt: skip


def top_view(model: VoxelModel) -> tuple[np.ndarray, np.ndarray]:
    """Per (x, z) column: the material index of its highest solid voxel, and that height."""
    solid = model.grid != 0
    from_top = solid[:, ::-1, :]
    has_any = solid.any(axis=1)
    height = np.where(has_any, model.size[1] - 1 - np.argmax(from_top, axis=1), 0)
    material = np.take_along_axis(model.grid, height[:, None, :], axis=1)[:, 0, :]
    return np.where(has_any, material, 0), height


def render_map(
    model: VoxelModel,
    *,
    scale: int | None = None,
    labels: list[tuple[str, tuple[int, int, int, int]]] | None = None,
    language: Language = DEFAULT_LANGUAGE,
    title: str = "",
    highlight: tuple[int, int, int, int] | None = None,
    legend: bool = True,
) -> Image.Image:
    """A top-down map (north up) with a legend; `labels` are (text, (x1, z1, x2, z2)) areas,
    `highlight` one area to find at a glance (a group's own plot on a pupil's phone)."""
    scale = scale or int(np.clip(900 // max(model.size[0], model.size[2]), 2, 8))
    material, height = top_view(model)
    palette = np.array(colours_for(model.materials), dtype=np.float32)
    relief = 0.78 + 0.22 * height / max(1, model.size[1] - 1)
    rgb = np.clip(palette[material] * relief[..., None], 0, 255).astype(np.uint8)
    picture = Image.fromarray(rgb.transpose(1, 0, 2), "RGB")  # rows are z (north at top)
    picture = picture.resize((picture.width * scale, picture.height * scale), Image.NEAREST)
    _grid_lines(picture, scale)
    draw = ImageDraw.Draw(picture)
    font = label_font(max(11, 3 * scale))
    if highlight is not None:
        x1, z1, x2, z2 = highlight
        box = (x1 * scale, z1 * scale, (x2 + 1) * scale - 1, (z2 + 1) * scale - 1)
        draw.rectangle(box, fill=HIGHLIGHT, outline=INK, width=max(2, scale))
    for text, (x1, z1, x2, z2) in labels or []:
        box = (x1 * scale, z1 * scale, (x2 + 1) * scale - 1, (z2 + 1) * scale - 1)
        draw.rectangle(box, outline=(255, 255, 255), width=2)
        draw.text((box[0] + 4, box[1] + 3), one_line(text), fill=(255, 255, 255), font=font,
                  stroke_width=2, stroke_fill=INK)  # fmt: skip
    draw.text((picture.width - 8, 6), "N ↑", fill=(255, 255, 255), font=font, anchor="ra",
              stroke_width=2, stroke_fill=INK)  # fmt: skip
    if not legend:
        return picture
    present = [index for index in np.unique(material) if index != 0]
    return _with_legend(picture, model, present, language, title)


def label_font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in FONT_FILES:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _grid_lines(picture: Image.Image, scale: int, every: int = 10) -> None:
    """Faint lines every `every` blocks, so pupils can count distances on the map."""
    draw = ImageDraw.Draw(picture, "RGBA")
    for x in range(every * scale, picture.width, every * scale):
        draw.line((x, 0, x, picture.height), fill=(255, 255, 255, 40))
    for y in range(every * scale, picture.height, every * scale):
        draw.line((0, y, picture.width, y), fill=(255, 255, 255, 40))


def _with_legend(
    picture: Image.Image, model: VoxelModel, present: list[int], language: Language, title: str
) -> Image.Image:
    """The picture with a title above and a legend of the materials it shows to its right."""
    font, heading = label_font(14), label_font(18)
    swatch, line = 16, 22
    names = [_material_label(model.materials[i], language) for i in present]
    legend_width = 40 + max((int(font.getlength(name)) for name in names), default=60)
    title_height = 36 if title else 10
    height = max(picture.height, line * len(names) + 20) + title_height + 10
    sheet = Image.new("RGB", (picture.width + legend_width + 30, height), BACKGROUND)
    sheet.paste(picture, (10, title_height))
    draw = ImageDraw.Draw(sheet)
    if title:
        draw.text((10, 8), one_line(title), fill=INK, font=heading)
    left = picture.width + 24
    colours = colours_for(model.materials)
    for row, (index, name) in enumerate(zip(present, names, strict=True)):
        top = title_height + row * line
        draw.rectangle((left, top, left + swatch, top + swatch), fill=colours[index], outline=INK)
        draw.text((left + swatch + 8, top), name, fill=INK, font=font)
    return sheet


def _material_label(name: str, language: Language) -> str:
    entry = MATERIAL_NAMES.get(name)
    if entry is None:
        return name
    return entry.get(language)


def estate_labels(estate: Estate, language: Language = DEFAULT_LANGUAGE) -> list[tuple[str, tuple]]:
    """Sites and plots as labelled areas for the map."""
    areas = [*estate.sites, *estate.plots]
    labels = []
    for area in areas:
        rect = area.footprint()
        name = area.name.get(language)
        labels.append((name, (rect.x1, rect.z1, rect.x2, rect.z2)))
    return labels


def render_preview(
    estate: Estate,
    variants: dict[str, str] | None = None,
    kind: Literal["isometric", "map"] = "isometric",
    language: Language = DEFAULT_LANGUAGE,
) -> Image.Image:
    """The picture the CLI and the portal show of an estate with the chosen variants."""
    model = generate(estate, variants=variants)
    title = estate.name.get(language)
    if kind == "map":
        return render_map(model, labels=estate_labels(estate, language), language=language,
                          title=title)  # fmt: skip
    return render_isometric(model)


def png_bytes(picture: Image.Image) -> bytes:
    """A picture as PNG bytes: what a teacher guide or a web page embeds."""
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def preview_png(estate: Estate, variants: Mapping[str, str] | None = None) -> bytes:
    """The isometric picture as PNG bytes."""
    return png_bytes(render_preview(estate, dict(variants or {})))


SITE_SURROUNDINGS = 6
"""Blocks of the estate kept around a site, so a close-up shows where the site lies."""


def site_preview_png(estate: Estate, site_id: str, variants: Mapping[str, str]) -> bytes:
    """A close-up of one site with the chosen variants: what a ballot shows for each option,
    where a picture of the whole estate would show the difference too small to see."""
    model = generate(estate, variants=dict(variants))
    site = site_box(estate, site_id)
    margin = SITE_SURROUNDINGS
    around = Box(site.x1 - margin, 0, site.z1 - margin, site.x2 + margin, site.y2, site.z2 + margin)
    close_up = model.cropped(around)
    picture = render_isometric(close_up, isometric_tile(close_up, target_width=900))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
