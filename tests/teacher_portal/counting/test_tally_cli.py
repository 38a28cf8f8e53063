"""`jagten tally`: paper ballots in a JSON file counted from the command line."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from teacher_portal.cli import main

TENNESSEE = {
    "options": ["Memphis", "Nashville", "Chattanooga", "Knoxville"],
    "ballots": [
        {"ranking": ["Memphis", "Nashville", "Chattanooga", "Knoxville"], "count": 42},
        {"ranking": ["Nashville", "Chattanooga", "Knoxville", "Memphis"], "count": 26},
        {"ranking": ["Chattanooga", "Knoxville", "Nashville", "Memphis"], "count": 15},
        {"ranking": ["Knoxville", "Chattanooga", "Nashville", "Memphis"], "count": 17},
        {"ranking": []},
    ],
}


def _tally(tmp_path: Path, data, *args: str):
    file = tmp_path / "ballots.json"
    file.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return CliRunner().invoke(main, ["tally", *args, str(file)])


@pytest.mark.parametrize(
    ("method", "winner", "detail"),
    [
        ("plurality", "Memphis", "scores"),
        ("ranked", "Knoxville", "rounds"),
        ("condorcet", "Nashville", "pairwise"),
        ("borda", "Nashville", "scores"),
    ],
)
def test_tally_prints_the_result_as_json(tmp_path: Path, method, winner, detail) -> None:
    run = _tally(tmp_path, TENNESSEE, "--method", method, "--seed", "4")
    assert run.exit_code == 0, run.output
    result = json.loads(run.output)
    assert result["winners"] == [winner]
    assert detail in result and result["tie_breaks"] == [] and result["seed"] == 4
    assert result["turnout"]["blank"] == 1 and result["turnout"]["valid"] == 100


def test_tally_bloc_with_seats_weights_and_deputies(tmp_path: Path) -> None:
    data = {
        "options": ["Anna", "Bo", "Cem"],
        "ballots": [
            {"ranking": ["Anna", "Bo"], "weight": "2/3", "count": 3},
            {"ranking": ["Cem"], "weight": 2},
            {"ranking": ["Bo"], "weight": 0.5},
        ],
    }
    run = _tally(tmp_path, data, "--method", "bloc", "--seats", "2")
    result = json.loads(run.output)
    assert result["scores"] == {"Anna": 2, "Bo": 2.5, "Cem": 2}
    assert result["winners"][0] == "Bo"
    assert result["tie_breaks"][0]["tied"] == ["Anna", "Cem"]
    assert result["deputies"] == result["tie_breaks"][0]["order"][1:]


@pytest.mark.parametrize(
    ("data", "where", "what"),
    [
        ('{"options": ["A", "B"], "ballots": [', "$: linje 1", "ikke gyldig JSON"),
        ([], "$:", '"options" og "ballots"'),
        ({"options": ["A", "B"]}, "$:", '"ballots"'),
        ({"options": ["A"], "ballots": []}, "$.options:", "mindst 2"),
        ({"options": ["A", "A"], "ballots": []}, "$.options[1]:", "to gange"),
        (
            {"options": ["Anna", "Bo"], "ballots": [{"ranking": ["Ana"]}]},
            "$.ballots[0].ranking[0]:",
            'mente du "Anna"?',
        ),
        (
            {"options": ["A", "B"], "ballots": [{"ranking": ["A"]}, {"rankng": ["A"]}]},
            "$.ballots[1].rankng:",
            'mente du "ranking"?',
        ),
        (
            {"options": ["A", "B"], "ballots": [{"ranking": ["A", "A"]}]},
            "$.ballots[0].ranking[1]:",
            "mere end én gang",
        ),
        ({"options": ["A", "B"], "ballots": [{"ranking": ["A"], "count": 1.5}]}, "count", "helt"),
        ({"options": ["A", "B"], "ballots": [{"ranking": ["A"], "weight": "x"}]}, "weight", "brøk"),
    ],
)
def test_bad_files_say_where_and_what_to_do(tmp_path: Path, data, where, what) -> None:
    run = _tally(tmp_path, data, "--method", "plurality")
    assert run.exit_code == 2
    assert "Traceback" not in run.output
    assert "ballots.json" in run.output and where in run.output and what in run.output


def test_messages_in_english_on_request(tmp_path: Path) -> None:
    data = {"options": ["Anna", "Bo"], "ballots": [{"ranking": ["Ana"]}]}
    run = _tally(tmp_path, data, "--method", "ranked", "--lang", "en")
    assert run.exit_code == 2
    assert 'did you mean "Anna"?' in run.output


def test_missing_file_and_impossible_rules_exit_2(tmp_path: Path) -> None:
    missing = CliRunner().invoke(main, ["tally", "--method", "borda", str(tmp_path / "x.json")])
    assert missing.exit_code == 2 and "x.json" in missing.output
    run = _tally(tmp_path, TENNESSEE, "--method", "condorcet", "--seats", "2")
    assert run.exit_code == 2 and "condorcet" in run.output
