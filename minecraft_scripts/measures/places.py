"""The places whose sun a planner weighs: each site put to a vote, the playgrounds, the
lawns and courtyards, every one as a mask of ground cells."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from worlds.data_model import Text
from worlds.geometry import Rect
from worlds.ground_features import Lawn, Playground
from worlds.schema import Estate
from worlds.shapes import CellMask

PLAYGROUNDS = Text(da="legepladserne", en="the playgrounds")
GREENS = Text(da="græsplænerne", en="the lawns")


@dataclass(frozen=True, eq=False)
class Place:
    """A named piece of ground; ``cells[x, z]`` is True inside it."""

    id: str
    name: Text
    cells: np.ndarray


def chosen_features(estate: Estate, chosen: Mapping[str, str]) -> Iterator[Any]:
    """The estate's features and those of each site's chosen variant."""
    yield from estate.features
    for site in estate.sites:
        yield from site.variant(chosen[site.id]).features


def places(estate: Estate, chosen: Mapping[str, str]) -> list[Place]:
    """Sites first (in file order), then all playgrounds, then all lawns, where there are any."""
    found = []
    for site in estate.sites:
        found.append(Place(site.id, site.name, _mask(estate, [site.footprint()])))
    features = list(chosen_features(estate, chosen))
    for place_id, kind, name in (("legeplads", Playground, PLAYGROUNDS),
                                 ("groenne", Lawn, GREENS)):  # fmt: skip
        shapes = [_cells(f) for f in features if type(f) is kind]
        if shapes:
            found.append(Place(place_id, name, _mask(estate, shapes)))
    return found


def _cells(feature: Any) -> CellMask:
    return feature.cells() if hasattr(feature, "cells") else CellMask.full(feature.footprint())


def _mask(estate: Estate, shapes: list) -> np.ndarray:
    cells = np.zeros(estate.size, dtype=bool)
    for shape in shapes:
        shape = shape if isinstance(shape, CellMask) else CellMask.full(shape)
        whole = CellMask.full(Rect(0, 0, estate.size[0] - 1, estate.size[1] - 1))
        cells |= shape.part(whole.rect)
    return cells
