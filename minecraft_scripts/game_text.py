"""The one place where text is made safe before it reaches a game server.

The mcpi protocol is one command per line with no quoting: a newline inside a chat
message or sign text ends the command and lets the rest run as a new command, and a
comma inside a sign line shifts the following lines. Every text argument the
connection sends passes through `safe_argument`; chat, signs and player names get
their own, stricter rules on top. Danish letters (æøå) and other printable Unicode
survive unchanged, emoji held together by joiners too. The rule for what is unsafe is
`worlds.text_safety`'s, which pictures and the terminal follow as well.
"""

import re

from worlds.text_safety import cut, one_line

CHAT_LIMIT = 200
"""Minecraft clients cut chat lines at 256 characters; leave room for the sender prefix."""

SIGN_LINE_LIMIT = 15
"""A Minecraft sign shows about 15 characters on each of its four lines."""

SIGN_LINES = 4

_PLAYER_NAME = re.compile(r"[A-Za-z0-9_]{1,16}")


def safe_argument(text: str, limit: int | None = None) -> str:
    """Text with every control or line-breaking character replaced by a space.

    This is the last line of defence for any text argument: what it returns can never
    contain a line break, so it can never start a second command.
    """
    return one_line(text, limit)


def safe_chat_text(text: str) -> str:
    """A single chat line. Commas and parentheses are fine in chat: both servers take
    everything up to the line's last closing parenthesis as the message."""
    return safe_argument(text, CHAT_LIMIT)


def safe_sign_lines(lines: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """At most four short sign lines. Commas separate a sign's lines in the protocol,
    so a comma inside a line becomes a semicolon instead of shifting the next line."""
    safe = []
    for line in list(lines)[:SIGN_LINES]:
        text = safe_argument(line).replace(",", ";").replace("(", "[").replace(")", "]")
        safe.append(cut(text, SIGN_LINE_LIMIT).rstrip())
    return tuple(safe)


def is_player_name(name: str) -> bool:
    """Minecraft Java names are 3–16 letters, digits or underscores; Minetest allows
    1–20 of the same. We accept the overlap a school is likely to use."""
    return bool(_PLAYER_NAME.fullmatch(name))
