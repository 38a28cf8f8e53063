"""One language for everything the toolkit prints: Danish by default, English on request.

Messages are English msgids with named placeholders, written as the portal's Flask-Babel
code writes them: `_("Built %(name)s", name=estate_name)`. The Danish lives in
`worlds/translations/da/LC_MESSAGES/jagten.po` (compiled to `.mo` by `make translations`).
The language is held in a context variable, so `jagten --lang en` sets it for one command
and the portal can set it per request, making estate-file errors on a page follow the
teacher's language; where nothing set it, `JAGTEN_LANG` decides, and then Danish.

Placeholder values are shown as one clean line (`worlds.text_safety`): a name holding an
escape sequence or a carriage return never reaches a terminal or a picture raw.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from functools import lru_cache
from pathlib import Path
from typing import Literal

from worlds.text_safety import one_line

Language = Literal["da", "en"]
LANGUAGES: tuple[Language, ...] = ("da", "en")
DEFAULT_LANGUAGE: Language = "da"

DOMAIN = "jagten"
TRANSLATIONS_DIR = Path(__file__).with_name("translations")
LANGUAGE_VARIABLE = "JAGTEN_LANG"

_chosen: ContextVar[Language | None] = ContextVar("jagten_language", default=None)


def language_from(text: str | None) -> Language:
    """A course language from a setting such as `en`, `en_GB.UTF-8` or `da`; Danish else."""
    code = (text or "").strip().lower()[:2]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE  # type: ignore[return-value]


def current_language() -> Language:
    """The language chosen in this context, else `JAGTEN_LANG`, else Danish."""
    chosen = _chosen.get()
    if chosen is not None:
        return chosen
    return language_from(os.environ.get(LANGUAGE_VARIABLE))


def set_language(language: Language) -> Token:
    """Choose the language for the rest of this context (a request, a command)."""
    return _chosen.set(language_from(language))


def reset_language(token: Token) -> None:
    _chosen.reset(token)


@contextmanager
def language_kept() -> Iterator[None]:
    """A language chosen inside the block (`set_language`) ends with it: a command's choice
    holds until its last line, its error, is printed, then the one before returns."""
    token = _chosen.set(_chosen.get())
    try:
        yield
    finally:
        reset_language(token)


@contextmanager
def using_language(language: Language | None) -> Iterator[None]:
    """Speak `language` inside the block; `None` leaves the current choice alone."""
    if language is None:
        yield
        return
    token = set_language(language)
    try:
        yield
    finally:
        reset_language(token)


@lru_cache
def _translations(language: Language) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()  # the msgids are English
    return gettext.translation(DOMAIN, TRANSLATIONS_DIR, languages=[language], fallback=True)


def _(msgid: str, /, **values: object) -> str:
    """`msgid` in the current language, its `%(name)s` placeholders filled and cleaned."""
    text = _translations(current_language()).gettext(msgid)
    return text % _shown(values) if values else text


def ngettext(singular: str, plural: str, num: int, /, **values: object) -> str:
    """Singular or plural by `num` (also given to the message as `%(num)s`)."""
    text = _translations(current_language()).ngettext(singular, plural, num)
    return text % _shown({"num": number(num), **values})


def N_(message: str) -> str:
    """Mark a msgid kept in a table for extraction; `_` translates it where it is shown."""
    return message


say = _
"""The same function under a name the portal's own catalogue extraction does not collect:
`teacher_portal/cli.py` prints through it, and its messages belong to this catalogue."""


def number(value: float, decimals: int = 0) -> str:
    """1234567.8 as Danes write it ("1.234.567,8") or as the English do ("1,234,567.8")."""
    text = f"{value:,.{decimals}f}"
    if current_language() == "en":
        return text
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def _shown(values: dict[str, object]) -> dict[str, object]:
    return {
        key: one_line(value) if isinstance(value, str) else value for key, value in values.items()
    }
