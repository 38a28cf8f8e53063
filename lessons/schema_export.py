"""Export the lesson schema as JSON Schema, for editors that check YAML while typing.

A lesson file that starts with ``# yaml-language-server: $schema=schema.json``
gets completion and inline errors in VS Code (YAML extension) and other editors.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lessons.schema import Lesson

SCHEMA_PATH = Path(__file__).resolve().parent / "schema.json"


def lesson_json_schema() -> dict[str, Any]:
    """The JSON Schema of a lesson file (draft 2020-12, as pydantic writes it)."""
    schema = Lesson.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "Jagten på fællesskabet – lesson",
        "description": "A lesson plan: lessons/<id>.yaml. Check it with `jagten lessons check`.",
    }


def lesson_json_schema_text() -> str:
    """The schema as the exact text stored in ``lessons/schema.json``."""
    return json.dumps(lesson_json_schema(), indent=2, ensure_ascii=False) + "\n"
