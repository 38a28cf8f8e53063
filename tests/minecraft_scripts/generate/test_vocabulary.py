"""Each element of the richer estate vocabulary stands where the file says, voxel by voxel,
in small cases worked out by hand."""

from __future__ import annotations

import yaml

from minecraft_scripts.generate import generate
from minecraft_scripts.voxels import VoxelModel
from worlds.schema import Estate


def estate_with(*features: dict, size=(40, 40), **extra) -> Estate:
    document = {
        "id": "proeve",
        "name": {"da": "Prøve", "en": "Trial"},
        "origin": {"da": "Opfundet", "en": "Invented"},
        "size": list(size),
        "features": list(features),
        **extra,
    }
    return Estate.model_validate(yaml.safe_load(yaml.safe_dump(document)))


def column(model: VoxelModel, x: int, z: int) -> list[str]:
    """Materials from the ground up, trailing air dropped."""
    names = [model.materials[i] for i in model.grid[x, :, z]]
    while names and names[-1] == "air":
        names.pop()
    return names


def top(model: VoxelModel, x: int, z: int) -> int:
    return len(column(model, x, z)) - 1


PLAIN = {"windows": None, "facade": "brick", "roof": "roof_felt"}


def test_an_l_has_two_wings_of_their_own_height_and_an_open_corner() -> None:
    """North wing 20 × 6 with 4 storeys (ceiling y = 13), west wing below it with 2 (y = 7);
    the south-east of the outer rectangle stays open."""
    model = generate(
        estate_with(
            {
                "type": "flats",
                "shape": "l",
                "at": [2, 2],
                "size": [20, 16],
                "wing_depth": 6,
                "wing_floors": [4, 2],
                "floors": 3,
                **PLAIN,
            }
        )
    )
    assert top(model, 10, 4) == 13 and column(model, 10, 4)[13] == "roof_felt"
    assert top(model, 10, 2) == 14  # the parapet along the north wing's edge
    assert column(model, 4, 12)[7] == "roof_felt" and top(model, 4, 12) == 7
    assert top(model, 15, 12) == 0  # the open corner is ground only
    assert column(model, 5, 7)[8:13] == ["brick"] * 5  # north wing's wall above the low roof


def test_a_courtyard_block_leaves_its_courtyard_open() -> None:
    model = generate(
        estate_with(
            {
                "type": "flats",
                "shape": "courtyard",
                "at": [2, 2],
                "size": [20, 20],
                "wing_depth": 5,
                "floors": 2,
                **PLAIN,
            }
        )
    )
    assert top(model, 12, 12) == 0
    for x, z in ((2, 12), (21, 12), (12, 2), (12, 21), (6, 12), (17, 12)):
        assert column(model, x, z)[1:7] == ["brick"] * 6  # outer and courtyard walls
    assert column(model, 12, 4)[3] == "air"  # a room inside the north wing


def test_an_outline_takes_the_cells_whose_centres_lie_inside() -> None:
    """A right triangle with legs of 10: a cell is in if x + z + 1 < 10 (its centre inside)."""
    model = generate(estate_with({"type": "flats", "outline": [[0, 0], [10, 0], [0, 10]],
                                  "floors": 1, **PLAIN}))  # fmt: skip
    inside = {(x, z) for x in range(12) for z in range(12) if top(model, x, z) > 0}
    assert inside == {(x, z) for x in range(10) for z in range(10) if x + z + 1 < 10}


def test_a_hipped_roof_rises_from_every_eave_to_a_point() -> None:
    """On a 9 × 9 house with one storey (ceiling y = 4) the roof rises one a cell from each
    edge: y = 4 at the eaves, 8 over the middle."""
    model = generate(estate_with({"type": "flats", "at": [5, 5], "size": [9, 9], "floors": 1,
                                  "roof_shape": "hipped", **PLAIN}))  # fmt: skip
    for distance in range(5):
        assert top(model, 5 + distance, 9) == 4 + distance
        assert top(model, 9, 5 + distance) == 4 + distance
    assert top(model, 5, 5) == 4


def test_a_single_pitch_roof_rises_towards_its_high_side() -> None:
    """12 deep, rising north: one block up for every three cells, 0 at the south eave."""
    model = generate(estate_with({"type": "flats", "at": [5, 5], "size": [10, 12], "floors": 1,
                                  "roof_shape": "single_pitch", "roof_rises_towards": "north",
                                  **PLAIN}))  # fmt: skip
    rises = [top(model, 9, 16 - v) - 4 for v in range(12)]
    assert rises == [v // 3 for v in range(12)]


def test_an_overhang_lowers_the_eaves_past_the_walls() -> None:
    """Gabled, overhang 1: the roof reaches one cell past the long walls, one block lower."""
    model = generate(
        estate_with(
            {
                "type": "flats",
                "at": [5, 5],
                "size": [12, 7],
                "floors": 1,
                "roof_shape": "gabled",
                "roof_overhang": 1,
                **PLAIN,
            }
        )
    )
    assert column(model, 10, 4) == ["grass", "air", "air", "roof_felt"]  # eave at y = 3
    assert column(model, 10, 5)[4] == "roof_felt"  # the wall line at the ceiling
    assert column(model, 4, 8)[-1] == "roof_felt"  # the verge over the gable end


def test_a_ground_floor_of_its_own_and_a_staircase_window_strip() -> None:
    building = {"type": "flats", "at": [2, 2], "size": [20, 8], "floors": 3, "facade": "plaster",
                "ground_floor": {"facade": "brick", "windows": None},
                "windows": {"width": 2, "spacing": 4},
                "staircases": [{"side": "south", "offset": 9}]}  # fmt: skip
    model = generate(estate_with(building))
    south = 9
    assert column(model, 4, south)[1:4] == ["brick"] * 3  # no windows on the ground floor
    assert "glass" in column(model, 4, south)[4:7] and column(model, 4, south)[4] == "plaster"
    strip = column(model, 11, south)
    assert strip[5:9] == ["glass"] * 4  # from above the door's canopy to under the roof
    assert strip[2:4] == ["dark_wood"] * 2  # its door


def test_a_gallery_on_one_side_and_balconies_on_the_other() -> None:
    building = {
        "type": "flats",
        "at": [4, 4],
        "size": [20, 8],
        "floors": 3,
        **PLAIN,
        "balconies": [
            {"sides": ["north"], "gallery": True, "depth": 1},
            {"sides": ["south"], "width": 2, "spacing": 6, "depth": 1},
        ],
    }
    model = generate(estate_with(building))
    gallery = model.grid[4:24, 4, 3] == model.material_index("light_grey_concrete")
    assert gallery.all()  # storey 2's slab (y = 4) along the whole north wall
    south = model.grid[4:24, 4, 12] == model.material_index("light_grey_concrete")
    assert 0 < south.sum() < 20


def test_a_stair_tower_stands_out_a_storey_higher_with_its_door() -> None:
    building = {
        "type": "flats",
        "at": [4, 4],
        "size": [20, 8],
        "floors": 2,
        **PLAIN,
        "stair_towers": [{"side": "south", "offset": 8, "width": 4, "depth": 3}],
    }
    model = generate(estate_with(building))
    ceiling = 1 + 2 * 3
    assert column(model, 12, 14)[1 : ceiling + 3] == ["brick"] * (ceiling + 2)  # tower corner
    assert top(model, 12, 14) == ceiling + 3  # its roof, a storey above the ceiling
    assert column(model, 14, 14)[2:4] == ["dark_wood"] * 2  # the door in its outer wall


def test_a_ramp_leads_from_the_door_down_in_half_blocks() -> None:
    building = {
        "type": "flats",
        "at": [4, 4],
        "size": [20, 8],
        "floors": 2,
        **PLAIN,
        "entrances": [{"side": "south", "offset": 8, "ramp": True, "canopy": None}],
    }
    model = generate(estate_with(building))
    door_x, wall_z = 12, 11
    assert [column(model, door_x, wall_z + v)[1] for v in (1, 2, 3)] == [
        "paving_stones", "ramp_slab", "ramp_slab"]  # fmt: skip
    assert column(model, door_x - 1, wall_z + 2)[1:3] == ["metal", "metal"]  # a railing
    assert top(model, door_x, wall_z + 4) == 0


def test_a_common_room_has_a_glass_front_a_door_and_a_sign() -> None:
    building = {"type": "flats", "at": [4, 4], "size": [24, 8], "floors": 3, **PLAIN,
                "common_room": {"side": "south", "offset": 4, "length": 10,
                                "sign": ["Beboerhus"]}}  # fmt: skip
    model = generate(estate_with(building))
    front = [column(model, x, 11)[2] for x in range(8, 18)]
    assert front.count("glass") == 8 and front.count("dark_wood") == 2
    (sign,) = model.signs
    assert sign.lines == ("Beboerhus",) and (sign.x, sign.z) == (12, 12)


def test_terrain_raises_the_ground_and_buildings_stand_level_on_a_plinth() -> None:
    estate = estate_with(
        {"type": "flats", "at": [2, 10], "size": [10, 8], "floors": 1, **PLAIN},
        {"type": "lawn", "at": [20, 0], "size": [10, 20]},
        terrain={
            "slopes": [
                {"at": [0, 0], "size": [40, 20], "rises_towards": "north", "low": 0, "high": 19}
            ]
        },
    )
    model = generate(estate)
    assert column(model, 25, 19) == ["grass"] and top(model, 25, 0) == 19
    assert column(model, 25, 5)[:14] == ["soil"] * 14 and column(model, 25, 5)[14] == "grass"
    assert column(model, 2, 17)[:3] == ["soil", "soil", "grass"]  # low corner of the house
    assert column(model, 2, 17)[3:10] == ["stone"] * 7  # plinth up to the highest ground, 9
    assert column(model, 2, 10)[9] == "grass" and column(model, 2, 10)[10:13] == ["brick"] * 3


def test_a_pond_digs_water_into_raised_ground() -> None:
    estate = estate_with(
        {
            "type": "pond",
            "at": [5, 5],
            "size": [10, 6],
            "depth": 2,
            "shape": "rectangle",
            "shore": None,
        },
        terrain={"terraces": [{"at": [0, 0], "size": [40, 40], "height": 2}]},
    )
    model = generate(estate)
    assert column(model, 8, 8) == ["sand", "water", "water"] and column(model, 4, 8)[2] == "grass"


def test_an_oval_pond_leaves_its_corners_to_the_shore() -> None:
    model = generate(estate_with({"type": "pond", "at": [5, 5], "size": [10, 6]}))
    assert column(model, 10, 8) == ["water"] and column(model, 5, 5) == ["sand"]


def test_a_free_path_runs_along_a_diagonal() -> None:
    model = generate(
        estate_with(
            {
                "type": "path",
                "points": [[0, 0], [20, 20]],
                "width": 1,
                "angle": "free",
                "material": "paving_stones",
            }
        )
    )
    paved = {(x, z) for x in range(40) for z in range(40)
             if column(model, x, z) == ["paving_stones"]}  # fmt: skip
    assert {(i, i) for i in range(20)} <= paved
    assert all(abs(x - z) <= 1 for x, z in paved) and (5, 8) not in paved


def test_a_ramp_path_puts_half_blocks_on_every_rise() -> None:
    estate = estate_with(
        {"type": "path", "points": [[10, 0], [10, 39]], "width": 1, "ramp": True},
        terrain={
            "slopes": [
                {"at": [0, 10], "size": [40, 4], "rises_towards": "north", "low": 0, "high": 3}
            ]
        },
    )
    model = generate(estate)
    for z in (11, 12, 13):  # ground 2, 1, 0: each cell below a one-block rise gets a slab
        assert column(model, 10, z)[-1] == "ramp_slab" and top(model, 10, z) == 14 - z
    assert column(model, 10, 10)[-1] == "gravel_path" and column(model, 10, 20) == ["gravel_path"]


def test_bike_shed_carport_and_bin_enclosure() -> None:
    model = generate(estate_with(
        {"type": "bike_shed", "at": [2, 2], "size": [8, 4]},
        {"type": "carport", "at": [12, 2], "size": [8, 6], "cars": 1},
        {"type": "bin_enclosure", "at": [22, 2], "size": [9, 3], "bins": ["green_panel"]},
    ))  # fmt: skip
    assert column(model, 4, 3)[3] == "green_roof" and column(model, 2, 2)[1:3] == ["metal"] * 2
    assert column(model, 4, 2)[1:3] == ["metal", "metal"]  # the back wall, opposite the open side
    assert column(model, 15, 4)[0] == "asphalt" and column(model, 13, 3)[1] in {
        "red_panel", "blue_panel", "white_concrete", "grey_concrete"}  # fmt: skip
    assert (
        column(model, 22, 3)[1:3] == ["wood", "wood"] and column(model, 23, 3)[1] == "green_panel"
    )


def test_a_ball_court_has_lines_goals_and_a_fence() -> None:
    model = generate(estate_with({"type": "ball_court", "at": [2, 2], "size": [20, 10]}))
    assert column(model, 10, 2)[1:3] == ["fence", "fence"]
    assert column(model, 10, 3) == ["road_marking"] and column(model, 10, 5) == ["asphalt"]
    assert column(model, 12, 7) == ["road_marking"]  # the halfway line, across the long way
    assert column(model, 3, 6)[1:3] == ["metal", "metal"]  # a goal post on the west line
    assert column(model, 3, 7) == ["road_marking", "air", "metal"]  # under the crossbar


def test_trampoline_and_balance_beam() -> None:
    model = generate(
        estate_with(
            {
                "type": "playground",
                "at": [2, 2],
                "size": [12, 10],
                "equipment": [
                    {"kind": "trampoline", "at": [3, 3]},
                    {"kind": "balance_beam", "at": [3, 8]},
                ],
            }
        )
    )
    assert column(model, 3, 3) == ["sand", "metal"] and column(model, 4, 4) == ["sand", "slate"]
    assert [column(model, x, 8) for x in range(3, 8)] == [["sand", "wood"]] * 5
