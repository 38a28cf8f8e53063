"""The `jagten` command speaks one language (issue 9, point 5): Danish by default, English
with `--lang en` or `JAGTEN_LANG=en`, for results and errors alike.

Every command family runs for real in both languages. Each output must hold what that
language says, and none of the catalogue's words in the other language: a Danish result
beside an English error (or an English file message inside a Danish one) fails.
"""

from __future__ import annotations

import ast
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import click
import click.core
import click.exceptions
import click.parser
import click.types
import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from minecraft_scripts.server.managed_minetest import port_in_use
from minecraft_scripts.server.ports import MCPI_PORT
from teacher_portal.cli import main
from tests.real_components import GameServer, free_port, require
from worlds.command_errors import CLICK_MESSAGES
from worlds.language import DOMAIN, TRANSLATIONS_DIR

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

SMALL = "mosebollehaven"  # Mosebøllehaven / Bog Bilberry Gardens, quick to draw and measure
BROKEN_ESTATE = """\
id: broken
name: {da: Brudt, en: Broken}
origin: {da: Til en test., en: For a test.}
size: [30, 30]
features:
  - {type: bike_shed, at: [2, 2], size: [6, 3]}
  - {type: carport, at: [4, 3], size: [8, 5]}
"""
BROKEN_LESSON = "id: broken\ntitle: Afdelingsmødet\n"


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


# -- every command family, in Danish and in English -----------------------------------------


@cache
def catalogue_words() -> dict[str, frozenset[str]]:
    """Pieces of the catalogue's texts (between placeholders) that only one language uses:
    an English output holding a Danish piece, or the other way round, mixes languages."""
    with (TRANSLATIONS_DIR / "da" / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as file:
        messages = [message for message in read_po(file) if message.id]
    texts = {"en": [], "da": []}
    for message in messages:
        texts["en"] += [message.id] if isinstance(message.id, str) else list(message.id)
        texts["da"] += [message.string] if isinstance(message.string, str) else message.string
    pieces = {
        language: {
            piece.strip(" .,:;()'–!?")
            for text in found
            for piece in re.split(r"%\(\w+\)s|%%|\{[^}]*\}|\n", text)
        }
        for language, found in texts.items()
    }
    return {
        language: frozenset(
            piece
            for piece in pieces[language]
            if len(piece) >= 12
            and " " in piece  # one word may be an id or a name
            and not any(piece in text for text in texts[other])
        )
        for language, other in (("en", "da"), ("da", "en"))
    }


def assert_one_language(output: str, language: str) -> None:
    other = "da" if language == "en" else "en"
    mixed = sorted(piece for piece in catalogue_words()[other] if piece in output)
    assert not mixed, f"{language} output holds {other} words {mixed}:\n{output}"


@dataclass(frozen=True)
class Family:
    """A command family run once per language; `says[lang]` must all be in its output."""

    name: str
    args: Callable[[Path], list[str]]
    says: dict[str, list[str]]
    exit_code: int = 0


def _written(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


FAMILIES = [
    Family(
        "preview",
        lambda tmp: ["preview", SMALL, "-o", str(tmp / "bebyggelse.png")],
        {"da": ["Skrev ", "bebyggelse.png (1616×"], "en": ["Wrote ", "bebyggelse.png (1616×"]},
    ),
    Family(
        "plots list",
        lambda tmp: ["plots", "list", SMALL],
        {
            "da": ["Byggefelter i Mosebøllehaven:", "Pladser, som et vinderforslag", "blokke"],
            "en": ["Plots in Bog Bilberry Gardens:", "Sites a winning proposal", "blocks"],
        },
    ),
    Family(
        "estates check: warnings",
        lambda tmp: ["estates", "check", "tranebaerparken"],
        {
            "da": ["advarsel: pladsen 'parkeringspladsen' rummer træerne ved", "i orden ("],
            "en": ["warning: site 'parkeringspladsen' holds the trees at", "fine ("],
        },
    ),
    Family(
        "estates check: a broken file",
        lambda tmp: ["estates", "check", _written(tmp, "broken.yaml", BROKEN_ESTATE)],
        {
            "da": ["broken.yaml:7:", "overlapper cykelskuret ved features[0]"],
            "en": ["broken.yaml:7:", "overlaps the bike shed at features[0]"],
        },
        exit_code=2,
    ),
    Family(
        "estates import-osm: a bad box",
        lambda tmp: [
            "estates",
            "import-osm",
            _written(tmp, "kort.osm", "<osm/>"),
            "--bbox",
            "12.56,55.67,12.55,55.68",
            "-o",
            str(tmp / "kvarter.yaml"),
        ],
        {
            "da": ["vest skal være mindre end øst"],
            "en": ["west must be less than east"],
        },
        exit_code=2,
    ),
    Family(
        "measures",
        lambda tmp: ["measures", SMALL, "--variant", "faellesarealet=nyttehaver"],
        {
            "da": [
                "Mosebøllehaven – før",
                "Etageareal:",
                "Efter: faellesarealet=nyttehaver",
                "Forskel:",
                "procentpoint mindre grønt areal",
            ],
            "en": [
                "Bog Bilberry Gardens – before",
                "Floor area:",
                "After: faellesarealet=nyttehaver",
                "Difference:",
                "percentage points less green space",
            ],
        },
    ),
    Family(
        "export",
        lambda tmp: ["export", SMALL, "--format", "we", "-o", str(tmp / "kvarter.we")],
        {
            "da": ["Skrev ", "KB). Læg filen i verdenens schems-mappe"],
            "en": ["Wrote ", "KB). Put the file in the world's schems folder"],
        },
    ),
    Family(
        "education: no game comes",
        lambda tmp: [
            "education",
            SMALL,
            "--port",
            str(free_port()),
            "--host",
            "127.0.0.1",
            "--wait",
            "1",
        ],
        {
            "da": [
                "Skriv i Minecraft Educations chat: /connect 127.0.0.1:",
                "Fejl: Ingen Minecraft Education koblede sig på port",
            ],
            "en": [
                "Type in Minecraft Education's chat: /connect 127.0.0.1:",
                "Error: No Minecraft Education connected to port",
            ],
        },
        exit_code=2,
    ),
    Family(
        "clear: no server",
        lambda tmp: ["clear", SMALL, "--server", f"127.0.0.1:{free_port()}"],
        {"da": ["Fejl: Ingen spilserver svarer på"], "en": ["Error: No game server answers at"]},
        exit_code=2,
    ),
    Family(
        "lessons check: a broken file",
        lambda tmp: ["lessons", "check", _written(tmp, "broken.yaml", BROKEN_LESSON)],
        {
            "da": ["broken.yaml:2:", "teksten skal gives på begge sprog", "fejl i 1 af 1"],
            "en": ["broken.yaml:2:", "text must be given in both languages", "in 1 of 1 lesson"],
        },
        exit_code=1,
    ),
    Family(
        "usage: a missing argument",
        lambda tmp: ["build"],
        {
            "da": [
                "Skriv 'jagten build --help' for at få hjælp.",
                "Fejl: Mangler argumentet 'WORLD'.",
            ],
            "en": ["Try 'jagten build --help' for help.", "Error: Missing argument 'WORLD'."],
        },
        exit_code=2,
    ),
    Family(
        "usage: an unknown command",
        lambda tmp: ["buil"],
        {
            "da": ["Fejl: Der er ingen kommando 'buil'. Mente du 'build'?"],
            "en": ["Error: No such command 'buil'. Did you mean 'build'?"],
        },
        exit_code=2,
    ),
    Family(
        "usage: a value not among the choices",
        lambda tmp: ["export", SMALL, "--format", "zip"],
        {
            "da": ["Fejl: Ugyldig værdi for '--format': 'zip' er ikke en af 'mcworld',"],
            "en": ["Error: Invalid value for '--format': 'zip' is not one of 'mcworld',"],
        },
        exit_code=2,
    ),
    Family(
        "usage: a bad value of our own",
        lambda tmp: ["preview", SMALL, "-o", "x.png", "--variant", "legepladsen"],
        {
            "da": ["Fejl: Ugyldig værdi for '--variant': 'legepladsen' er ikke SITE=OPTION"],
            "en": ["Error: Invalid value for '--variant': 'legepladsen' is not SITE=OPTION"],
        },
        exit_code=2,
    ),
    Family(
        "tally: not JSON",
        lambda tmp: ["tally", "--method", "plurality", _written(tmp, "stemmer.json", "nej")],
        {"da": ["ikke gyldig JSON"], "en": ["not valid JSON"]},
        exit_code=2,
    ),
]


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("family", FAMILIES, ids=[family.name for family in FAMILIES])
def test_every_command_family_speaks_one_language(
    family: Family, language: str, tmp_path: Path
) -> None:
    options = [] if language == "da" else ["--lang", "en"]  # Danish is the default
    result = CliRunner().invoke(main, [*options, *family.args(tmp_path)], prog_name="jagten")
    assert result.exit_code == family.exit_code, result.output
    for words in family.says[language]:
        assert words in result.output, result.output
    assert "Traceback" not in result.output
    assert_one_language(result.output, language)


@pytest.mark.parametrize("language", ["da", "en"])
def test_minetest_says_why_it_cannot_start(
    game_server: GameServer, language: str, tmp_path: Path
) -> None:
    """The session's game server holds the mcpi port, so a second world cannot start."""
    if game_server.port != MCPI_PORT:
        require(f"the tests' game server must hold the mcpi port {MCPI_PORT}")
    options = [] if language == "da" else ["--lang", "en"]
    result = CliRunner().invoke(main, [*options, "minetest", "--world", str(tmp_path / "w")])
    assert result.exit_code == 1, result.output
    expected = {"da": "Fejl: Port 4711 er allerede optaget", "en": "Error: Port 4711 is already"}
    assert expected[language] in result.output
    assert_one_language(result.output, language)


def _jagten_up(language: str, tmp_path: Path) -> str:
    """The first lines `jagten up` prints, as a real process, then Ctrl+C."""
    port = free_port()
    env = {**os.environ, "JAGTEN_INSTANCE_PATH": str(tmp_path / "instance")}
    options = [] if language == "da" else ["--lang", "en"]
    command = [sys.executable, "-m", "teacher_portal.cli", *options, "up", "--no-minetest",
               "--port", str(port)]  # fmt: skip
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    deadline = time.monotonic() + 60
    while not port_in_use(port):
        assert process.poll() is None and time.monotonic() < deadline, process.stdout.read()
        time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    return process.communicate(timeout=30)[0]


@pytest.mark.parametrize("language", ["da", "en"])
def test_up_speaks_the_chosen_language(language: str, tmp_path: Path) -> None:
    printed = _jagten_up(language, tmp_path)
    expected = {
        "da": ["Lærerportalen: http://127.0.0.1:", "(stop med Ctrl+C)",
               "Kun denne maskine kan åbne portalen", "jagten up --school-network"],
        "en": ["Teacher portal: http://127.0.0.1:", "(stop with Ctrl+C)",
               "Only this machine can open the portal", "jagten up --school-network"],
    }  # fmt: skip
    for words in expected[language]:
        assert words in printed, printed
    assert_one_language(printed, language)


def test_the_click_messages_we_translate_are_clicks_own() -> None:
    """`CLICK_MESSAGES` must match click's msgids letter for letter, or they stay English."""
    found: set[str] = set()
    for module in (click.core, click.exceptions, click.parser, click.types):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_", "ngettext"):
                found.update(arg.value for arg in node.args if isinstance(arg, ast.Constant))
    assert found >= CLICK_MESSAGES, sorted(CLICK_MESSAGES - found)
