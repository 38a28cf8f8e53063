"""Language: Danish by default, English by choice, and every user-facing string translated."""

import io
import re
import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import teacher_portal

PORTAL = Path(teacher_portal.__file__).parent
TRANSLATIONS = PORTAL / "translations"


def _extracted_msgids(tmp_path: Path) -> set[str]:
    """Every msgid in the portal's code and templates, extracted the way translators do it."""
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            str(PORTAL / "babel.cfg"),
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "-o",
            str(pot),
            str(PORTAL),
        ],
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as file:
        return {
            message.id if isinstance(message.id, str) else message.id[0]
            for message in read_po(file)
            if message.id
        }


def _catalog(language: str):
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as file:
        return read_po(file)


def test_every_msgid_has_a_danish_translation(tmp_path: Path) -> None:
    danish = _catalog("da")
    translated = {
        (message.id if isinstance(message.id, str) else message.id[0])
        for message in danish
        if message.id
        and all(message.string if isinstance(message.string, tuple) else [message.string])
    }
    missing = _extracted_msgids(tmp_path) - translated
    assert not missing, f"add Danish for: {sorted(missing)}"


def test_english_catalogue_lists_every_msgid(tmp_path: Path) -> None:
    english = {
        message.id if isinstance(message.id, str) else message.id[0]
        for message in _catalog("en")
        if message.id
    }
    assert _extracted_msgids(tmp_path) <= english


def test_compiled_catalogues_match_their_sources() -> None:
    """The committed .mo files must be exactly what compiling the current .po files gives."""
    for language in ("da", "en"):
        compiled = io.BytesIO()
        write_mo(compiled, _catalog(language))
        committed = (TRANSLATIONS / language / "LC_MESSAGES" / "messages.mo").read_bytes()
        assert compiled.getvalue() == committed, f"run: pybabel compile -d {TRANSLATIONS}"


def test_danish_by_default_english_by_choice(client) -> None:
    assert '<html lang="da">' in client.get("/login").text
    response = client.post("/language", data={"lang": "en", "next": "/login"})
    assert response.location == "/login"
    page = client.get("/login").text
    assert '<html lang="en">' in page
    assert "Teacher log-in" in page
    client.post("/language", data={"lang": "da", "next": "/login"})
    assert "Log ind som lærer" in client.get("/login").text


def test_language_switch_never_redirects_off_site(client) -> None:
    response = client.post("/language", data={"lang": "en", "next": "//evil.example/"})
    assert response.location == "/"


DANISH_QUOTE = re.compile(r"„[^„“”\"]*“")


def danish_quote_problem(text: str) -> str | None:
    """Danish quotes are „…“: no straight or English-style quotes, and every „ closed."""
    rest = DANISH_QUOTE.sub("", text)
    stray = re.search(r"[\"“”„]|(?<![\w])'[^']+'(?![\w])", rest)
    return stray and f"{text!r} has {stray[0]!r}"


def test_danish_texts_quote_the_danish_way() -> None:
    problems = []
    for message in _catalog("da"):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        problems += [p for s in strings if message.id and (p := danish_quote_problem(s))]
    assert not problems, problems
