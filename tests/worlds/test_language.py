"""One language mechanism (issue 9, point 5): English msgids, a Danish catalogue, the
language held per context with `JAGTEN_LANG` and then Danish behind it."""

from __future__ import annotations

import contextvars
import io
import subprocess
import sys
from pathlib import Path
from typing import Annotated, Literal

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from pydantic import BaseModel, Field, ValidationError

from lessons.vote_methods import VoteMethod
from worlds.error_messages import PYDANTIC_MESSAGES, pydantic_message
from worlds.language import (
    DOMAIN,
    TRANSLATIONS_DIR,
    _,
    current_language,
    ngettext,
    number,
    using_language,
)

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = TRANSLATIONS_DIR / "da" / "LC_MESSAGES" / f"{DOMAIN}.po"
SOURCES = ["worlds", "lessons", "minecraft_scripts", "teacher_portal/cli.py",
           "teacher_portal/counting/cli.py", "teacher_portal/core/school_network.py"]  # fmt: skip
"""What the Makefile's `translations` target extracts."""


def _msgid(message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def _extracted_msgids(tmp_path: Path) -> set[str]:
    pot = tmp_path / "jagten.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-k", "N_", "-k", "say",
         "-o", str(pot), *SOURCES],
        check=True, capture_output=True, cwd=ROOT,
    )  # fmt: skip
    with pot.open("rb") as file:
        return {_msgid(message) for message in read_po(file) if message.id}


def _danish():
    with CATALOGUE.open("rb") as file:
        return read_po(file)


def test_every_msgid_has_a_danish_translation(tmp_path: Path) -> None:
    translated = {
        _msgid(message)
        for message in _danish()
        if message.id
        and all(message.string if isinstance(message.string, tuple) else [message.string])
    }
    extracted = _extracted_msgids(tmp_path)
    assert len(extracted) > 100  # the extraction found the messages at all
    missing = extracted - translated
    assert not missing, f"run `make translations` and add Danish for: {sorted(missing)}"


def test_the_compiled_catalogue_matches_its_source() -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _danish())
    committed = CATALOGUE.with_suffix(".mo").read_bytes()
    assert compiled.getvalue() == committed, "run: make translations"


def test_danish_by_default_then_the_environment_then_the_context(monkeypatch) -> None:
    monkeypatch.delenv("JAGTEN_LANG", raising=False)
    assert current_language() == "da"
    assert _("Everything matches.") == "Alt stemmer."
    monkeypatch.setenv("JAGTEN_LANG", "en_GB.UTF-8")
    assert current_language() == "en"
    with using_language("da"):
        assert _("Everything matches.") == "Alt stemmer."
    assert _("Everything matches.") == "Everything matches."
    monkeypatch.setenv("JAGTEN_LANG", "fr")
    assert current_language() == "da"  # a language the course does not have


def test_a_choice_stays_in_its_own_context(monkeypatch) -> None:
    """The portal sets the language per request; one request's choice never leaks."""
    monkeypatch.delenv("JAGTEN_LANG", raising=False)

    def request_in(language: str) -> str:
        with using_language(language):
            return _("Built %(name)s", name="Gården")

    other = contextvars.copy_context()
    assert other.run(request_in, "en") == "Built Gården"
    assert request_in("da") == "Bygget Gården"
    assert current_language() == "da"


def test_placeholders_and_numbers_follow_the_language() -> None:
    with using_language("da"):
        assert number(1234567.891, 2) == "1.234.567,89"
        assert ngettext("%(num)s warning", "%(num)s warnings", 2) == "2 advarsler"
    with using_language("en"):
        assert number(1234567.891, 2) == "1,234,567.89"
        assert ngettext("%(num)s warning", "%(num)s warnings", 1) == "1 warning"


def test_names_in_messages_are_one_clean_line() -> None:
    with using_language("en"):
        shown = _("Built %(name)s", name="\x1b[2J\x1b[5mSLETTET\r\nfamilie 👨\u200d👩\u200d👧")
    assert "\x1b" not in shown and "\r" not in shown and "\n" not in shown
    assert shown.endswith("SLETTET familie 👨\u200d👩\u200d👧")


class Sample(BaseModel):
    whole: int = 0
    fraction: float = 0
    flag: bool = False
    text: str = ""
    ge: Annotated[int, Field(ge=1)] = 1
    le: Annotated[int, Field(le=1)] = 1
    gt: Annotated[int, Field(gt=1)] = 2
    lt: Annotated[int, Field(lt=1)] = 0
    short: Annotated[str, Field(min_length=2)] = "ab"
    long: Annotated[str, Field(max_length=1)] = ""
    few: Annotated[list[int], Field(min_length=2)] = [1, 2]
    many: Annotated[list[int], Field(max_length=1)] = []
    literal: Literal["flat", "gabled"] = "flat"
    method: VoteMethod = VoteMethod.RANKED


BAD_INPUTS = [
    {"whole": [], "fraction": [], "flag": [], "text": 1, "ge": 0, "le": 2, "gt": 1, "lt": 1,
     "short": "a", "long": "ab", "few": [1], "many": [1, 2], "literal": "round", "method": "x"},
    {"whole": "x", "fraction": "x", "flag": "x"},
]  # fmt: skip


def _errors() -> list[dict]:
    errors = []
    for data in BAD_INPUTS:
        with pytest.raises(ValidationError) as caught:
            Sample.model_validate(data)
        errors += caught.value.errors(include_url=False)
    return errors


def test_pydantic_reads_as_pydantic_in_english_and_as_the_catalogue_in_danish() -> None:
    errors = _errors()
    assert {error["type"] for error in errors} == set(PYDANTIC_MESSAGES)
    for error in errors:
        with using_language("en"):
            assert pydantic_message(error) == error["msg"]
        with using_language("da"):
            assert pydantic_message(error) != error["msg"]
