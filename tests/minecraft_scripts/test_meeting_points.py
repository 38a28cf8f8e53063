"""Where the teacher sends the class: a spot a player can stand on, in front of the common
house's door (or where the estate says), and one in each plot."""

import numpy as np

from minecraft_scripts.generate import generate
from minecraft_scripts.meeting_points import free_spot, meeting_points
from minecraft_scripts.voxels import VoxelModel
from worlds.building_features import CommonHouse
from worlds.catalog import load_estate


def _standable(model: VoxelModel, point: tuple[float, float, float]) -> bool:
    """Ground under the feet, air for the feet and the head."""
    x, y, z = int(point[0]), int(point[1]), int(point[2])
    air = model.material_index("air")
    return model.grid[x, y - 1, z] != air and model.grid[x, y, z] == air == model.grid[x, y + 1, z]


def test_the_class_meets_in_front_of_the_common_house_and_each_group_in_its_plot() -> None:
    estate = load_estate("gogeurtgaarden")
    model = generate(estate)
    points = meeting_points(estate, model)
    house = next(f for f in estate.features if isinstance(f, CommonHouse)).outer()
    x, _y, z = points.meeting
    assert _standable(model, points.meeting)
    assert not (house.x1 <= x <= house.x2 and house.z1 <= z <= house.z2)  # outside its walls
    assert min(abs(x - house.x1), abs(x - house.x2), abs(z - house.z1), abs(z - house.z2)) < 6
    for plot in estate.plots:
        area, spot = plot.footprint(), points.plots[plot.id]
        assert area.x1 <= spot[0] <= area.x2 + 1 and area.z1 <= spot[2] <= area.z2 + 1
        assert _standable(model, spot)


def test_a_meeting_point_the_estate_names_wins() -> None:
    estate = load_estate("gogeurtgaarden").model_copy(update={"meeting_point": (3, 3)})
    points = meeting_points(estate, generate(estate))
    assert abs(points.meeting[0] - 3.5) <= 2 and abs(points.meeting[2] - 3.5) <= 2


def test_nobody_is_put_inside_a_wall() -> None:
    model = VoxelModel.empty((9, 6, 9), ["air", "stone"])
    model.grid[:, 0, :] = model.material_index("stone")
    model.grid[3:6, 1:4, 3:6] = model.material_index("stone")  # a block where we aim
    spot = free_spot(model, np.zeros((9, 9), dtype=np.int16), (4, 4))
    assert _standable(model, spot)
    assert (int(spot[0]), int(spot[2])) in {(2, 4), (4, 2), (6, 4), (4, 6)}  # the nearest
