"""Broken estate files give problems at the right line, column and field, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from worlds import catalog
from worlds.catalog import load_estate
from worlds.datafile import DataFileError, Problem

HEADER = """\
id: proeve
name: {da: Prøve, en: Trial}
origin: {da: Opfundet, en: Invented}
size: [40, 30]
"""


def position_of(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based line and column of the n-th occurrence of ``needle``."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def problems_in(tmp_path: Path, text: str) -> list[Problem]:
    path = tmp_path / "proeve.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_estate(path)
    assert all(problem.file == str(path) for problem in caught.value.problems)
    return caught.value.problems


def only_problem(tmp_path: Path, text: str) -> Problem:
    problems = problems_in(tmp_path, text)
    assert len(problems) == 1, problems
    return problems[0]


def assert_at(problem: Problem, text: str, needle: str, field: str) -> None:
    assert (problem.line, problem.column) == position_of(text, needle), problem
    assert problem.field == field


def test_a_valid_minimal_estate_loads(tmp_path: Path) -> None:
    path = tmp_path / "proeve.yaml"
    path.write_text(HEADER)
    assert load_estate(path).size == (40, 30)


def test_unknown_feature_type_suggests_the_right_one(tmp_path: Path) -> None:
    text = HEADER + "features:\n  - type: flat\n    at: [1, 1]\n    size: [10, 5]\n"
    problem = only_problem(tmp_path, text)
    assert_at(problem, text, "flat\n", "features[0].type")
    assert "did you mean 'flats'?" in problem.message


def test_misspelled_key_points_at_the_key(tmp_path: Path) -> None:
    text = HEADER + "features:\n  - type: flats\n    at: [1, 1]\n    size: [10, 5]\n    flors: 3\n"
    problems = problems_in(tmp_path, text)
    misspelled = next(p for p in problems if p.field == "features[0].flors")
    assert (misspelled.line, misspelled.column) == position_of(text, "flors")
    assert "did you mean 'floors'?" in misspelled.message
    missing = next(p for p in problems if p.field == "features[0].floors")
    assert (missing.line, missing.column) == position_of(text, "type: flats")


def test_unknown_material_suggests_the_closest(tmp_path: Path) -> None:
    text = HEADER + "ground: gras\n"
    problem = only_problem(tmp_path, text)
    assert_at(problem, text, "gras\n", "ground")
    assert "did you mean 'grass'?" in problem.message


def test_missing_english_name_is_named(tmp_path: Path) -> None:
    text = HEADER.replace("{da: Prøve, en: Trial}", "{da: Prøve}")
    problem = only_problem(tmp_path, text)
    assert_at(problem, text, "{da: Prøve}", "name.en")
    assert "missing" in problem.message


def test_feature_outside_the_estate_names_both_extents(tmp_path: Path) -> None:
    text = HEADER + "features:\n  - {type: lawn, at: [35, 2], size: [10, 4]}\n"
    problem = only_problem(tmp_path, text)
    assert_at(problem, text, "[35, 2]", "features[0].at")
    assert "x 0..39" in problem.message and "x 35..44" in problem.message


def test_a_meeting_point_outside_the_estate_is_refused(tmp_path: Path) -> None:
    text = HEADER + "meeting_point: [40, 5]\n"
    problem = only_problem(tmp_path, text)
    assert_at(problem, text, "[40, 5]", "meeting_point")
    assert "x 0..39" in problem.message


def test_diagonal_path_leg_suggests_a_corner(tmp_path: Path) -> None:
    text = HEADER + "features:\n  - type: path\n    points: [[0, 5], [10, 5], [20, 9]]\n"
    problem = only_problem(tmp_path, text)
    assert_at(problem, text, "[20, 9]", "features[0].points[2]")
    assert "[20, 5]" in problem.message


def test_entrance_that_does_not_fit_its_wall(tmp_path: Path) -> None:
    text = HEADER + (
        "features:\n  - type: flats\n    at: [1, 1]\n    size: [10, 5]\n    floors: 2\n"
        "    entrances: [{side: east, offset: 3}]\n"
    )
    problem = only_problem(tmp_path, text)
    assert_at(problem, text, "3}]", "features[0].entrances[0].offset")
    assert "east wall is 5 long" in problem.message


def test_sign_lines_longer_than_a_sign_holds(tmp_path: Path) -> None:
    text = HEADER + "features:\n  - {type: sign, at: [3, 3], lines: [Velkommen til Prøvegården]}\n"
    problem = only_problem(tmp_path, text)
    assert_at(problem, text, "Velkommen", "features[0].lines[0]")
    assert "15" in problem.message


SITE = """\
  - id: SITE_ID
    name: {da: Leg, en: Play}
    at: [SITE_AT]
    size: [10, 10]
    default: DEFAULT
    variants:
      - id: sand
        name: {da: Sand, en: Sand}
        features:
          - {type: playground, at: [AT], size: [5, 5]}
      - id: SECOND
        name: {da: Græs, en: Grass}
"""


def site(
    default: str = "sand",
    at: str = "21, 11",
    second: str = "graes",
    site_id: str = "leg",
    site_at: str = "20, 10",
) -> str:
    replacements = {
        "SITE_ID": site_id,
        "SITE_AT": site_at,
        "DEFAULT": default,
        "AT": at,
        "SECOND": second,
    }
    text = SITE
    for placeholder, value in replacements.items():
        text = text.replace(placeholder, value)
    return text


def test_a_valid_site_loads(tmp_path: Path) -> None:
    path = tmp_path / "proeve.yaml"
    path.write_text(HEADER + "sites:\n" + site())
    assert load_estate(path).site("leg").variant_ids() == ["sand", "graes"]


def test_unknown_default_variant_lists_the_variants(tmp_path: Path) -> None:
    text = HEADER + "sites:\n" + site(default="sandd")
    problem = only_problem(tmp_path, text)
    assert_at(problem, text, "sandd", "sites[0].default")
    assert "did you mean 'sand'?" in problem.message


def test_duplicate_variant_id_points_at_the_second(tmp_path: Path) -> None:
    text = HEADER + "sites:\n" + site(second="sand")
    problem = only_problem(tmp_path, text)
    assert (problem.line, problem.column) == position_of(text, "sand\n", occurrence=3)
    assert problem.field == "sites[0].variants[1].id"
    assert "twice" in problem.message


def test_variant_feature_outside_its_site(tmp_path: Path) -> None:
    text = HEADER + "sites:\n" + site(at="12, 11")
    problem = only_problem(tmp_path, text)
    assert_at(problem, text, "[12, 11]", "sites[0].variants[0].features[0].at")
    assert "its site" in problem.message


def test_overlapping_sites_are_refused(tmp_path: Path) -> None:
    second = site(site_id="leg2", site_at="25, 15", at="26, 16")
    text = HEADER + "sites:\n" + site() + second
    problem = only_problem(tmp_path, text)
    assert_at(problem, text, "[25, 15]", "sites[1].at")
    assert "overlaps site 'leg'" in problem.message


def test_yaml_syntax_error_is_one_problem_at_the_marker(tmp_path: Path) -> None:
    text = HEADER + "features:\n  - type: lawn\n   at: [1, 1]\n"
    problem = only_problem(tmp_path, text)
    assert problem.line == position_of(text, "   at")[0]
    assert "YAML syntax error" in problem.message


def test_a_file_outside_worlds_may_be_named_freely(tmp_path: Path) -> None:
    path = tmp_path / "andet_navn.yaml"
    path.write_text(HEADER)
    assert load_estate(path).id == "proeve"


def test_a_shipped_estate_id_must_match_its_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalog, "WORLDS_DIR", tmp_path)
    (tmp_path / "andet_navn.yaml").write_text(HEADER)
    with pytest.raises(DataFileError) as caught:
        load_estate("andet_navn")
    (problem,) = caught.value.problems
    assert problem.field == "id" and "id: andet_navn" in problem.message


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(cut=st.integers(min_value=0, max_value=len(HEADER)), junk=st.text(max_size=6))
def test_any_mangled_file_gives_problems_never_a_traceback(
    tmp_path: Path, cut: int, junk: str
) -> None:
    text = HEADER[:cut] + junk + HEADER[cut:]
    path = tmp_path / "mangled.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load_estate(path)
    except DataFileError as error:
        lines = text.splitlines() or [""]
        for problem in error.problems:
            assert 1 <= problem.line <= len(lines) + 1
            assert problem.message
