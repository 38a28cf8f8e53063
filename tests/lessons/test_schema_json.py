"""lessons/schema.json stays in sync with the models and accepts every shipped lesson."""

import json

import jsonschema
import pytest
import yaml

from lessons.catalog import LESSONS_DIR, lesson_ids
from lessons.schema_export import SCHEMA_PATH, lesson_json_schema, lesson_json_schema_text


def test_schema_json_is_up_to_date():
    assert SCHEMA_PATH.read_text("utf-8") == lesson_json_schema_text(), (
        "lessons/schema.json is stale: run `jagten lessons schema -o lessons/schema.json`"
    )


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(json.loads(SCHEMA_PATH.read_text("utf-8")))


@pytest.mark.parametrize("lesson_id", lesson_ids())
def test_editors_accept_every_shipped_lesson(lesson_id):
    data = yaml.safe_load((LESSONS_DIR / f"{lesson_id}.yaml").read_text("utf-8"))

    jsonschema.validate(data, lesson_json_schema(), cls=jsonschema.Draft202012Validator)


def test_editors_flag_an_unknown_key_and_a_wrong_method():
    data = yaml.safe_load((LESSONS_DIR / "afdelingsmoedet.yaml").read_text("utf-8"))
    data["phases"][0]["minuts"] = 10
    [vote_phase] = [phase for phase in data["phases"] if phase["kind"] == "vote"]
    vote_phase["vote"]["method"] = "rankd"
    validator = jsonschema.Draft202012Validator(lesson_json_schema())

    messages = [error.message for error in validator.iter_errors(data)]

    assert any("minuts" in message for message in messages)
    assert any("rankd" in message for message in messages)


def test_shipped_lessons_point_editors_at_the_schema():
    for lesson_id in lesson_ids():
        first_line = (LESSONS_DIR / f"{lesson_id}.yaml").read_text("utf-8").splitlines()[0]
        assert first_line == "# yaml-language-server: $schema=schema.json"
