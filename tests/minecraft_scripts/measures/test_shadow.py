"""Sun and shadow: a block's shadow computed by hand, the vectorised voxel traversal against
ray-box intersection, and the sun's position against the equinox by hand."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from minecraft_scripts.measures.shadow import SAMPLE_HEIGHT, lit, standing_points, sun_hours
from minecraft_scripts.measures.sun import SunPosition, sun_positions
from minecraft_scripts.voxels import VoxelModel

MATERIALS = ("air", "grass", "brick")


def block_model(height: int = 6) -> VoxelModel:
    """20 × 20 of grass, and a 2 × 2 brick block ``height`` high at x, z = 10..11."""
    model = VoxelModel.empty((20, height + 4, 20), MATERIALS)
    model.grid[:, 0, :] = 1
    model.grid[10:12, 1 : height + 1, 10:12] = 2
    return model


def shaded_cells(model: VoxelModel, direction: tuple[float, float, float]) -> set[tuple[int, int]]:
    ground = np.zeros((20, 20), dtype=np.int16)
    hours = sun_hours(model, ground, [direction], 1.0)
    return {(int(x), int(z)) for x, z in zip(*np.nonzero(hours == 0), strict=True)}


def test_a_block_with_the_sun_due_south_at_45_degrees_shades_its_height_northwards() -> None:
    """The sun 45° up in the south: the shadow of a block 6 high, measured 1.1 above the
    ground (y = 2.1), reaches 7 - 2.1 = 4.9 cells north of it: cells z = 5..9."""
    direction = SunPosition(dt.datetime(2026, 3, 20), 45.0, 180.0).direction()
    shaded = shaded_cells(block_model(6), direction)
    inside = {(x, z) for x in (10, 11) for z in (10, 11)}
    reach = 7 - (1 + SAMPLE_HEIGHT)
    expected = {(x, z) for x in (10, 11) for z in range(10) if 10 - (z + 0.5) < reach}
    assert expected == {(x, z) for x in (10, 11) for z in range(5, 10)}
    assert shaded == expected | inside


def test_a_low_sun_in_the_west_throws_a_long_shadow_east() -> None:
    """tan(elevation) = 1/2: the same block's shadow is twice as long, 9.8 cells east."""
    up = math.degrees(math.atan(0.5))
    direction = SunPosition(dt.datetime(2026, 3, 20), up, 270.0).direction()
    shaded = shaded_cells(block_model(6), direction) - {(x, z) for x in (10, 11) for z in (10, 11)}
    assert shaded == {(x, z) for x in range(12, 20) for z in (10, 11)}  # 8 cells, then the edge


def lit_by_boxes(grid: np.ndarray, point: np.ndarray, direction: np.ndarray) -> bool:
    """An independent check: the ray meets no solid voxel, each tested as a box (the slab
    method of ray-box intersection), so no stepping at all."""
    solid = np.argwhere(grid != 0).astype(float)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        t1 = (solid - point) / direction
        t2 = (solid + 1 - point) / direction
    enter = np.nanmax(np.minimum(t1, t2), axis=1)
    leave = np.nanmin(np.maximum(t1, t2), axis=1)
    return not np.any((enter < leave) & (leave > 0))


@settings(max_examples=40, deadline=None)
@given(
    grid=arrays(np.uint8, (8, 7, 8), elements=st.sampled_from([0, 0, 0, 0, 2])),
    elevation=st.floats(3, 89),
    azimuth=st.floats(0, 359),
)
def test_voxel_traversal_agrees_with_ray_box_intersection(grid, elevation, azimuth) -> None:
    grid[:, 0, :] = 1
    model = VoxelModel(MATERIALS, grid, [])
    direction = np.array(SunPosition(dt.datetime(2026, 3, 20), elevation, azimuth).direction())
    points = standing_points(model, np.zeros((8, 8), dtype=np.int16)).reshape(-1, 3)
    fast = lit(model.grid, points, direction)
    exact = np.array([lit_by_boxes(model.grid, p, direction) for p in points])
    assert np.array_equal(fast, exact)


def test_the_equinox_sun_stands_where_the_textbook_says() -> None:
    """At the equinox the noon sun stands 90° − latitude high, due south; the day is about
    12 hours long. Copenhagen, 55.68° N, 12.57° E: solar noon about 11:10 UTC."""
    positions = sun_positions(55.68, 12.57, dt.date(2026, 3, 20), step_minutes=10)
    noon = max(positions, key=lambda sun: sun.elevation)
    assert abs(noon.elevation - (90 - 55.68)) < 0.8
    assert abs(noon.azimuth - 180) < 3
    assert abs(noon.time.hour * 60 + noon.time.minute - (11 * 60 + 10)) <= 10
    assert 12.0 <= len(positions) * 10 / 60 <= 12.5


def test_midsummer_gives_more_sun_hours_than_midwinter() -> None:
    summer = sun_positions(55.7, 12.0, dt.date(2026, 6, 21))
    winter = sun_positions(55.7, 12.0, dt.date(2026, 12, 21))
    assert len(summer) * 0.25 > 17 and len(winter) * 0.25 < 7.5
