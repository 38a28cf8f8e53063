"""Buildings stand where the estate file says: walls, windows, doors, balconies, roofs."""

from __future__ import annotations

import itertools

import numpy as np
import yaml
from hypothesis import given
from hypothesis import strategies as st

from minecraft_scripts.generate import generate
from minecraft_scripts.voxels import VoxelModel
from worlds.building_features import CommonHouse, Flats, ReuseStation, RowHouses
from worlds.schema import Estate

SIZE = (40, 40)


def estate_with(*features: dict) -> Estate:
    """An estate holding the given features, validated exactly as a YAML file would be."""
    document = {
        "id": "proeve",
        "name": {"da": "Prøve", "en": "Trial"},
        "origin": {"da": "Opfundet", "en": "Invented"},
        "size": list(SIZE),
        "features": list(features),
    }
    return Estate.model_validate(yaml.safe_load(yaml.safe_dump(document)))


def at(model: VoxelModel, x: int, y: int, z: int) -> str:
    return model.material_at(x, y, z)


def wall_cells(flats: Flats) -> list[tuple[int, int]]:
    x, z = flats.at
    w, d = flats.size
    cells = [(i, j) for i in range(x, x + w) for j in range(z, z + d)]
    return [(i, j) for i, j in cells if i in (x, x + w - 1) or j in (z, z + d - 1)]


footprints = st.tuples(
    st.integers(1, 15), st.integers(1, 15), st.integers(3, 20), st.integers(3, 20)
)


@given(footprint=footprints, floors=st.integers(1, 5), floor_height=st.integers(3, 5))
def test_plain_flats_have_walls_slabs_rooms_and_roof_where_the_file_says(
    footprint: tuple[int, int, int, int], floors: int, floor_height: int
) -> None:
    x, z, w, d = footprint
    estate = estate_with(
        {"type": "flats", "at": [x, z], "size": [w, d], "floors": floors,
         "floor_height": floor_height, "windows": None, "facade": "brick", "roof": "roof_felt"}
    )  # fmt: skip
    flats = estate.features[0]
    model = generate(estate)
    ceiling = 1 + flats.floors * flats.floor_height
    walls = np.array(wall_cells(flats))
    for y in range(1, ceiling):
        assert set(model.grid[walls[:, 0], y, walls[:, 1]]) == {model.material_index("brick")}
    inside = model.grid[x + 1 : x + w - 1, :, z + 1 : z + d - 1]
    for storey in range(flats.floors):
        slab_y = 1 + storey * flats.floor_height
        assert np.all(inside[:, slab_y, :] == model.material_index("brick"))
        assert not inside[:, slab_y + 1 : slab_y + flats.floor_height, :].any()
    assert np.all(model.grid[x : x + w, ceiling, z : z + d] == model.material_index("roof_felt"))
    assert set(model.grid[walls[:, 0], ceiling + 1, walls[:, 1]]) == {model.material_index("brick")}
    assert not model.grid[:, ceiling + 2 :, :].any()


def glass_runs(line: np.ndarray) -> list[tuple[int, int]]:
    """(start, length) of each run of True in a 1-d array."""
    padded = np.concatenate([[False], line, [False]]).astype(int)
    edges = np.flatnonzero(np.diff(padded))
    pairs = zip(edges[::2], edges[1::2], strict=True)
    return [(int(start), int(end - start)) for start, end in pairs]


def test_windows_form_even_centred_rows_on_every_storey() -> None:
    spec = {"width": 2, "height": 2, "spacing": 5}
    estate = estate_with(
        {"type": "flats", "at": [3, 4], "size": [30, 9], "floors": 3, "windows": spec}
    )
    flats = estate.features[0]
    model = generate(estate)
    glass = model.material_index("glass")
    south_z = flats.at[1] + flats.size[1] - 1
    wall = model.grid[flats.at[0] : flats.at[0] + flats.size[0], :, south_z] == glass
    for storey in range(flats.floors):
        base = 1 + storey * flats.floor_height
        assert not wall[:, base].any()
        for y in range(base + 1, base + 1 + spec["height"]):
            runs = glass_runs(wall[:, y])
            assert runs and all(length == spec["width"] for _, length in runs)
            assert {b[0] - a[0] for a, b in itertools.pairwise(runs)} == {spec["spacing"]}
            left, right = runs[0][0], flats.size[0] - (runs[-1][0] + spec["width"])
            assert left >= 1 and right >= 1 and abs(left - right) <= 1


def test_entrance_door_and_canopy_sit_at_the_offset() -> None:
    entrance = {"side": "south", "offset": 7, "width": 3, "material": "dark_wood"}
    estate = estate_with(
        {"type": "flats", "at": [2, 2], "size": [20, 8], "floors": 2, "entrances": [entrance]}
    )
    flats = estate.features[0]
    model = generate(estate)
    door_x = flats.at[0] + entrance["offset"]
    south_z = flats.at[1] + flats.size[1] - 1
    for x in range(door_x, door_x + entrance["width"]):
        assert at(model, x, 2, south_z) == at(model, x, 3, south_z) == "dark_wood"
        assert at(model, x, 1 + flats.floor_height, south_z + 1) == "grey_concrete"
    assert at(model, door_x - 2, 2, south_z) != "dark_wood"


def test_balconies_stick_out_from_their_floor_up() -> None:
    balconies = {"sides": ["east"], "width": 3, "spacing": 6, "depth": 2, "from_floor": 2}
    estate = estate_with(
        {"type": "flats", "at": [2, 2], "size": [10, 24], "floors": 4, "balconies": balconies}
    )
    flats = estate.features[0]
    model = generate(estate)
    east_x = flats.at[0] + flats.size[0] - 1
    slab = model.material_index("light_grey_concrete")
    for storey in range(flats.floors):
        y = 1 + storey * flats.floor_height
        outside = model.grid[east_x + 1 : east_x + 1 + balconies["depth"], y, :]
        assert (storey + 1 >= balconies["from_floor"]) == bool((outside == slab).any())
    assert not model.grid[east_x + 1 + balconies["depth"] :, 1:, :].any()


def test_a_gallery_runs_along_the_whole_wall_on_every_storey() -> None:
    gallery = {"sides": ["north"], "gallery": True, "depth": 1, "material": "grey_concrete"}
    estate = estate_with(
        {"type": "flats", "at": [3, 5], "size": [25, 8], "floors": 3, "balconies": gallery}
    )
    flats = estate.features[0]
    model = generate(estate)
    x, z = flats.at
    for storey in range(1, flats.floors):
        y = 1 + storey * flats.floor_height
        row = model.grid[x : x + flats.size[0], y, z - 1]
        assert np.all(row == model.material_index("grey_concrete"))
    assert not model.grid[x : x + flats.size[0], 1, z - 1].any()


def test_gabled_roof_rises_to_a_ridge_along_the_long_side() -> None:
    estate = estate_with(
        {"type": "flats", "at": [4, 4], "size": [20, 9], "floors": 2, "roof_shape": "gabled",
         "roof": "roof_tiles", "facade": "brick"}
    )  # fmt: skip
    flats = estate.features[0]
    model = generate(estate)
    ceiling = 1 + flats.floors * flats.floor_height
    ridge_y = ceiling + (flats.size[1] + 1) // 2 - 1
    ridge_z = flats.at[1] + flats.size[1] // 2
    middle_x = flats.at[0] + flats.size[0] // 2
    assert at(model, middle_x, ridge_y, ridge_z) == "roof_tiles"
    assert at(model, middle_x, ridge_y + 1, ridge_z) == "air"
    assert at(model, flats.at[0], ceiling + 1, ridge_z) == "brick"  # gable end
    assert at(model, middle_x, ceiling + 1, flats.at[1]) == "air"  # eaves slope away


def test_row_houses_have_one_door_each_and_alternating_facades() -> None:
    estate = estate_with(
        {"type": "row_houses", "at": [2, 10], "size": [30, 6], "houses": 5, "front": "south",
         "facades": ["brick", "yellow_brick"], "garden_depth": 4}
    )  # fmt: skip
    row = estate.features[0]
    assert isinstance(row, RowHouses)
    model = generate(estate)
    front_z = row.at[1] + row.size[1] - 1
    front = model.grid[row.at[0] : row.at[0] + row.size[0], 2, front_z]
    doors = glass_runs(front == model.material_index("dark_wood"))
    assert len(doors) == row.houses
    width = row.size[0] // row.houses
    for house in range(row.houses):
        corner = row.at[0] + house * width
        assert at(model, corner, 1, row.at[1]) == row.facades[house % len(row.facades)]
    assert at(model, row.at[0], 1, row.at[1] - row.garden_depth) == "hedge"


def test_common_house_names_itself_on_a_sign_at_its_front() -> None:
    estate = estate_with(
        {"type": "common_house", "at": [5, 5], "size": [14, 8], "sign": ["Fælleshuset"]}
    )
    house = estate.features[0]
    assert isinstance(house, CommonHouse)
    model = generate(estate)
    (sign,) = model.signs
    assert sign.lines == ("Fælleshuset",)
    assert (sign.x, sign.z) == (house.at[0] + house.size[0] // 2, house.at[1] + house.size[1])
    assert at(model, sign.x, sign.y, sign.z) == "sign"


def test_reuse_station_has_one_container_per_colour_inside_its_fence() -> None:
    colours = ["green_panel", "blue_panel", "yellow_panel"]
    estate = estate_with(
        {"type": "reuse_station", "at": [4, 4], "size": [20, 16], "containers": colours,
         "sign": ["Genbrug"]}
    )  # fmt: skip
    station = estate.features[0]
    assert isinstance(station, ReuseStation)
    model = generate(estate)
    x, z = station.at
    w, d = station.size
    yard = model.grid[x : x + w, 1:3, z : z + d]
    for colour in colours:
        assert np.count_nonzero(yard == model.material_index(colour)) == 2 * 2 * 2
    assert at(model, x, 1, z + d // 2) == "fence"
    assert at(model, x + w // 2, 1, z + d - 1) == "air"  # the gate in the south fence
    assert [s.lines for s in model.signs] == [("Genbrug",)]
