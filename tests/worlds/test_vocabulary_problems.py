"""Broken uses of the richer vocabulary: each gives one problem at its line and field,
with what to do, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from worlds.catalog import load_estate
from worlds.datafile import DataFileError

HEADER = """\
id: proeve
name: {da: Prøve, en: Trial}
origin: {da: Opfundet, en: Invented}
size: [60, 40]
"""

CASES = [
    (  # two ways of giving the ground plan
        "features:\n  - {type: flats, at: [2, 2], size: [10, 8], floors: 2,\n"
        "     outline: [[2, 2], [12, 2], [12, 10]]}\n",
        "[2, 2], size",
        "features[0].at",
        "give the building's ground plan one way",
    ),
    (
        "features:\n  - {type: flats, shape: courtyard, at: [2, 2], size: [20, 20], floors: 2,\n"
        "     wing_depth: 10}\n",
        "10}",
        "features[0].wing_depth",
        "needs a size of at least 21 each way",
    ),
    (
        "features:\n  - {type: flats, outline: [[2, 2], [5, 2], [2, 5]], floors: 2}\n",
        "[[2, 2]",
        "features[0].outline",
        "at least 9 cells",
    ),
    (
        "features:\n  - {type: flats, at: [2, 10], size: [20, 8], floors: 2,\n"
        "     stair_towers: [{side: north, offset: 18}]}\n",
        "18}",
        "features[0].stair_towers[0].offset",
        "north wall is 20 long",
    ),
    (
        "features:\n  - {type: flats, floors: 2, wings: [{at: [2, 2], size: [8, 8]},\n"
        "     {at: [14, 2], size: [8, 8]}], staircases: [{side: south, offset: 9}]}\n",
        "9}",
        "features[0].staircases[0].offset",
        "there is no south wall at offset 9",
    ),
    (
        "features:\n  - {type: flats, at: [2, 2], size: [20, 8], floors: 2, roof_shape: hiped}\n",
        "hiped",
        "features[0].roof_shape",
        "'hipped'",
    ),
    (
        "features:\n  - {type: flats, at: [2, 2], size: [20, 8], floors: 2,\n"
        "     stair_tower: [{side: north, offset: 4}]}\n",
        "stair_tower:",
        "features[0].stair_tower",
        "did you mean 'stair_towers'?",
    ),
    (
        "features:\n  - {type: flats, at: [2, 2], size: [20, 8], floors: 2,\n"
        "     common_room: {side: south, offset: 8, length: 12}}\n",
        "8, length",
        "features[0].common_room.offset",
        "offset + length must be at most 19",
    ),
    (
        "features:\n  - {type: pond, at: [2, 2], size: [8, 6], depth: 2}\n",
        "2}",
        "features[0].depth",
        "make it at most 1 deep, or raise the land",
    ),
    (
        "terrain:\n  terraces:\n    - {at: [50, 30], size: [20, 5], height: 2}\n",
        "[50, 30]",
        "terrain.terraces[0].at",
        "reaches outside the estate",
    ),
    (
        "terrain:\n  height_map:\n    rows: [[0, 1], [0]]\n",
        "[[0, 1]",
        "terrain.height_map.rows",
        "as many values as the first",
    ),
    (
        "features:\n  - {type: ball_court, at: [2, 2], size: [8, 5]}\n",
        "[2, 2]",
        "features[0].size",
        "at least 10 × 6",
    ),
    (
        "features:\n  - {type: bin_enclosure, at: [2, 2], size: [5, 3],\n"
        "     bins: [green_panel, blue_panel, red_panel]}\n",
        "[green_panel",
        "features[0].bins",
        "3 bins need an enclosure 7 long",
    ),
    (
        "features:\n  - {type: bike_shd, at: [2, 2], size: [8, 3]}\n",
        "bike_shd",
        "features[0].type",
        "did you mean 'bike_shed'?",
    ),
    (
        "features:\n  - type: playground\n    at: [2, 2]\n    size: [10, 10]\n"
        "    equipment: [{kind: trampolin, at: [3, 3]}]\n",
        "trampolin",
        "features[0].equipment[0].kind",
        "'trampoline'",
    ),
    (
        "features:\n  - {type: path, points: [[0, 5], [20, 9]]}\n",
        "[20, 9]",
        "features[0].points[1]",
        "angle: free",
    ),
    (
        "features:\n  - {type: flats, at: [2, 2], size: [20, 8], floors: 2,\n"
        "     entrances: [{side: south, offset: 4, ramp: yes please}]}\n",
        "yes please",
        "features[0].entrances[0].ramp",
        "bool",
    ),
]


@pytest.mark.parametrize(("body", "needle", "field", "words"), CASES)
def test_a_broken_element_is_one_problem_at_its_place(
    tmp_path: Path, body: str, needle: str, field: str, words: str | None
) -> None:
    text = HEADER + body
    path = tmp_path / "proeve.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_estate(path)
    (problem,) = caught.value.problems
    assert problem.field == field, problem
    assert problem.line == text[: text.index(needle)].count("\n") + 1, problem
    if words is not None:
        assert words in problem.message, problem
