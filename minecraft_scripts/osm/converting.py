"""Turn map shapes into estate features a teacher can read and edit: buildings as outlines
with their storeys and roofs, roads and paths at any angle, lawns, parking, playgrounds,
ball courts and trees. What cannot be built (a shed of a few cells, a building that
overlaps one already taken) is left out and listed in the file's opening comment."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from minecraft_scripts.osm.reading import MapData
from worlds.language import _
from worlds.shapes import CellMask

Points = list[tuple[float, float]]
CAR_ROADS = {"residential": 6, "service": 4, "living_street": 5, "unclassified": 6,
             "tertiary": 8, "secondary": 9, "primary": 10, "trunk": 10}  # fmt: skip
WIDE_PATHS = {"pedestrian": 4, "cycleway": 2, "footway": 2, "path": 2, "steps": 2}
HOMES = {"apartments", "residential", "house", "terrace", "detached", "semidetached_house",
         "dormitory", "bungalow", "yes"}  # fmt: skip
LEVELS_BY_KIND = {"apartments": 4, "residential": 3, "house": 2, "terrace": 2, "detached": 2,
                  "garage": 1, "garages": 1, "shed": 1, "carport": 1, "kiosk": 1}  # fmt: skip
ROOFS = {"flat": "flat", "gabled": "gabled", "hipped": "hipped", "half-hipped": "hipped",
         "pyramidal": "hipped", "skillion": "single_pitch"}  # fmt: skip
FACADES = {"brick": "brick", "concrete": "white_concrete", "wood": "wood",
           "plaster": "plaster", "glass": "glass", "stone": "stone"}  # fmt: skip
STOREY = 3.0
"""Metres a storey: how a mapped height becomes storeys when levels are not given."""


@dataclass
class Conversion:
    """Estate features made from a map, and what was left out and why."""

    size: tuple[int, int]
    features: list[dict[str, Any]] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)


def convert(data: MapData, size: tuple[int, int]) -> Conversion:
    result = Conversion(size)
    for way_id, points, tags in data.areas:
        _area(result, way_id, points, tags)
    for _way_id, points, tags in data.lines:
        _line(result, points, tags)
    taken: list[CellMask] = []
    for way_id, points, tags in data.buildings:
        _building(result, way_id, points, tags, taken)
    trees = sorted({_cell(p, size) for p in data.trees if _inside(p, size)})
    if trees:
        result.features.append({"type": "trees", "points": [list(t) for t in trees]})
    return result


def floors_of(tags: dict[str, str]) -> int:
    """Storeys from `building:levels`, else `height` over 3 m, else a guess from the kind."""
    for key, per in (("building:levels", 1.0), ("height", STOREY)):
        try:
            value = float(tags[key].split()[0].replace(",", ".")) / per
        except (KeyError, ValueError, IndexError):
            continue
        return int(min(16, max(1, round(value))))
    return LEVELS_BY_KIND.get(tags.get("building", ""), 2)


def _building(result: Conversion, way_id: int, points: Points, tags: dict, taken: list) -> None:
    outline = _polygon(points, result.size)
    if outline is None or CellMask.of_outline(outline).count() < 9:
        reason = _("building way %(id)s: smaller than 9 m² inside the box", id=way_id)
        result.left_out.append(reason)
        return
    body = CellMask.of_outline(outline)
    if any(body.common(other) is not None for other in taken):
        reason = _("building way %(id)s: overlaps a building already imported", id=way_id)
        result.left_out.append(reason)
        return
    taken.append(body)
    kind = tags.get("building", "yes")
    feature: dict[str, Any] = {
        "type": "common_house" if tags.get("amenity") == "community_centre" else "flats",
        "id": f"osm_{way_id}",
        "outline": [list(p) for p in outline],
        "floors": floors_of(tags),
    }
    roof = ROOFS.get(tags.get("roof:shape", "flat"), "flat")
    if roof != "flat":
        feature["roof_shape"] = roof
        feature["roof"] = "roof_tiles"
    material = FACADES.get(tags.get("building:material", ""))
    if material:
        feature["facade"] = material
    if feature["type"] == "flats" and kind not in HOMES:
        feature["homes"] = 0
    result.features.append(feature)


def _line(result: Conversion, points: Points, tags: dict) -> None:
    kind = tags.get("highway", "")
    for piece in _clip_line(points, result.size):
        if kind in CAR_ROADS:
            feature = {"type": "road", "points": piece, "width": CAR_ROADS[kind],
                       "angle": "free", "markings": False}  # fmt: skip
        else:
            paved = tags.get("surface") in {"paved", "asphalt", "paving_stones", "concrete"}
            feature = {
                "type": "path",
                "points": piece,
                "width": WIDE_PATHS.get(kind, 2),
                "angle": "free",
                "material": "paving_stones" if paved else "gravel_path",
            }
        result.features.append(feature)


def _area(result: Conversion, way_id: int, points: Points, tags: dict) -> None:
    outline = _polygon(points, result.size)
    if outline is None:
        return
    mask = CellMask.of_outline(outline)
    rect = mask.rect
    box = {"at": [rect.x1, rect.z1], "size": [rect.width, rect.depth]}
    if tags.get("amenity") == "parking":
        result.features.append({"type": "parking", **box})
    elif tags.get("leisure") == "playground":
        result.features.append({"type": "playground", **box})
    elif (
        tags.get("leisure") == "pitch"
        and min(rect.width, rect.depth) >= 6
        and max(rect.width, rect.depth) >= 10
    ):
        result.features.append({"type": "ball_court", **box, "surface": "grass"})
    elif mask.count() > 0:
        result.features.append({"type": "lawn", "outline": [list(p) for p in outline]})


def _polygon(points: Points, size: tuple[int, int]) -> list[tuple[int, int]] | None:
    """The polygon cut to the estate (Sutherland–Hodgman), on whole metres."""
    width, depth = size
    for axis, limit, keep_below in ((0, 0, False), (0, width, True), (1, 0, False),
                                    (1, depth, True)):  # fmt: skip
        points = _clip_edge(points, axis, limit, keep_below)
        if not points:
            return None
    rounded: list[tuple[int, int]] = []
    for x, z in points:
        cell = (round(x), round(z))
        if not rounded or rounded[-1] != cell:
            rounded.append(cell)
    if len(rounded) > 1 and rounded[0] == rounded[-1]:
        rounded.pop()
    return rounded if len(set(rounded)) >= 3 else None


def _clip_edge(points: Points, axis: int, limit: float, keep_below: bool) -> Points:
    def inside(p: tuple[float, float]) -> bool:
        return p[axis] <= limit if keep_below else p[axis] >= limit

    out: Points = []
    for index, current in enumerate(points):
        previous = points[index - 1]
        if inside(current) != inside(previous):
            t = (limit - previous[axis]) / (current[axis] - previous[axis])
            out.append(tuple(a + t * (b - a) for a, b in zip(previous, current, strict=True)))
        if inside(current):
            out.append(current)
    return out


def _clip_line(points: Points, size: tuple[int, int]) -> list[list[list[int]]]:
    """The parts of a line inside the estate's cells, each at least two points long."""
    width, depth = size
    pieces: list[list[list[int]]] = []
    current: list[list[int]] = []
    for a, b in itertools.pairwise(points):
        segment = _clip_segment(a, b, width - 1, depth - 1)
        if segment is None:
            if len(current) >= 2:
                pieces.append(current)
            current = []
            continue
        start, end = ([round(c) for c in p] for p in segment)
        if not current or current[-1] != start:
            if len(current) >= 2:
                pieces.append(current)
            current = [start]
        if end != current[-1]:
            current.append(end)
    if len(current) >= 2:
        pieces.append(current)
    return pieces


def _clip_segment(a, b, x_max: float, z_max: float):
    """Liang–Barsky: the part of segment a–b inside [0, x_max] × [0, z_max], or None."""
    (x1, z1), (x2, z2) = a, b
    dx, dz = x2 - x1, z2 - z1
    low, high = 0.0, 1.0
    for p, q in ((-dx, x1), (dx, x_max - x1), (-dz, z1), (dz, z_max - z1)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    return (x1 + low * dx, z1 + low * dz), (x1 + high * dx, z1 + high * dz)


def _inside(point: tuple[float, float], size: tuple[int, int]) -> bool:
    return 0 <= point[0] < size[0] and 0 <= point[1] < size[1]


def _cell(point: tuple[float, float], size: tuple[int, int]) -> tuple[int, int]:
    return min(int(point[0]), size[0] - 1), min(int(point[1]), size[1] - 1)
