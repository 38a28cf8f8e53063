"""Measures a planner uses, computed for an estate with chosen variants: pure, no server.

``measure(estate, variants)`` gives floor area and floor-area ratio (bebyggelsesprocent),
built and green shares of the ground, homes and residents, step-free access, and hours of
direct sun on a spring day on each site, the playgrounds and the lawns, by casting the
sun's rays through the voxel model. ``phrasing.compare`` says what a change does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from minecraft_scripts.generate import choose_variants, generate, ground_heights
from minecraft_scripts.measures.access import doors, step_free
from minecraft_scripts.measures.places import chosen_features, places
from minecraft_scripts.measures.planning import (
    built_and_green,
    floor_area,
    ground_floor_homes,
    homes_of,
)
from minecraft_scripts.measures.shadow import sample_voxel, sun_hours
from minecraft_scripts.measures.sun import SPRING_DAY, STEP_MINUTES, sun_positions
from minecraft_scripts.voxels import VoxelModel
from worlds.data_model import Text
from worlds.schema import Estate


@dataclass(frozen=True)
class PlaceSun:
    """Average hours of direct sun over a place's open ground cells."""

    id: str
    name: Text
    hours: float
    cells: int


@dataclass(frozen=True)
class Measures:
    """What a planner reads off an estate; areas in m² (one cell), shares in percent."""

    ground_area: int
    floor_area: int
    floor_area_ratio: float
    built_share: float
    green_share: float
    homes: int
    residents: int
    step_free_homes: int
    entrances: int
    step_free_entrances: int
    day: dt.date
    latitude: float
    sun: tuple[PlaceSun, ...] = ()
    sun_map: np.ndarray | None = field(default=None, repr=False, compare=False)

    def sun_on(self, place_id: str) -> PlaceSun | None:
        return next((place for place in self.sun if place.id == place_id), None)

    def as_dict(self) -> dict:
        """Plain values for JSON: the sun map is left out."""
        return {
            "ground_area_m2": self.ground_area,
            "floor_area_m2": self.floor_area,
            "floor_area_ratio_percent": self.floor_area_ratio,
            "built_share_percent": self.built_share,
            "green_share_percent": self.green_share,
            "homes": self.homes,
            "residents": self.residents,
            "step_free_homes": self.step_free_homes,
            "entrances": self.entrances,
            "step_free_entrances": self.step_free_entrances,
            "day": self.day.isoformat(),
            "latitude": self.latitude,
            "sun_hours": {
                place.id: {
                    "name": place.name.model_dump(),
                    "hours": place.hours,
                    "cells": place.cells,
                }
                for place in self.sun
            },
        }


def measure(
    estate: Estate,
    variants: Mapping[str, str] | None = None,
    *,
    day: dt.date = SPRING_DAY,
    step_minutes: int = STEP_MINUTES,
    sun_everywhere: bool = False,
) -> Measures:
    """Every measure of ``estate`` with the chosen variants. ``sun_everywhere`` casts rays
    from every cell (for a shadow map), not only from the measured places."""
    chosen = choose_variants(estate, variants)
    model = generate(estate, chosen)
    heights = ground_heights(estate)
    features = list(chosen_features(estate, chosen))
    ground_area = estate.size[0] * estate.size[1]
    area = floor_area(features)
    built, green = built_and_green(model, heights)
    homes = sum(homes_of(f) for f in features)
    access = _access(model, heights, features)
    measured = places(estate, chosen)
    where = np.ones(estate.size, dtype=bool) if sun_everywhere else np.zeros(estate.size, bool)
    for place in measured:
        where |= place.cells
    hours = _sun_hours(estate, model, heights, day, step_minutes, where)
    open_ground = _open_ground(model, heights) & ~built
    return Measures(
        ground_area=ground_area,
        floor_area=area,
        floor_area_ratio=round(100 * area / ground_area, 1),
        built_share=round(100 * float(built.mean()), 1),
        green_share=round(100 * float(green.mean()), 1),
        homes=homes,
        residents=round(homes * estate.residents_per_home),
        step_free_homes=access[0],
        entrances=access[1],
        step_free_entrances=access[2],
        day=day,
        latitude=estate.location.latitude,
        sun=tuple(
            PlaceSun(
                place.id,
                place.name,
                _mean(hours, place.cells & open_ground),
                int((place.cells & open_ground).sum()),
            )
            for place in measured
        ),
        sun_map=np.where(where & open_ground, hours, np.nan),
    )


def _access(model: VoxelModel, heights: np.ndarray, features: list) -> tuple[int, int, int]:
    """(step-free homes, entrances, step-free entrances): a lift behind a step-free door
    serves every storey, a step-free door alone the ground floor."""
    free_homes = entrances = free_entrances = 0
    for feature in features:
        found = [(door, step_free(model, heights, door)) for door in doors(feature, heights)]
        entrances += len(found)
        free_entrances += sum(ok for _, ok in found)
        if any(ok and door.lift for door, ok in found):
            free_homes += homes_of(feature)
        elif any(ok for _, ok in found):
            free_homes += ground_floor_homes(feature)
    return free_homes, entrances, free_entrances


def _sun_hours(
    estate: Estate,
    model: VoxelModel,
    heights: np.ndarray,
    day: dt.date,
    step_minutes: int,
    where: np.ndarray,
) -> np.ndarray:
    location = estate.location
    suns = sun_positions(location.latitude, location.longitude, day, step_minutes)
    directions = [sun.direction() for sun in suns]
    return sun_hours(model, heights, directions, step_minutes / 60, where)


def _open_ground(model: VoxelModel, heights: np.ndarray) -> np.ndarray:
    """Columns where the sun is measured in open air, not inside a wall or a tree."""
    height = np.minimum(sample_voxel(heights), model.size[1] - 1)
    above = np.take_along_axis(model.grid, height[:, None, :], axis=1)
    return above[:, 0, :] == 0


def _mean(hours: np.ndarray, cells: np.ndarray) -> float:
    return round(float(hours[cells].mean()), 1) if cells.any() else 0.0
