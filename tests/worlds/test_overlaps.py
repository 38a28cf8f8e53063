"""Buildings, plots and sites that would break each other are refused at their line;
overlaps that real estates have come back as warnings (issue 11, point 13)."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

from worlds.catalog import estate_ids, estate_warnings, load_estate
from worlds.datafile import DataFileError, Problem
from worlds.language import _, using_language
from worlds.overlaps import KIND_NAMES
from worlds.schema import FEATURE_TYPES

HEADER = """\
id: proeve
name: {da: Prøve, en: Trial}
origin: {da: Opfundet, en: Invented}
size: [60, 40]
"""

SITE = """\
sites:
  - id: leg
    name: {da: Leg, en: Play}
    at: [40, 20]
    size: [10, 10]
    default: sand
    variants:
      - id: sand
        name: {da: Sand, en: Sand}
"""


def problems(tmp_path: Path, text: str) -> list[Problem]:
    path = tmp_path / "proeve.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_estate(path)
    return caught.value.problems


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_overlapping_buildings_are_refused_at_the_second(tmp_path: Path) -> None:
    text = HEADER + (
        "features:\n"
        "  - {type: flats, id: a, at: [2, 2], size: [20, 8], floors: 2}\n"
        "  - {type: common_house, at: [15, 6], size: [10, 8]}\n"
    )
    (problem,) = problems(tmp_path, text)
    assert problem.line == line_of(text, "[15, 6]") and problem.field == "features[1].at"
    assert "overlaps flats 'a'" in problem.message and "x 15..21, z 6..9" in problem.message


def test_balconies_into_a_neighbour_are_refused(tmp_path: Path) -> None:
    text = HEADER + (
        "features:\n"
        "  - {type: flats, id: a, at: [2, 2], size: [20, 8], floors: 2,\n"
        "     balconies: {sides: [south], depth: 2}}\n"
        "  - {type: flats, id: b, at: [2, 11], size: [20, 8], floors: 2}\n"
    )
    (problem,) = problems(tmp_path, text)
    assert problem.field == "features[1].at"
    assert "balconies, gardens, eaves or stair towers of flats 'a' reach into" in problem.message


def test_wings_of_an_l_that_touch_are_one_building_and_load(tmp_path: Path) -> None:
    path = tmp_path / "proeve.yaml"
    path.write_text(HEADER + (
        "features:\n"
        "  - type: flats\n    floors: 3\n    wings:\n"
        "      - {at: [2, 2], size: [30, 8]}\n"
        "      - {at: [2, 10], size: [8, 20], floors: 2}\n"
        "  - {type: lawn, at: [12, 12], size: [18, 18]}\n"
    ))  # fmt: skip
    estate = load_estate(path)
    assert estate.features[0].body().count() == 30 * 8 + 8 * 20


def test_a_building_in_a_site_is_refused(tmp_path: Path) -> None:
    text = HEADER + "features:\n  - {type: flats, at: [35, 22], size: [8, 6], floors: 2}\n" + SITE
    (problem,) = problems(tmp_path, text)
    assert problem.field == "features[0].at" and problem.line == line_of(text, "[35, 22]")
    assert "stands partly in site 'leg' (x 40..42, z 22..27)" in problem.message


def test_a_plot_in_a_building_over_a_site_and_over_a_plot_is_refused(tmp_path: Path) -> None:
    text = HEADER + "features:\n  - {type: flats, id: a, at: [2, 2], size: [20, 8], floors: 2}\n"
    text += SITE + (
        "plots:\n"
        "  - {id: p1, name: {da: En, en: One}, at: [4, 4], size: [6, 6]}\n"
        "  - {id: p2, name: {da: To, en: Two}, at: [38, 18], size: [6, 6]}\n"
        "  - {id: p3, name: {da: Tre, en: Three}, at: [25, 20], size: [6, 6]}\n"
        "  - {id: p4, name: {da: Fire, en: Four}, at: [28, 22], size: [6, 6]}\n"
    )
    found = {(p.field, p.line): p.message for p in problems(tmp_path, text)}
    assert "its border and sign would be buried" in found["plots[0].at", line_of(text, "[4, 4]")]
    assert "overlaps site 'leg'" in found["plots[1].at", line_of(text, "[38, 18]")]
    assert "overlaps plot 'p3'" in found["plots[3].at", line_of(text, "[28, 22]")]
    assert len(found) == 3


def test_touching_gardens_and_a_tree_in_a_plot_are_warnings(tmp_path: Path) -> None:
    path = tmp_path / "proeve.yaml"
    text = HEADER + (
        "features:\n"
        "  - {type: row_houses, at: [2, 2], size: [24, 6], houses: 4, front: north,\n"
        "     garden_depth: 4}\n"
        "  - {type: row_houses, at: [2, 12], size: [24, 6], houses: 4, front: south,\n"
        "     garden_depth: 4}\n"
        "  - {type: trees, points: [[40, 5]]}\n"
        "plots:\n"
        "  - {id: p1, name: {da: En, en: One}, at: [38, 2], size: [8, 8]}\n"
    )
    path.write_text(text, encoding="utf-8")
    load_estate(path)  # valid: these are warnings
    warnings = estate_warnings(path)
    assert [w.field for w in warnings] == ["features[1].at", "plots[0].at"]
    assert warnings[0].line == line_of(text, "[2, 12]")
    assert "meet those of the row houses at features[0]" in warnings[0].message
    assert "holds the trees at features[2]" in warnings[1].message
    assert str(warnings[1]).startswith(f"{path}:{line_of(text, '[38, 2]')}:")


@pytest.mark.parametrize("estate_id", estate_ids())
def test_shipped_estates_have_no_overlap_errors(estate_id: str) -> None:
    estate = load_estate(estate_id)
    assert not estate.consistency_issues()


def test_every_feature_type_has_a_name_in_both_languages(tmp_path: Path) -> None:
    """Overlap messages name a feature by its type ("the bike shed", "cykelskuret"): every
    type in the schema has its name, and the Danish one reads in a message."""
    types = {get_args(kind.model_fields["type"].annotation)[0] for kind in FEATURE_TYPES}
    assert set(KIND_NAMES) == types
    text = HEADER + (
        "features:\n"
        "  - {type: bike_shed, at: [2, 2], size: [6, 3]}\n"
        "  - {type: carport, at: [4, 3], size: [8, 5]}\n"
    )
    with using_language("da"):
        assert all(_(name) != name for name in KIND_NAMES.values()), "a name lacks its Danish"
        (problem,) = problems(tmp_path, text)
    assert "overlapper cykelskuret ved features[0]" in problem.message
