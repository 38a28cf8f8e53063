"""Read what an estate needs from an OpenStreetMap extract, with pyosmium: buildings with
their levels and roofs, paths and roads, green areas and trees, inside a bounding box.

pyosmium reads .osm XML, .osm.pbf and the other OSM formats; ways come with the locations
of their nodes. Coordinates are turned into metres (one block each) east and south of the
box's north-west corner, by a local flat projection: at neighbourhood scale (under a
kilometre) its error is centimetres.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import osmium

from worlds.language import _

METRES_PER_DEGREE = 111_320.0
MAX_SIDE = 1000
"""Metres: the largest estate side the format allows."""


@dataclass(frozen=True)
class BoundingBox:
    """West, south, east, north in degrees (OSM's own order)."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, text: str) -> BoundingBox:
        """'W,S,E,N', e.g. '12.55,55.67,12.56,55.68'; ValueError with what to write."""
        try:
            west, south, east, north = (float(part) for part in text.split(","))
        except ValueError:
            message = _(
                "'%(text)s' is not WEST,SOUTH,EAST,NORTH in degrees, e.g. "
                "12.551,55.672,12.556,55.675 (the order openstreetmap.org's export uses)",
                text=text,
            )
            raise ValueError(message) from None
        if not (west < east and south < north and south >= -90 and north <= 90):
            message = _("'%(text)s': west must be less than east, and south less than north",
                        text=text)  # fmt: skip
            raise ValueError(message)
        box = cls(west, south, east, north)
        width, depth = box.size()
        if max(width, depth) > MAX_SIDE:
            message = _("the box is %(width)s × %(depth)s m; an estate may be at most %(most)s m "
                        "a side", width=width, depth=depth, most=MAX_SIDE)  # fmt: skip
            raise ValueError(message)
        return box

    def scale_x(self) -> float:
        return METRES_PER_DEGREE * math.cos(math.radians((self.south + self.north) / 2))

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        """Metres east and south of the north-west corner."""
        return (lon - self.west) * self.scale_x(), (self.north - lat) * METRES_PER_DEGREE

    def size(self) -> tuple[int, int]:
        x, z = self.project(self.east, self.south)
        return max(1, round(x)), max(1, round(z))

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


@dataclass
class MapData:
    """The shapes found, in metres: each way a list of points with its tags."""

    buildings: list[tuple[int, list[tuple[float, float]], dict[str, str]]] = field(
        default_factory=list
    )
    lines: list[tuple[int, list[tuple[float, float]], dict[str, str]]] = field(default_factory=list)
    areas: list[tuple[int, list[tuple[float, float]], dict[str, str]]] = field(default_factory=list)
    trees: list[tuple[float, float]] = field(default_factory=list)


GREEN = {
    ("leisure", "park"), ("leisure", "garden"), ("leisure", "playground"),
    ("leisure", "pitch"), ("landuse", "grass"), ("landuse", "meadow"),
    ("landuse", "recreation_ground"), ("landuse", "village_green"), ("amenity", "parking"),
}  # fmt: skip


def read_map(path: str | Path, box: BoundingBox) -> MapData:
    """Everything of use in ``path`` that lies (at least partly) in ``box``."""
    found = MapData()
    processor = osmium.FileProcessor(str(path)).with_locations()
    for item in processor:
        tags = {tag.k: tag.v for tag in item.tags}
        if isinstance(item, osmium.osm.Node):
            location = item.location
            if tags.get("natural") == "tree" and box.contains(location.lon, location.lat):
                found.trees.append(box.project(location.lon, location.lat))
            continue
        if not isinstance(item, osmium.osm.Way):
            continue
        nodes = [n.location for n in item.nodes if n.location.valid()]
        if not any(box.contains(n.lon, n.lat) for n in nodes):
            continue
        points = [box.project(n.lon, n.lat) for n in nodes]
        closed = len(nodes) > 3 and item.is_closed()
        if closed and "building" in tags:
            found.buildings.append((item.id, points[:-1], tags))
        elif closed and any(tags.get(key) == value for key, value in GREEN):
            found.areas.append((item.id, points[:-1], tags))
        elif "highway" in tags:
            found.lines.append((item.id, points, tags))
    return found
