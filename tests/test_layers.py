"""Imports go one way: teacher_portal → (lessons, minecraft_scripts) → worlds.

Nothing imports the portal, `lessons` and `minecraft_scripts` never import each other, and
nothing below the portal imports Flask. Inside the portal, features are packages standing on
`core` and `models`, which import no feature. A reader can trust the folders to tell where a
thing lives; this test keeps it so.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {
    "worlds": {"worlds"},
    "lessons": {"lessons", "worlds"},
    "minecraft_scripts": {"minecraft_scripts", "worlds"},
    "teacher_portal": {"teacher_portal", "lessons", "minecraft_scripts", "worlds"},
}
WEB_FRAMEWORKS = {
    "flask",
    "flask_babel",
    "flask_login",
    "flask_wtf",
    "flask_sqlalchemy",
    "werkzeug",
}


PORTAL_FEATURES = (
    "teachers",
    "classes",
    "pupils",
    "school_network",
    "lesson_runs",
    "game",
    "estates",
    "plots",
    "voting",
    "counting",
    "reports",
    "classroom",
)
PORTAL_FOUNDATIONS = ("core", "models", "background")


def imported_module_paths(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def imported_modules(path: Path) -> set[str]:
    return {name.split(".")[0] for name in imported_module_paths(path)}


def python_files(package: str) -> list[Path]:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"no Python files in {package}"
    return files


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_a_part_imports_only_the_parts_below_it(package: str) -> None:
    ours = set(ALLOWED)
    for path in python_files(package):
        wrong = (imported_modules(path) & ours) - ALLOWED[package]
        assert not wrong, f"{path.relative_to(ROOT)} imports {sorted(wrong)}"


@pytest.mark.parametrize("package", ["worlds", "lessons", "minecraft_scripts"])
def test_nothing_below_the_portal_imports_flask(package: str) -> None:
    for path in python_files(package):
        wrong = imported_modules(path) & WEB_FRAMEWORKS
        assert not wrong, f"{path.relative_to(ROOT)} imports {sorted(wrong)}"


def test_vote_counting_stays_free_of_flask() -> None:
    for path in python_files("teacher_portal/counting"):
        assert not imported_modules(path) & WEB_FRAMEWORKS, path.relative_to(ROOT)


@pytest.mark.parametrize("package", PORTAL_FEATURES + PORTAL_FOUNDATIONS)
def test_each_portal_feature_is_a_package(package: str) -> None:
    assert (ROOT / "teacher_portal" / package / "__init__.py").is_file()


@pytest.mark.parametrize("package", PORTAL_FOUNDATIONS)
def test_core_and_models_import_no_feature(package: str) -> None:
    for path in python_files(f"teacher_portal/{package}"):
        portal_parts = {
            name.split(".")[1]
            for name in imported_module_paths(path)
            if name.startswith("teacher_portal.")
        }
        wrong = portal_parts - set(PORTAL_FOUNDATIONS)
        assert not wrong, f"{path.relative_to(ROOT)} imports features {sorted(wrong)}"
