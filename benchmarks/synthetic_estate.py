"""Generated estates of a chosen size for the scale table: rows of blocks of flats with
balconies, lawns and trees, as in the shipped estates, repeated over a grid of tiles."""

from __future__ import annotations

from worlds.schema import Estate

TILE = (50, 40)
MARGIN = 4


def _tile_features(i: int, j: int, floors: int) -> list[dict]:
    x0, z0 = MARGIN + i * TILE[0], MARGIN + j * TILE[1]
    return [
        {"type": "flats", "id": f"blok_{i}_{j}", "at": [x0, z0], "size": [40, 10],
         "floors": floors, "facade": "white_concrete", "bands": "grey_concrete",
         "gables": "blue_panel", "entrances": [{"side": "south", "offset": 12}],
         "balconies": {"sides": ["north"], "gallery": True, "depth": 1,
                       "railing": "light_grey_concrete"}},
        {"type": "lawn", "at": [x0, z0 + 16], "size": [40, 20]},
        {"type": "trees", "points": [[x0 + 5, z0 + 20], [x0 + 30, z0 + 25]], "height": 7},
    ]  # fmt: skip


def synthetic_estate(tiles_x: int, tiles_z: int, floors: int) -> Estate:
    features = [f for i in range(tiles_x) for j in range(tiles_z)
                for f in _tile_features(i, j, floors)]  # fmt: skip
    return Estate.model_validate({
        "id": "skala", "name": {"da": "Skala", "en": "Scale"},
        "origin": {"da": "Genereret til benchmarket.", "en": "Generated for the benchmark."},
        "size": [tiles_x * TILE[0] + 2 * MARGIN, tiles_z * TILE[1] + 2 * MARGIN],
        "features": features,
    })  # fmt: skip


SCALES = {
    "0.2 M": (2, 2, 5),
    "1 M": (4, 4, 8),
    "5 M": (8, 8, 12),
    "20 M": (12, 15, 16),
}
"""Tiles along x, tiles along z, floors: about 0.2, 1, 5 and 20 million voxels."""
