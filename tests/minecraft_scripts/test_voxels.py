"""Voxel value types: boxes behave like the integer point sets they stand for."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from minecraft_scripts.voxels import Box, Sign, VoxelModel

coordinate = st.integers(-20, 20)


@st.composite
def boxes(draw: st.DrawFn) -> Box:
    a = (draw(coordinate), draw(coordinate), draw(coordinate))
    b = (draw(coordinate), draw(coordinate), draw(coordinate))
    return Box.spanning(a, b)


def points(box: Box) -> set[tuple[int, int, int]]:
    return {
        (x, y, z)
        for x in range(box.x1, box.x2 + 1)
        for y in range(box.y1, box.y2 + 1)
        for z in range(box.z1, box.z2 + 1)
    }


@given(boxes(), boxes())
def test_intersection_is_the_common_point_set(a: Box, b: Box) -> None:
    common = a.intersection(b)
    expected = points(a) & points(b)
    assert (points(common) if common else set()) == expected
    assert a.intersects(b) == bool(expected)


@given(boxes(), coordinate, coordinate, coordinate)
def test_translation_moves_every_point_and_keeps_the_volume(box: Box, dx: int, dy: int, dz: int):
    moved = box.translated(dx, dy, dz)
    assert points(moved) == {(x + dx, y + dy, z + dz) for x, y, z in points(box)}
    assert moved.volume == box.volume == len(points(box))


@given(boxes(), coordinate, coordinate, coordinate)
def test_contains_agrees_with_the_point_set(box: Box, x: int, y: int, z: int) -> None:
    assert box.contains(x, y, z) == ((x, y, z) in points(box))


def test_corners_out_of_order_are_refused() -> None:
    with pytest.raises(ValueError, match="out of order"):
        Box(3, 0, 0, 1, 0, 0)


def test_empty_model_puts_air_first_and_fill_clips_to_the_model() -> None:
    model = VoxelModel.empty((4, 3, 2), ["brick", "air", "glass"])
    assert model.materials == ("air", "brick", "glass")
    model.fill(Box(2, 1, -5, 9, 1, 9), "brick")
    assert model.counts() == {"air": 20, "brick": 4}
    assert model.material_at(3, 1, 1) == "brick"
    assert model.grid.dtype == np.uint8


def test_unknown_material_names_the_known_ones() -> None:
    model = VoxelModel.empty((1, 1, 1), ["brick"])
    with pytest.raises(KeyError, match="known: air, brick"):
        model.fill(Box(0, 0, 0, 0, 0, 0), "marble")


def test_cropping_keeps_the_signs_inside_at_their_new_place() -> None:
    model = VoxelModel.empty((6, 2, 6), ["sign"])
    model.signs += [Sign(4, 1, 4, ("Fælleshus",)), Sign(0, 0, 0, ("Væk",))]
    part = model.cropped(Box(3, 0, 3, 5, 1, 5))
    assert part.size == (3, 2, 3)
    assert part.signs == [Sign(1, 1, 1, ("Fælleshus",))]
