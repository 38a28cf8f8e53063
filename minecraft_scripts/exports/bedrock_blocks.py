"""What Bedrock files share: a block as its NBT palette entry, and a sign's block entity.

Bedrock (and so Minecraft Education) stores blocks as little-endian NBT compounds
`{name, states, version}`; a bool state is a byte. A sign's text lives in a block entity
(`FrontText.Text`, lines joined by line breaks; the older top-level `Text` too, for games
before 1.20).
"""

from __future__ import annotations

from nbtlib import Byte, Compound, Int, String

from minecraft_scripts.palette import BEDROCK_BLOCK_VERSION, NamedBlock, StateValue

BLACK = -16_777_216  # ARGB, as a signed int


def palette_entry(block: NamedBlock) -> Compound:
    states = Compound({key: _state_tag(value) for key, value in block.states})
    return Compound(
        {"name": String(block.name), "states": states, "version": Int(BEDROCK_BLOCK_VERSION)}
    )


def _state_tag(value: StateValue) -> Byte | Int | String:
    if isinstance(value, bool):
        return Byte(int(value))
    return Int(value) if isinstance(value, int) else String(value)


def sign_entity(x: int, y: int, z: int, lines: tuple[str, ...]) -> Compound:
    """The block entity of a standing sign at world (or structure) position x, y, z."""
    text = "\n".join(lines)
    return Compound(
        {
            "id": String("Sign"),
            "x": Int(x),
            "y": Int(y),
            "z": Int(z),
            "isMovable": Byte(1),
            "IsWaxed": Byte(0),
            "Text": String(text),
            "FrontText": _side(text),
            "BackText": _side(""),
        }
    )


def _side(text: str) -> Compound:
    return Compound(
        {
            "Text": String(text),
            "TextOwner": String(""),
            "SignTextColor": Int(BLACK),
            "IgnoreLighting": Byte(0),
            "HideGlowOutline": Byte(0),
            "PersistFormatting": Byte(1),
        }
    )
