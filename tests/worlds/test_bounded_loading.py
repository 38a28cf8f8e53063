"""Hostile data files: each is refused quickly with a file:line message, never a traceback,
never unbounded memory (issue 11, points 8, 9, 13 and 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from worlds.bounded_yaml import MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUES
from worlds.datafile import DataFileError, Problem, load_data_file, parse_data_text
from worlds.schema import Estate

ESTATE = """\
id: base
name: {da: Prøvegården, en: Trial Court}
origin: {da: Opfundet til test., en: Invented for a test.}
size: [40, 30]
features:
  - type: flats
    at: [2, 2]
    size: [20, 8]
    floors: 3
"""


def billion_laughs(levels: int = 9) -> str:
    """Each level a list of nine aliases of the one before: 9**levels values in the end."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        refs = ",".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + f"\nfeatures: *a{levels - 1}\n"


def only_problem(text: str, file: str = "estate.yaml") -> Problem:
    with pytest.raises(DataFileError) as caught:
        parse_data_text(text, Estate, file=file)
    [problem] = caught.value.problems
    return problem


def test_alias_expansion_is_refused_at_the_alias_that_overflows() -> None:
    head = ESTATE[: ESTATE.index("features:")]
    problem = only_problem(head + billion_laughs())
    assert f"more than {MAX_VALUES:,} values" in problem.message
    assert "alias" in problem.message
    assert problem.line > 1  # it points into the file, at the anchor that grows too big


def test_many_aliases_are_refused_even_when_they_stay_small() -> None:
    refs = ",".join(["*one"] * (MAX_ALIASES + 1))
    problem = only_problem(f"one: &one 1\nmany: [{refs}]\n")
    assert f"more than {MAX_ALIASES} aliases" in problem.message
    assert problem.line == 2


def test_an_alias_inside_itself_is_refused() -> None:
    problem = only_problem("features: &loop [*loop]\n")
    assert "refers to the list or mapping it stands in" in problem.message


def test_a_few_aliases_still_work() -> None:
    text = ESTATE.replace("    floors: 3\n", "    floors: 3\n    windows: &w {width: 2}\n")
    text += "  - {type: flats, at: [2, 14], size: [20, 8], floors: 2, windows: *w}\n"
    estate = parse_data_text(text, Estate)
    assert estate.features[0].windows == estate.features[1].windows


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 500, 5000])
def test_deep_nesting_is_refused_without_recursion_error(depth: int) -> None:
    problem = only_problem(ESTATE + "ground: " + "[" * depth + "]" * depth + "\n")
    assert f"more than {MAX_DEPTH} levels" in problem.message
    assert problem.line == ESTATE.count("\n") + 1


def test_deep_nesting_through_aliases_is_refused() -> None:
    deep = "[" * (MAX_DEPTH - 5) + "1" + "]" * (MAX_DEPTH - 5)
    problem = only_problem(f"deep: &deep {deep}\nwrap: [[[[[[[[[[*deep]]]]]]]]]]\n")
    assert f"more than {MAX_DEPTH} levels" in problem.message


def test_a_file_larger_than_the_limit_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text(ESTATE + "#" * (MAX_FILE_BYTES + 10) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_data_file(path, Estate)
    [problem] = caught.value.problems
    assert (problem.file, problem.line) == (str(path), 1)
    assert f"larger than {MAX_FILE_BYTES // 1024} KB" in problem.message


def test_a_device_that_never_ends_is_refused() -> None:
    with pytest.raises(DataFileError) as caught:
        load_data_file("/dev/zero", Estate)
    assert "larger than" in caught.value.problems[0].message


def test_a_file_saved_in_windows_1252_asks_for_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes(ESTATE.encode("cp1252"))
    with pytest.raises(DataFileError) as caught:
        load_data_file(path, Estate)
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (2, 14)  # the ø of "Prøvegården"
    assert "save the file as UTF-8" in problem.message
    assert "0xF8" in problem.message


@pytest.mark.parametrize(
    ("value", "shown"), [("true", "True"), ("false", "False"), ("2.0", "2.0"), ('"3"', "'3'")]
)
def test_a_number_field_takes_whole_numbers_only(value: str, shown: str) -> None:
    problem = only_problem(ESTATE.replace("floors: 3", f"floors: {value}"))
    assert problem.field == "features[0].floors"
    assert problem.line == 9
    assert "valid integer" in problem.message and shown in problem.message


def test_a_bool_in_a_coordinate_is_refused() -> None:
    problem = only_problem(ESTATE.replace("at: [2, 2]", "at: [true, 2]"))
    assert problem.field == "features[0].at[0]"
