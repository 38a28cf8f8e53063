"""Which painter draws each feature type, in which layer, and how high it reaches.

Layers make the result independent of the order of features in the file:
ground covers first, then paths across them, then buildings, then the things
that stand in front of or among buildings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from minecraft_scripts.generate import buildings, furniture, houses, landscape, outbuildings
from minecraft_scripts.generate.canvas import Canvas
from worlds.building_features import CommonHouse, Flats, ReuseStation, RowHouses
from worlds.ground_features import (
    Allotments,
    Benches,
    Lamps,
    Lawn,
    Parking,
    Path,
    Playground,
    Road,
    Sign,
    Trees,
)
from worlds.schema import Plot
from worlds.yard_features import BallCourt, BikeShed, BinEnclosure, Carport, Pond

SURFACES, PATHS, MARKERS, BUILDINGS, DETAILS = range(5)


@dataclass(frozen=True)
class Painter:
    """How to draw one feature type."""

    layer: int
    paint: Callable[[Canvas, Any], None]
    top: Callable[[Any], int]
    on_land: bool = False
    """Whether it paints on sloping land itself (ponds dig in); others are stood on it."""


def _fixed(height: int) -> Callable[[Any], int]:
    return lambda _feature: height


PAINTERS: dict[type, Painter] = {
    Lawn: Painter(SURFACES, landscape.paint_lawn, _fixed(1)),
    Playground: Painter(SURFACES, furniture.paint_playground, _fixed(furniture.PLAYGROUND_TOP)),
    Allotments: Painter(SURFACES, landscape.paint_allotments, _fixed(3)),
    Parking: Painter(SURFACES, landscape.paint_parking, _fixed(2)),
    ReuseStation: Painter(SURFACES, houses.paint_reuse_station, houses.reuse_station_top),
    Pond: Painter(SURFACES, outbuildings.paint_pond, _fixed(0), on_land=True),
    BallCourt: Painter(SURFACES, outbuildings.paint_ball_court, _fixed(2)),
    Path: Painter(PATHS, landscape.paint_path, _fixed(1), on_land=True),
    Road: Painter(PATHS, landscape.paint_road, _fixed(0)),
    Plot: Painter(MARKERS, furniture.paint_plot, _fixed(1)),
    Flats: Painter(BUILDINGS, buildings.paint_flats, buildings.building_top),
    CommonHouse: Painter(BUILDINGS, buildings.paint_common_house, buildings.building_top),
    RowHouses: Painter(BUILDINGS, houses.paint_row_houses, houses.row_houses_top),
    BikeShed: Painter(BUILDINGS, outbuildings.paint_bike_shed, outbuildings.shelter_top),
    Carport: Painter(BUILDINGS, outbuildings.paint_carport, outbuildings.shelter_top),
    BinEnclosure: Painter(BUILDINGS, outbuildings.paint_bin_enclosure, outbuildings.shelter_top),
    Trees: Painter(DETAILS, landscape.paint_trees, landscape.trees_top),
    Benches: Painter(DETAILS, furniture.paint_benches, _fixed(2)),
    Lamps: Painter(DETAILS, furniture.paint_lamps, lambda lamps: lamps.height),
    Sign: Painter(DETAILS, furniture.paint_sign, lambda sign: sign.height),
}


def painter_for(feature: object) -> Painter:
    return PAINTERS[type(feature)]
