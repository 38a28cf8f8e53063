"""Hostile estate and lesson files and arguments on the real `jagten` command (issue 11,
points 8–13): each ends in a clear message within bounded memory and time.

Each command runs in its own process under an address-space limit and a time-out, so a
file that expands without bound fails the test instead of taking the machine with it.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from minecraft_scripts.estate_budget import MAX_POINTS
from teacher_portal.cli import main
from tests.real_components import free_port
from worlds.catalog import estate_path

MEMORY_LIMIT = 2 * 1024**3
"""Today's toolkit needs well under 1 GB for any of these; a billion-laughs file took 8 GB."""
TIME_LIMIT = 90
"""Seconds; each refusal takes a few on a shared two-core machine (start-up included)."""

ESTATE_HEAD = """\
id: base
name: {da: Prøvegården, en: Trial Court}
origin: {da: Opfundet til test., en: Invented for a test.}
size: [40, 30]
"""
LESSON_HEAD = """\
id: laughs
title: {da: Prøvelektion, en: Trial lesson}
"""


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def jagten(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    """The real command in a child process with bounded memory and time."""
    env = {**os.environ, "JAGTEN_LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", "teacher_portal.cli", *args],
        capture_output=True, text=True, timeout=TIME_LIMIT, env=env, preexec_fn=_limited,
    )  # fmt: skip


def run(*args: str, lang: str = "en"):
    """The command in this process, for inputs that cannot grow: quicker than a child."""
    return CliRunner().invoke(main, ["--lang", lang, *args])


def written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def billion_laughs(key: str) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{n}: &a{n} [{','.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9)]
    return "\n".join(lines) + f"\n{key}: *a8\n"


def assert_refused(result: subprocess.CompletedProcess[str], path: Path, message: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode in (1, 2), output
    assert f"{path}:" in output and message in output, output
    assert "Traceback" not in output and "MemoryError" not in output, output


@pytest.mark.parametrize("command", [["build", "--dry-run"], ["preview", "-o", "x.png"]])
def test_an_estate_of_nested_aliases_is_refused(tmp_path: Path, command: list[str]) -> None:
    path = written(tmp_path, "laughs.yaml", ESTATE_HEAD + billion_laughs("features"))
    result = jagten(command[0], str(path), *command[1:])
    assert_refused(result, path, "more than 100,000 values")


def test_a_lesson_of_nested_aliases_is_refused(tmp_path: Path) -> None:
    path = written(tmp_path, "laughs.yaml", LESSON_HEAD + billion_laughs("goals"))
    assert_refused(jagten("lessons", "check", str(path)), path, "more than 100,000 values")


def test_500_nested_brackets_are_refused_without_a_recursion_error(tmp_path: Path) -> None:
    estate = written(tmp_path, "deep.yaml", ESTATE_HEAD + "ground: " + "[" * 500 + "]" * 500)
    lesson = written(tmp_path, "deep_lesson.yaml", LESSON_HEAD + "grades: " + "[" * 500)
    assert_refused(jagten("build", str(estate), "--dry-run"), estate, "levels deep")
    assert_refused(jagten("lessons", "check", str(lesson)), lesson, "levels deep")


GIANT = (
    ESTATE_HEAD.replace("size: [40, 30]", "size: [1000, 1000]")
    + """\
features:
  - {type: flats, at: [0, 0], size: [1000, 1000], floors: 16, floor_height: 6}
"""
)


@pytest.mark.parametrize("command", [["build", "--dry-run"], ["preview", "-o", "x.png"]])
def test_an_estate_of_600_million_blocks_is_refused_naming_the_limit(
    tmp_path: Path, command: list[str]
) -> None:
    path = written(tmp_path, "giant.yaml", GIANT)
    result = jagten(command[0], str(path), *command[1:])
    assert_refused(result, path, "at most 25,000,000 blocks per estate")
    assert f"{path}:4:7: size:" in result.stderr


def trees(count: int, side: int = 400) -> str:
    points = ", ".join(f"[{2 + i % (side - 4)}, {2 + (i // (side - 4)) % (side - 4)}]"
                       for i in range(count))  # fmt: skip
    head = ESTATE_HEAD.replace("size: [40, 30]", f"size: [{side}, {side}]")
    return head + f"features:\n  - {{type: trees, height: 3, points: [{points}]}}\n"


def test_too_many_trees_are_refused_naming_the_limit(tmp_path: Path) -> None:
    path = written(tmp_path, "forest.yaml", trees(MAX_POINTS + 1))
    result = jagten("build", str(path), "--dry-run")
    assert_refused(result, path, f"at most {MAX_POINTS:,} fit in one estate")
    assert "features[0].points" in result.stderr


def test_250000_trees_are_refused_by_the_file_size_limit(tmp_path: Path) -> None:
    path = written(tmp_path, "forest.yaml", trees(250_000, side=1000))
    assert_refused(jagten("build", str(path), "--dry-run"), path, "larger than 256 KB")


def test_an_estate_at_the_tree_limit_plans_within_bounds(tmp_path: Path) -> None:
    path = written(tmp_path, "forest.yaml", trees(MAX_POINTS))
    result = jagten("build", str(path), "--dry-run", "--json")
    assert result.returncode == 0, result.stderr
    assert '"commands"' in result.stdout


def test_floors_true_is_refused(tmp_path: Path) -> None:
    text = ESTATE_HEAD + "features:\n  - {type: flats, at: [2, 2], size: [20, 8], floors: true}\n"
    path = written(tmp_path, "bool.yaml", text)
    result = run("build", str(path), "--dry-run")
    assert result.exit_code == 2
    assert f"{path}:6:54: " in result.output
    assert "features[0].floors: Input should be a valid integer" in result.output


def shipped_with(tmp_path: Path, old: str, new: str) -> Path:
    text = estate_path("gogeurtgaarden").read_text("utf-8")
    assert old in text
    return written(tmp_path, "gogeurtgaarden.yaml", text.replace(old, new))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("name: {da: Gruppe 1, en: Group 1}", 'name: {da: "Gruppe\\r1", en: Group 1}'),
        ("name: {da: Gruppe 2, en: Group 2}", 'name: {da: "Gruppe\\N2", en: Group 2}'),
        ("  da: Gøgeurtgården", '  da: "Gøgeurt\\rgården"'),
        ("  da: Gøgeurtgården", '  da: "Gøgeurt\\u2028gården 👨\\u200d👩\\u200d👧"'),
    ],
)
def test_line_breaks_in_names_do_not_break_the_map(tmp_path: Path, old: str, new: str) -> None:
    path = shipped_with(tmp_path, old, new)
    output = tmp_path / "map.png"
    result = run("preview", str(path), "--map", "--language", "da", "-o", str(output))
    assert result.exit_code == 0, result.output
    with Image.open(output) as picture:
        assert picture.format == "PNG"


def test_escape_sequences_in_a_name_never_reach_the_terminal(tmp_path: Path) -> None:
    path = shipped_with(
        tmp_path, "  da: Gøgeurtgården", '  da: "\\e[2J\\e[5;31mALT ER SLETTET\\e[0m"'
    )
    result = run("build", str(path), "--dry-run", lang="da")
    assert result.exit_code == 0, result.output
    assert "Plan for" in result.output and "ALT ER SLETTET" in result.output
    assert "\x1b" not in result.output


@pytest.mark.parametrize(
    ("command", "at", "reaches"),
    [
        (["build"], "40000,0,0", "x 40,000..40,119"),
        (["build"], "9007199254740992,0,0", "x 9,007,199,254,740,992"),
        (["build"], "0,-31001,0", "y -31,001"),
        (["clear"], "0,0,-31001", "z -31,001..-30,902"),
        (["plots", "copy", "gogeurtgaarden", "gruppe_1", "--to", "genbrugsstedet"],
         "30990,0,0", "x 30,990"),
    ],
)  # fmt: skip
def test_a_build_outside_the_world_is_refused_before_connecting(
    command: list[str], at: str, reaches: str
) -> None:
    estate = [] if command[0] == "plots" else ["gogeurtgaarden"]
    result = run(*command, *estate, "--at", at, "--server", f"127.0.0.1:{free_port()}")
    assert result.exit_code == 2, result.output
    assert f"the build would reach {reaches}" in result.output
    assert "outside the Minetest world" in result.output
    assert "No game server answers" not in result.output  # refused before connecting


def test_minecraft_has_a_larger_world() -> None:
    at = ["--at", "40000,0,0", "--dry-run"]
    assert run("build", "gogeurtgaarden", *at, "--game", "raspberryjuice").exit_code == 0
    result = run("build", "gogeurtgaarden", "--at", "40000000,0,0", "--game", "raspberryjuice")
    assert result.exit_code == 2 and "outside the Minecraft world" in result.output


def test_an_escape_sequence_in_a_key_never_reaches_the_terminal(tmp_path: Path) -> None:
    path = written(tmp_path, "key.yaml", ESTATE_HEAD + '"\\e[2Jfloors": 1\n')
    result = run("build", str(path), "--dry-run")
    assert result.exit_code == 2
    assert "unknown field '[2Jfloors'" in result.output
    assert "\x1b" not in result.output
