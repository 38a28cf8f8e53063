"""Game names for the managed world: what a pupil (or teacher) types as "Name" in Minetest.

A pupil plays under the roster's Minecraft name when the game accepts it and nobody else in
the world has it; otherwise under a name made from the nickname (Bjørk → Bjoerk), numbered
when taken (Ali, Ali2). Names are compared without case, so Ali and ALI are never two
players, and are unique across every class in the world, since the classes share it.
"""

import unicodedata

from minecraft_scripts.game_text import is_player_name

NAME_MAX = 16
"""`game_text.is_player_name`: Minecraft Java's 16, within Minetest's 20."""
SUFFIX_ROOM = 3
"""Digits kept free for numbering a taken name (Ali2 … Ali999)."""

_SPELLED_OUT = {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "ß": "ss"}


def ascii_name(text: str) -> str:
    """The letters, digits and underscores of `text`, Danish letters spelled out, accents
    dropped, spaces as one underscore: Bjørk → Bjoerk, "Ali B." → Ali_B."""
    spelled = "".join(_SPELLED_OUT.get(char, char) for char in text)
    plain = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode()
    kept = "".join(char if char.isalnum() or char == "_" else " " for char in plain)
    return "_".join(kept.split())


def unique_name(base: str, taken: set[str]) -> str:
    """`base` (cut to fit), or numbered from 2 until it is free; `taken` holds casefolded
    names and gets the new one."""
    stem = base[: NAME_MAX - SUFFIX_ROOM].strip("_") or "Elev"
    name, number = stem, 1
    while name.casefold() in taken:
        number += 1
        name = f"{stem}{number}"
    taken.add(name.casefold())
    return name


def pupil_name(nickname: str, taken: set[str]) -> str:
    return unique_name(ascii_name(nickname) or "Elev", taken)


def teacher_name(teacher_name: str, taken: set[str]) -> str:
    """Laerer_ and the teacher's first name: pupils see who speaks in the chat."""
    first = ascii_name(teacher_name).split("_")[0]
    return unique_name(f"Laerer_{first}"[: NAME_MAX - SUFFIX_ROOM], taken)


def usable_minecraft_name(name: str | None) -> bool:
    return bool(name) and is_player_name(name)
