"""The cuboid plan: replaying it reproduces the model exactly, with no overlap and no giant."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from minecraft_scripts.plan import Cuboid, greedy_cuboids, ordered, plan_model, replay
from minecraft_scripts.voxels import Box, VoxelModel

MATERIALS = ("air", "grass", "brick", "glass", "flowers")

shapes = st.tuples(st.integers(1, 9), st.integers(1, 7), st.integers(1, 9))
grids = shapes.flatmap(
    lambda shape: arrays(np.uint8, shape, elements=st.integers(0, len(MATERIALS) - 1))
)


def coverage(cuboids: list[Cuboid], shape: tuple[int, ...]) -> np.ndarray:
    """How many cuboids cover each voxel, counted independently of the planner."""
    count = np.zeros(shape, dtype=np.int32)
    for cuboid in cuboids:
        count[cuboid.box.slices()] += 1
    return count


@given(grids, st.sampled_from([1, 4, 27, 32_768]))
@settings(max_examples=200, deadline=None)
def test_replaying_the_plan_reproduces_the_grid(grid: np.ndarray, cap: int) -> None:
    cuboids = greedy_cuboids(grid, cap=cap)
    assert np.array_equal(replay(cuboids, grid.shape, fill=255), grid)
    assert coverage(cuboids, grid.shape).max() == 1
    assert all(c.box.volume <= cap for c in cuboids)
    assert all(np.all(grid[c.box.slices()] == c.material) for c in cuboids)


@given(grids, st.data())
@settings(max_examples=200, deadline=None)
def test_a_diff_plan_sets_what_is_needed_and_only_to_the_model(grid: np.ndarray, data) -> None:
    standing = data.draw(arrays(np.uint8, grid.shape, elements=st.integers(0, 4)))
    needed = standing != grid
    cuboids = greedy_cuboids(grid, needed)
    result = standing.copy()
    for cuboid in cuboids:
        result[cuboid.box.slices()] = cuboid.material
    assert np.array_equal(result, grid)
    assert coverage(cuboids, grid.shape).max(initial=0) <= 1
    assert len(cuboids) <= int(needed.sum())


def test_solid_walls_and_slabs_take_one_cuboid_each() -> None:
    model = VoxelModel.empty((40, 12, 30), ["grass", "brick", "roof_tiles"])
    model.fill(Box(0, 0, 0, 39, 0, 29), "grass")
    model.fill(Box(5, 1, 5, 5, 10, 24), "brick")
    model.fill(Box(5, 11, 5, 30, 11, 24), "roof_tiles")
    solid = plan_model(model, include_air=False)
    assert len(solid) == 3
    assert sum(c.box.volume for c in solid) == model.solid_voxels()


def test_the_estate_rises_clearing_first_and_details_last() -> None:
    model = VoxelModel.empty((6, 6, 6), ["grass", "brick", "flowers"])
    model.fill(Box(0, 0, 0, 5, 0, 5), "grass")
    model.fill(Box(0, 1, 0, 0, 4, 5), "brick")
    model.fill(Box(3, 1, 3, 3, 1, 3), "flowers")
    cuboids = plan_model(model)
    names = [model.materials[c.material] for c in cuboids]
    assert names[0] == "air" and names[-1] == "flowers"
    building = [c for c in cuboids if model.materials[c.material] in ("grass", "brick")]
    assert [c.box.y1 for c in building] == sorted(c.box.y1 for c in building)
    assert ordered(list(reversed(cuboids)), model.materials) == cuboids


def test_the_largest_estate_needs_at_most_one_command_per_200_voxels() -> None:
    """What a build sends onto bare land: the solid voxels (air is only repaired where needed)."""
    from minecraft_scripts.generate import generate
    from worlds.catalog import estate_ids, load_estate

    model = max((generate(load_estate(e)) for e in estate_ids()), key=lambda m: m.grid.size)
    cuboids = plan_model(model, include_air=False)
    assert len(cuboids) <= model.grid.size / 200
    assert np.array_equal(replay(cuboids, model.size) != 0, model.grid != 0)


def test_every_shipped_estate_replays_exactly_in_the_order_it_rises() -> None:
    from minecraft_scripts.generate import generate
    from worlds.catalog import estate_ids, load_estate

    for estate_id in estate_ids():
        model = generate(load_estate(estate_id))
        cuboids = plan_model(model)
        assert np.array_equal(replay(cuboids, model.size, fill=255), model.grid)
        assert coverage(cuboids, model.size).max() == 1
        assert ordered(cuboids, model.materials) == cuboids
