"""Loading YAML data files: positions, friendly problems, never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, Field, field_validator

from worlds.datafile import (
    DataFileError,
    FieldIssue,
    Problem,
    dotted,
    load_data_file,
    parse_data_text,
)
from worlds.yaml_positions import parse_yaml


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Flats(Strict):
    type: Literal["flats"]
    floors: int
    colour: str = "grey"

    @field_validator("colour")
    @classmethod
    def known_colour(cls, value: str) -> str:
        if value not in {"grey", "red"}:
            raise ValueError(f"unknown colour '{value}'")
        return value


class Tree(Strict):
    type: Literal["tree"]
    height: int = 5


class Town(Strict):
    id: str
    features: list[Annotated[Flats | Tree, Field(discriminator="type")]] = []

    def consistency_issues(self) -> list[FieldIssue]:
        tall = [i for i, f in enumerate(self.features) if isinstance(f, Tree) and f.height > 20]
        return [FieldIssue(("features", i, "height"), "trees are at most 20 high") for i in tall]


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(DataFileError) as caught:
        parse_data_text(text, Town, file="town.yaml")
    return caught.value.problems


def the_problem(text: str) -> Problem:
    problems = problems_of(text)
    assert len(problems) == 1, problems
    return problems[0]


def test_valid_text_gives_the_model() -> None:
    town = parse_data_text("id: a\nfeatures:\n  - type: tree\n", Town)
    assert town.features == [Tree(type="tree")]


def test_unknown_key_points_at_the_key_and_suggests_the_spelling() -> None:
    problem = the_problem("id: a\nfeatures:\n  - type: flats\n    floors: 2\n    colur: red\n")
    assert (problem.line, problem.column) == (5, 5)
    assert problem.field == "features[0].colur"
    assert "did you mean 'colour'?" in problem.message


def test_missing_key_points_at_the_parent_mapping() -> None:
    problem = the_problem("id: a\nfeatures:\n  - type: tree\n  - type: flats\n")
    assert (problem.line, problem.column) == (4, 5)
    assert problem.field == "features[1].floors"
    assert "missing" in problem.message and "floors" in problem.message


def test_wrong_value_points_at_the_value_and_shows_it() -> None:
    problem = the_problem("id: a\nfeatures:\n  - type: flats\n    floors: many\n")
    assert (problem.line, problem.column) == (4, 13)
    assert problem.field == "features[0].floors"
    assert "'many'" in problem.message


def test_validator_message_is_kept_without_pydantic_prefix() -> None:
    problem = the_problem("id: a\nfeatures:\n- {type: flats, floors: 1, colour: pink}\n")
    assert problem.message == "unknown colour 'pink'"
    assert problem.line == 3 and problem.field == "features[0].colour"


def test_unknown_type_tag_suggests_the_closest_one() -> None:
    problem = the_problem("id: a\nfeatures:\n  - type: flat\n    floors: 2\n")
    assert (problem.line, problem.column, problem.field) == (3, 11, "features[0].type")
    assert "did you mean 'flats'?" in problem.message and "tree" in problem.message


def test_missing_type_tag_is_named() -> None:
    problem = the_problem("id: a\nfeatures:\n  - floors: 2\n")
    assert problem.field == "features[0].type" and problem.line == 3


def test_syntax_error_gives_one_problem_at_the_marker() -> None:
    text = "id: a\nfeatures:\n  - type: tree\n   height: 3\n"
    problem = the_problem(text)
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yaml.safe_load(text)
    mark = caught.value.problem_mark
    assert (problem.line, problem.column) == (mark.line + 1, mark.column + 1)
    assert "YAML syntax error" in problem.message


@pytest.mark.parametrize("text", ["", "- 1\n- 2\n", "just text\n"])
def test_a_document_that_is_not_a_mapping_is_explained(text: str) -> None:
    problem = the_problem(text)
    assert (problem.line, problem.column, problem.field) == (1, 1, "")
    assert "mapping" in problem.message


def test_duplicate_keys_are_reported_instead_of_silently_overwritten() -> None:
    problem = the_problem("id: a\nfeatures: []\nid: b\n")
    assert (problem.line, problem.column, problem.field) == (3, 1, "id")
    assert "duplicate" in problem.message


def test_cross_field_issues_point_at_their_field() -> None:
    problem = the_problem("id: a\nfeatures:\n  - type: tree\n    height: 30\n")
    assert (problem.line, problem.column, problem.field) == (4, 13, "features[0].height")


def test_all_problems_are_collected_and_sorted_by_line() -> None:
    text = "id: a\nfeatures:\n  - type: tree\n    hieght: 3\n  - type: flats\n    floors: x\n"
    problems = problems_of(text)
    assert [p.line for p in problems] == [4, 6]


def test_error_text_has_one_line_per_problem(tmp_path: Path) -> None:
    path = tmp_path / "town.yaml"
    path.write_text("id: a\nfeatures:\n  - type: tree\n    hieght: 3\n  - type: flat\n")
    with pytest.raises(DataFileError) as caught:
        load_data_file(path, Town)
    lines = str(caught.value).splitlines()
    assert lines == [str(problem) for problem in caught.value.problems]
    assert lines[0].startswith(f"{path}:4:5: features[0].hieght: unknown field 'hieght'")


def test_unreadable_file_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as caught:
        load_data_file(tmp_path / "missing.yaml", Town)
    assert "cannot read" in str(caught.value)
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe\x00id: a")
    with pytest.raises(DataFileError):
        load_data_file(binary, Town)


def test_dotted_names() -> None:
    assert dotted(["features", 3, "floors"]) == "features[3].floors"
    assert dotted([0, "a"]) == "[0].a"
    assert dotted([]) == ""


keys = st.text(alphabet="abcdefghij_", min_size=1, max_size=8)
leaves = st.integers() | st.text(alphabet="xyz ", max_size=5) | st.booleans()
documents = st.recursive(
    leaves,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(keys, children, max_size=3),
    max_leaves=12,
)


@given(st.dictionaries(keys, documents, min_size=1, max_size=4))
def test_every_key_is_indexed_on_the_line_that_holds_it(document: dict) -> None:
    text = yaml.safe_dump(document, default_flow_style=False)
    parsed = parse_yaml(text)
    assert parsed.data == document
    lines = text.splitlines()
    for path, position in parsed.positions.keys.items():
        line = lines[position.line - 1]
        assert line[position.column - 1 :].startswith(str(path[-1]))
