"""`jagten lessons check|render|schema|list`: exit codes and what the user reads."""

import re
from pathlib import Path

from click.testing import CliRunner

from lessons.catalog import lesson_ids
from lessons.schema_export import SCHEMA_PATH
from teacher_portal.cli import main

PROBLEM_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<field>\S+): .+$")


def run(*args: str):
    """Through the real `jagten` command, which gives lessons their estate pictures."""
    return CliRunner().invoke(main, ["lessons", *args])


def test_check_passes_on_the_shipped_lessons_with_a_one_line_summary():
    result = run("check")

    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines() == [f"OK: {len(lesson_ids())} lessons without errors"]


def test_check_prints_one_line_per_problem_and_exits_1(write_lesson):
    path = write_lesson("estate: tranebaerparken", "estate: tranebaerpark")
    path.write_text(path.read_text("utf-8").replace("method: ranked", "method: bloc"), "utf-8")

    result = run("check", str(path))

    assert result.exit_code == 1
    *problems, summary = result.output.strip().splitlines()
    assert [PROBLEM_LINE.match(line)["field"] for line in problems] == [
        "estate",
        "phases[1].vote.seats",
    ]
    assert problems[0].startswith(f"{path}:9:9: estate: unknown estate 'tranebaerpark'")
    assert summary == "2 errors in 1 of 1 lesson"
    assert "Traceback" not in result.output


def test_check_of_a_folder_checks_every_lesson_in_it(write_lesson, tmp_path: Path):
    write_lesson(name="proeve")
    (tmp_path / "broken.yaml").write_text("id: broken\n", "utf-8")

    result = run("check", str(tmp_path))

    assert result.exit_code == 1
    assert f"{tmp_path / 'broken.yaml'}:1:1: title: required field 'title'" in result.output
    assert "proeve.yaml" not in result.output
    assert result.output.strip().endswith("in 1 of 2 lessons")


def test_warnings_pass_unless_strict(write_lesson):
    path = write_lesson("    minutes: 20", "    minutes: 15")

    relaxed = run("check", str(path))
    strict = run("check", "--strict", str(path))

    assert relaxed.exit_code == 0
    assert f"{path}:5:11: duration: warning: the phases add up to 40" in relaxed.output
    assert "without errors, 1 warning" in relaxed.output
    assert strict.exit_code == 1


def test_check_of_a_missing_file_is_a_message_not_a_traceback(tmp_path: Path):
    result = run("check", str(tmp_path / "nowhere.yaml"))

    assert result.exit_code == 1
    assert "nowhere.yaml:1:1: (document): cannot read the file" in result.output


def test_render_writes_a_guide_in_the_chosen_language(tmp_path: Path):
    output = tmp_path / "guide.html"

    result = run("render", "afdelingsmoedet", "--lang", "en", "--start", "08:15", "-o", str(output))

    assert result.exit_code == 0, result.output
    html = output.read_text("utf-8")
    assert "The department meeting – the residents decide" in html
    assert "08:15–08:25" in html and "data:image/png;base64," in html


def test_render_of_an_unknown_lesson_suggests_the_right_one():
    result = run("render", "afdelingsmode")

    assert result.exit_code == 1
    assert "did you mean 'afdelingsmoedet'?" in result.output
    assert "Traceback" not in result.output


def test_render_of_a_broken_lesson_lists_its_problems(write_lesson):
    path = write_lesson("method: ranked", "method: rankd")

    result = run("render", str(path))

    assert result.exit_code == 1
    assert f"{path}:28:15: phases[1].vote.method: unknown value 'rankd'" in result.output


def test_render_refuses_a_clock_time_it_cannot_read():
    result = run("render", "afdelingsmoedet", "--start", "kvart over otte")

    assert result.exit_code == 2
    assert "is not a time like 08:15" in result.output


def test_schema_prints_exactly_the_stored_schema(tmp_path: Path):
    printed = run("schema")
    written = run("schema", "-o", str(tmp_path / "schema.json"))

    assert printed.exit_code == written.exit_code == 0
    assert printed.output == SCHEMA_PATH.read_text("utf-8")
    assert (tmp_path / "schema.json").read_text("utf-8") == SCHEMA_PATH.read_text("utf-8")


def test_list_shows_every_lesson_with_its_title():
    result = run("list", "--lang", "en")

    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert [line.split()[0] for line in lines] == lesson_ids()
    assert any("Electing the department board" in line for line in lines)
