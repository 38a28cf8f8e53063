"""The `jagten` command speaks one language (issue 9, point 5): Danish by default, English
with `--lang en` or `JAGTEN_LANG=en`, for results and errors alike."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from teacher_portal.cli import main

RESULT = ["build", "gogeurtgaarden", "--dry-run"]
ERROR = ["build", "gogeurtgaarden", "--variant", "genbrugsstedet=nope", "--dry-run"]
LESSON_RESULT = ["lessons", "check", "lessons/afdelingsmoedet.yaml"]

DANISH = {
    "result": "Plan for Gøgeurtgården: 216.000 blokke (25.873 faste) med",
    "error": "Fejl: pladsen 'genbrugsstedet' har ingen variant 'nope'; vælg en af:",
    "lesson": "OK: 1 lektion uden fejl",
}
ENGLISH = {
    "result": "Plan for Orchid Court: 216,000 blocks (25,873 solid) with",
    "error": "Error: site 'genbrugsstedet' has no variant 'nope'; choose one of:",
    "lesson": "OK: 1 lesson without errors",
}


def outputs(*options: str, env: dict[str, str] | None = None) -> dict[str, str]:
    runner = CliRunner(env=env)
    return {
        name: runner.invoke(main, [*options, *args]).output
        for name, args in (("result", RESULT), ("error", ERROR), ("lesson", LESSON_RESULT))
    }


@pytest.fixture(autouse=True)
def _no_language_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JAGTEN_LANG", raising=False)


@pytest.mark.parametrize(
    ("options", "env", "expected"),
    [
        ((), None, DANISH),
        (("--lang", "en"), None, ENGLISH),
        ((), {"JAGTEN_LANG": "en"}, ENGLISH),
        (("--lang", "da"), {"JAGTEN_LANG": "en"}, DANISH),
    ],
    ids=["default", "--lang en", "JAGTEN_LANG=en", "--lang beats the environment"],
)
def test_results_and_errors_speak_one_language(options, env, expected) -> None:
    printed = outputs(*options, env=env)
    for name, start in expected.items():
        assert printed[name].startswith(start), printed[name]
    other = ENGLISH if expected is DANISH else DANISH
    assert not any(start in "".join(printed.values()) for start in other.values())


def test_a_choice_ends_with_its_command() -> None:
    runner = CliRunner()
    assert "blocks" in runner.invoke(main, ["--lang", "en", *RESULT]).output
    assert "blokke" in runner.invoke(main, RESULT).output
