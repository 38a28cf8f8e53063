"""Ground features and details land where the estate file puts them."""

from __future__ import annotations

import numpy as np
import yaml

from minecraft_scripts.generate import generate
from minecraft_scripts.voxels import VoxelModel
from worlds.schema import Estate


def estate_with(*features: dict, plots: list[dict] | None = None) -> Estate:
    document = {
        "id": "proeve",
        "name": {"da": "Prøve", "en": "Trial"},
        "origin": {"da": "Opfundet", "en": "Invented"},
        "size": [40, 40],
        "ground": "grass",
        "features": list(features),
        "plots": plots or [],
    }
    return Estate.model_validate(yaml.safe_load(yaml.safe_dump(document)))


def ground(model: VoxelModel, material: str) -> np.ndarray:
    return model.grid[:, 0, :] == model.material_index(material)


def test_a_path_covers_each_leg_and_its_corner_and_nothing_else() -> None:
    points = [[2, 3], [20, 3], [20, 30]]
    estate = estate_with({"type": "path", "points": points, "width": 3, "material": "gravel_path"})
    path = estate.features[0]
    model = generate(estate)
    expected = np.zeros((40, 40), dtype=bool)
    (x1, z1), (x2, _), (_, z3) = path.points
    expected[x1 : x2 + 1, z1 : z1 + path.width] = True
    expected[x2 : x2 + path.width, z1 : z3 + 1] = True
    assert np.array_equal(ground(model, "gravel_path"), expected)


def test_road_markings_are_dashed_along_the_centre() -> None:
    estate = estate_with({"type": "road", "points": [[0, 10], [39, 10]], "width": 5})
    road = estate.features[0]
    model = generate(estate)
    centre = road.points[0][1] + road.width // 2
    marked = ground(model, "road_marking")
    assert set(np.flatnonzero(marked.any(axis=0))) == {centre}
    dashes = marked[:, centre]
    assert 0 < dashes.sum() < len(dashes)
    assert np.all(ground(model, "asphalt")[:, road.points[0][1]])


def test_trees_stand_on_their_points_with_steady_heights() -> None:
    points = [[5, 5], [15, 5], [25, 5], [35, 5]]
    estate = estate_with({"type": "trees", "points": points, "height": 7})
    trees = estate.features[0]
    model, again = generate(estate), generate(estate)
    assert np.array_equal(model.grid, again.grid)
    tops = []
    for x, z in trees.points:
        trunk = np.flatnonzero(model.grid[x, :, z] == model.material_index("tree_trunk"))
        leaves = np.flatnonzero(model.grid[x, :, z] == model.material_index("leaves"))
        assert list(trunk) == list(range(1, trunk[-1] + 1))
        assert list(leaves) == list(range(trunk[-1] + 1, leaves[-1] + 1))
        tops.append(int(leaves[-1]))
    assert all(trees.height - 1 <= top <= trees.height + 1 for top in tops)


def test_a_lawn_border_has_gaps_to_walk_through() -> None:
    estate = estate_with({"type": "lawn", "at": [4, 4], "size": [20, 12], "border": "hedge"})
    lawn = estate.features[0]
    model = generate(estate)
    x1, z1 = lawn.at
    north_row = model.grid[x1 : x1 + lawn.size[0], 1, z1] == model.material_index("hedge")
    assert 0 < north_row.sum() < lawn.size[0]


def test_parking_bays_are_marked_and_cars_parked_as_asked() -> None:
    estate = estate_with(
        {"type": "parking", "at": [2, 2], "size": [30, 15], "cars": 3, "bay_width": 3}
    )
    parking = estate.features[0]
    model = generate(estate)
    x, z = parking.at
    w, d = parking.size
    assert ground(model, "road_marking")[x : x + w, z : z + d].any()
    cabins = model.grid[x : x + w, 2, z : z + d] == model.material_index("glass")
    columns = np.concatenate([[0], cabins.any(axis=1).astype(int), [0]])
    cars_side_by_side = np.count_nonzero(np.diff(columns) == 1)
    assert cars_side_by_side == parking.cars


def test_allotment_beds_alternate_crops_inside_a_fence() -> None:
    estate = estate_with(
        {"type": "allotments", "at": [2, 2], "size": [30, 20], "bed": [4, 5],
         "crops": ["crops", "flowers"]}
    )  # fmt: skip
    allotments = estate.features[0]
    model = generate(estate)
    x, z = allotments.at
    layer = model.grid[x : x + allotments.size[0], 1, z : z + allotments.size[1]]
    assert (layer == model.material_index("crops")).any()
    assert (layer == model.material_index("flowers")).any()
    assert model.material_at(x, 1, z + 3) == "fence"


def test_a_plot_is_framed_in_the_ground_and_signed_with_its_name() -> None:
    plot = {"id": "gruppe_1", "name": {"da": "Gruppe 1", "en": "Group 1"}, "at": [5, 6],
            "size": [8, 7], "border": "paving_stones"}  # fmt: skip
    estate = estate_with(plots=[plot])
    model = generate(estate)
    (x, z), (w, d) = plot["at"], plot["size"]
    border = ground(model, "paving_stones")
    assert border[x : x + w, z].all() and border[x, z : z + d].all()
    assert not border[x + 1 : x + w - 1, z + 1 : z + d - 1].any()
    assert not model.grid[x + 1 : x + w, 1:, z + 1 : z + d].any()
    (sign,) = model.signs
    assert (sign.x, sign.y, sign.z, sign.lines) == (x, 1, z, ("Gruppe 1",))


def test_a_raised_sign_stands_on_a_post() -> None:
    estate = estate_with({"type": "sign", "at": [3, 4], "lines": ["Velkommen"], "height": 3})
    sign = estate.features[0]
    model = generate(estate)
    x, z = sign.at
    assert [model.material_at(x, y, z) for y in range(1, sign.height + 1)] == [
        *["fence"] * (sign.height - 1),
        "sign",
    ]
    assert model.signs[0].lines == ("Velkommen",)


def test_playground_equipment_stays_on_the_playground() -> None:
    estate = estate_with(
        {"type": "playground", "at": [5, 5], "size": [20, 14], "fence": "fence",
         "equipment": [{"kind": "swing", "at": [7, 7]}, {"kind": "slide", "at": [15, 7]},
                       {"kind": "seesaw", "at": [7, 15]},
                       {"kind": "climbing_frame", "at": [19, 12]}]}
    )  # fmt: skip
    playground = estate.features[0]
    model = generate(estate)
    x, z = playground.at
    w, d = playground.size
    outside = model.grid[:, 1:, :].copy()
    outside[x : x + w, :, z : z + d] = 0
    assert not outside.any()
    assert (model.grid[x : x + w, 1:, z : z + d] == model.material_index("metal")).sum() > 10
