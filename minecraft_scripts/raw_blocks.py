"""Raw legacy blocks: an (id, data) pair that no palette material names, e.g. what pupils built.

A pupil group's build is copied block for block, so its blocks keep their legacy ids rather
than being forced into the estate palette. Such a block travels through models, plans and
builds as a material named `block:ID:DATA`, which the palette resolves to exactly that block
on every edition; this module owns that naming and the block's preview colour.
"""

from __future__ import annotations

import re

RAW_PREFIX = "block:"
_RAW_NAME = re.compile(r"^block:(\d{1,3}):(\d{1,2})$")
MAX_ID, MAX_DATA = 255, 15
UNKNOWN_COLOUR = (150, 150, 150)
"""A neutral grey for ids the table below does not know."""


def raw_block_name(block_id: int, data: int = 0) -> str:
    """The material name of one raw block, e.g. `block:35:14` for red wool."""
    if not (0 <= block_id <= MAX_ID and 0 <= data <= MAX_DATA):
        raise ValueError(f"block id {block_id} / data {data} outside 0..{MAX_ID} / 0..{MAX_DATA}")
    return f"{RAW_PREFIX}{block_id}:{data}"


def parse_raw_block_name(name: str) -> tuple[int, int] | None:
    """(id, data) of a `block:ID:DATA` name, or None when `name` is no valid raw block name."""
    match = _RAW_NAME.match(name)
    if match is None:
        return None
    block_id, data = int(match[1]), int(match[2])
    if block_id > MAX_ID or data > MAX_DATA:
        return None
    return block_id, data


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16)


DYE_COLOURS = tuple(
    _rgb(colour)
    for colour in (
        "#e9ecec", "#f07613", "#bd44b3", "#3aafd9", "#f8c627", "#70b919", "#ed8dac", "#3e4447",
        "#8e8e86", "#158991", "#792aac", "#35399d", "#724728", "#546d1b", "#a12722", "#141519",
    )
)  # fmt: skip
"""The sixteen dye colours by data value (white, orange, magenta, … black)."""

DYED_IDS = frozenset({35, 95, 159, 160, 171, 251, 252})
"""Wool, stained glass (and panes), stained clay, carpet, concrete (and powder)."""

_ID_COLOURS = {
    1: "#7d7d7d", 2: "#6aa84f", 3: "#86603f", 4: "#7a7a7a", 5: "#b08850", 6: "#4f8a2f",
    7: "#2a2a2e", 8: "#3f76e4", 9: "#3f76e4", 10: "#e8661c", 11: "#e8661c", 12: "#e3d59b",
    13: "#8a8580", 14: "#8f8b7c", 15: "#8a8580", 16: "#6e6e6e", 17: "#5d4427", 18: "#3f7f2f",
    20: "#c8e6f0", 21: "#3a4fbf", 22: "#2750a8", 24: "#d9cc94", 30: "#e0e0e0", 31: "#5e9c3a",
    37: "#e8d83a", 38: "#d8343a", 39: "#8a6a4a", 40: "#c23a32", 41: "#f4d63a", 42: "#d8d8d8",
    43: "#a8a8a8", 44: "#a8a8a8", 45: "#a5462e", 46: "#d23a2a", 47: "#8a6a3e", 48: "#5f7a5a",
    49: "#1c1626", 50: "#f6d15a", 53: "#b08850", 54: "#9a6a30", 56: "#7f9c9c", 57: "#62dbd6",
    58: "#8a5a32", 60: "#5a3a20", 61: "#6e6e6e", 62: "#7e6e5e", 64: "#9a7440", 65: "#a07a42",
    67: "#7a7a7a", 71: "#c8c8c8", 73: "#a12722", 78: "#f4fafa", 79: "#90b4f4", 80: "#f0fafa",
    81: "#3f7a2a", 82: "#a0a6b4", 83: "#c8b860", 85: "#8a6a3e", 89: "#f6e7a1", 96: "#8a6a3e",
    98: "#7a7a78", 102: "#c8e6f0", 103: "#8ea23a", 107: "#8a6a3e", 108: "#a5462e",
    109: "#7a7a78", 111: "#2f7a2a", 114: "#4a2428", 121: "#dcdca0", 123: "#6a4a2a",
    124: "#d8a860", 125: "#b08850", 126: "#b08850", 128: "#d9cc94", 133: "#3ac46a",
    134: "#6e5232", 135: "#c8b47a", 136: "#a8744e", 152: "#a81a0a", 155: "#ece6de",
    156: "#ece6de", 161: "#3f7f2f", 162: "#6e5a4a", 163: "#a8583a", 164: "#4a3220",
    167: "#c8c8c8", 168: "#4b7a70", 169: "#b4d4c8", 172: "#98603e", 173: "#1e1e1e",
    174: "#a0c0f4", 175: "#d84a5a", 179: "#b8642e", 180: "#b8642e", 203: "#a87aa8",
}  # fmt: skip
"""Preview colours of common legacy ids; pycraft reads wool:blue back as 21 and wool:red
as 73, so those two take the wool colours pupils actually see in Minetest."""
ID_COLOURS = {block_id: _rgb(colour) for block_id, colour in _ID_COLOURS.items()}


def legacy_colour(block_id: int, data: int = 0) -> tuple[int, int, int]:
    """A preview colour for a legacy block: dyed blocks by their data, others by id."""
    if block_id in DYED_IDS:
        return DYE_COLOURS[data % 16]
    return ID_COLOURS.get(block_id, UNKNOWN_COLOUR)
