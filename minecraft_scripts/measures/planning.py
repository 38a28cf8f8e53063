"""The planner's ground figures: floor area and floor-area ratio, built and green ground,
homes and residents.

Floor area and homes are counted from the buildings' ground plans and storeys (the same
masks the generator paints); built and green ground are read from the voxels.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from minecraft_scripts.voxels import VoxelModel
from worlds.building_features import CommonHouse, Flats, RowHouses

PLANTS = frozenset({"leaves", "conifer_leaves", "hedge", "flowers", "crops", "tree_trunk", "lamp"})
GREEN_GROUND = frozenset({"grass", "soil", "flowers", "crops", "hedge"})
BUILT_HEIGHT = 3
"""A column counts as built when something other than a plant stands this high above it."""


def floor_area(features: Iterable[Any]) -> int:
    """Gross floor area (etageareal) in m²: every storey of every building's ground plan."""
    total = 0
    for feature in features:
        if isinstance(feature, Flats | CommonHouse):
            total += feature.massing().floor_cells()
        elif isinstance(feature, RowHouses):
            total += feature.size[0] * feature.size[1] * feature.floors
    return total


def built_and_green(model: VoxelModel, ground: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per column: built over (roofs, walls, sheds), and green (grass or beds, not built)."""
    solid = model.grid != 0
    ny = model.size[1]
    top = np.where(solid.any(axis=1), ny - 1 - np.argmax(solid[:, ::-1, :], axis=1), 0)
    top_material = np.take_along_axis(model.grid, top[:, None, :], axis=1)[:, 0, :]
    plant = np.isin(top_material, _indices(model, PLANTS))
    built = (top - ground >= BUILT_HEIGHT) & ~plant
    surface = np.take_along_axis(model.grid, ground[:, None, :].astype(np.int64), axis=1)[:, 0, :]
    green = np.isin(surface, _indices(model, GREEN_GROUND)) & ~built
    return built, green


def homes_of(feature: Any) -> int:
    """Homes in one building: as written, or its floor area over the flat size (less the
    common room); one per row house; none in a common house."""
    if isinstance(feature, RowHouses):
        return feature.houses
    if not isinstance(feature, Flats):
        return 0
    if feature.homes is not None:
        return feature.homes
    area = feature.massing().floor_cells() - common_room_area(feature)
    return max(feature.massing().floors, area // feature.flat_size)


def ground_floor_homes(feature: Any) -> int:
    """The share of a building's homes on its ground floor."""
    if isinstance(feature, RowHouses):
        return feature.houses
    if not isinstance(feature, Flats):
        return 0
    massing = feature.massing()
    share = massing.storey(0).sum() / max(1, massing.floor_cells())
    return round(homes_of(feature) * share)


def common_room_area(flats: Flats) -> int:
    """Ground-floor cells behind a common room's front, across the building's depth."""
    room = flats.common_room
    if room is None:
        return 0
    body = flats.massing().storey(0)
    span = slice(room.offset, room.offset + room.length)
    lines = body[span, :] if room.side in ("north", "south") else body[:, span]
    return int(lines.sum())


def _indices(model: VoxelModel, names: frozenset[str]) -> list[int]:
    return [index for index, name in enumerate(model.materials) if name in names]
