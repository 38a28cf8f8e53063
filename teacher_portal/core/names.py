"""Names as the portal stores them, cleaned once where they come in.

Nicknames, group, household, class and teacher names and Minecraft names end up in the game's
chat, on printed cards, in exports and terminals; a raw ESC, a line break or a right-to-left
override in one would reach all of them. What counts as unsafe is the game's own rule
(`minecraft_scripts.game_text.safe_argument`), so a name is stored as the game shows it.
"""

from minecraft_scripts.game_text import safe_argument


def clean_name(raw: str | None) -> str:
    """Control, format and line-separator characters become spaces, runs of spaces one space,
    the ends are trimmed and the letters NFC-composed (so "å" typed two ways is one name)."""
    return safe_argument(raw or "")
