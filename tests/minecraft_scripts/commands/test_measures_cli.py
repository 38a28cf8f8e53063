"""`jagten measures` and `jagten estates check` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from PIL import Image

from teacher_portal.cli import main
from tests.minecraft_scripts.measures.test_measures import playground_estate

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English wording


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def write_estate(tmp_path: Path) -> Path:
    path = tmp_path / "proeve.yaml"
    path.write_text(
        yaml.safe_dump(playground_estate(None).model_dump(mode="json", exclude_defaults=True))
    )
    return path


def test_measures_before_and_after_a_variant_as_json(tmp_path: Path) -> None:
    path = write_estate(tmp_path)
    result = run("measures", str(path), "--variant", "leg=hus", "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    before, after = document["before"], document["after"]
    assert before["floor_area_m2"] == 0 and after["floor_area_m2"] == 12 * 3 * 4
    assert after["sun_hours"]["leg"]["hours"] < before["sun_hours"]["leg"]["hours"]
    assert "timers mindre sol på legepladsen" in document["changes"]["da"][0]
    assert "hours less sun on the playground" in document["changes"]["en"][0]


def test_measures_in_words_and_a_shadow_map(tmp_path: Path) -> None:
    path = write_estate(tmp_path)
    picture = tmp_path / "sol.png"
    result = run("--lang", "da", "measures", str(path), "--variant", "leg=hus",
                 "--shadow-map", str(picture))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Bebyggelsesprocent" in result.output and "Forskel:" in result.output
    with Image.open(picture) as image:
        assert image.format == "PNG" and image.width > 100
    english = run("measures", str(path), "--language", "en")
    assert "Floor-area ratio: 0.0 %" in english.output


def test_measures_bad_input_is_a_message(tmp_path: Path) -> None:
    path = write_estate(tmp_path)
    for args, message in (
        (["measures", str(path), "--date", "20-03-2026"], "is not a date YYYY-MM-DD"),
        (["measures", str(path), "--variant", "leg=nope"], "has no variant 'nope'"),
        (["measures", "no_such_estate"], "no shipped estate"),
    ):
        result = run(*args)
        assert result.exit_code == 2 and message in result.output
        assert "Traceback" not in result.output


def test_estates_check_lists_warnings_and_refuses_broken_files(tmp_path: Path) -> None:
    good = run("estates", "check", "tranebaerparken")
    assert good.exit_code == 0 and "warning:" in good.output and "fine (" in good.output
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "id: broken\nname: {da: B, en: B}\norigin: {da: O, en: O}\nsize: [30, 30]\n"
        "features:\n  - {type: bike_shed, at: [2, 2], size: [6, 3]}\n"
        "  - {type: carport, at: [4, 3], size: [8, 5]}\n"
    )
    result = run("estates", "check", str(broken))
    assert result.exit_code == 2
    assert (
        f"{broken}:7:" in result.output and "overlaps the bike shed at features[0]" in result.output
    )
