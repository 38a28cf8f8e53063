"""Text made safe to show: one line, no control characters, cut between letters.

A name in an estate file may hold a carriage return, a next-line (U+0085) or a terminal
escape (ESC [2J clears the screen). Such a character ends a command in the game protocol,
breaks Pillow's text layout and rewrites a teacher's terminal, so every text that reaches
the game, a picture or the terminal passes through `one_line` first. Joiners stay: an
emoji family is one picture held together by U+200D and must not fall apart.
"""

from __future__ import annotations

import re
import unicodedata

import regex

UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
"""Control, format and line/paragraph separators: they can end or hide a line."""

JOINERS = frozenset({"\u200d", "\u200c"})
"""Zero-width (non-)joiners are format characters, but they only bind letters and emoji."""

_SPACES = re.compile(r"\s+")
_GRAPHEME = regex.compile(r"\X")


def is_unsafe(char: str) -> bool:
    return char not in JOINERS and unicodedata.category(char) in UNSAFE_CATEGORIES


def one_line(text: object, limit: int | None = None) -> str:
    """The text on one line, every unsafe character a space, at most `limit` characters
    (counted as code points, as servers count them) and never cut inside a letter or emoji."""
    normalised = unicodedata.normalize("NFC", str(text))
    cleaned = "".join(" " if is_unsafe(char) else char for char in normalised)
    cleaned = _SPACES.sub(" ", cleaned).strip()
    return cut(cleaned, limit).rstrip() if limit is not None else cleaned


def cut(text: str, limit: int) -> str:
    """The longest start of `text` of at most `limit` code points that ends between two
    graphemes (what a reader sees as one letter or one emoji)."""
    if len(text) <= limit:
        return text
    kept = 0
    for grapheme in _GRAPHEME.findall(text):
        if kept + len(grapheme) > limit:
            break
        kept += len(grapheme)
    return text[:kept]
