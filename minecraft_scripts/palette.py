"""One palette: each named material → the block a game server should place, and what it reads back.

Minecraft Java (RaspberryJuice, 1.12 legacy ids) and Minetest (pycraft) differ: pycraft maps a
subset of ids to Minetest nodes and answers `getBlocks` with the *first* id registered for a node
(wool:red reads back as 73, obsidian as 7), so an entry declares what it reads back as where
that differs. Verification and diff rebuilds compare what is read; where two materials read
back alike (on Java all wool colours are 35), a diff rebuild cannot tell them apart and
re-sends them instead. Where an edition lacks a block, the entry names the fallback.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from minecraft_scripts.raw_blocks import legacy_colour, parse_raw_block_name


class Edition(StrEnum):
    """The game servers we build on."""

    JAVA = "java"  # Minecraft Java (or Pi) through RaspberryJuice
    MINETEST = "minetest"  # Minetest with the pycraft mod


@dataclass(frozen=True)
class Block:
    """A legacy block id with its data value, and the (id, data) a server reads back for it."""

    id: int
    data: int = 0
    reads_as: tuple[int, int] | None = None

    def read_key(self, edition: Edition) -> int:
        """What a read of this block answers, as one number.

        RaspberryJuice reads ids only. pycraft also reads the data value back
        (`getBlocksWithData`), which tells its wool colours apart.
        """
        block_id, data = self.reads_as or (self.id, self.data)
        return block_id if edition is Edition.JAVA else block_id * 16 + data


@dataclass(frozen=True)
class Material:
    """How one named material looks in a preview and which block each edition places."""

    name: str
    colour: tuple[int, int, int]
    java: Block
    minetest: Block
    fallback: str = ""  # the declared stand-in where an edition lacks the intended block

    def block(self, edition: Edition) -> Block:
        return self.java if edition is Edition.JAVA else self.minetest


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return red, green, blue


B = Block
_ENTRIES = (
    # name, preview colour, Java block, Minetest block, declared fallback
    ("air", "#000000", B(0), B(0), ""),
    ("grass", "#6aa84f", B(2), B(2), ""),
    ("soil", "#6b4a2f", B(3, 1), B(3), "Java: coarse dirt, which grass does not overgrow"),
    ("sand", "#e3d59b", B(12), B(12), ""),
    ("gravel_path", "#b5aca0", B(13), B(13), ""),
    ("paving_stones", "#b9b6ae", B(98), B(98), "stone bricks"),
    ("cobblestones", "#858585", B(4), B(4), ""),
    ("asphalt", "#3d3d42", B(173), B(173), "coal block"),
    ("road_marking", "#f4f4f0", B(80), B(35, 0), "Java: snow block; Minetest: white wool"),
    ("safety_surface", "#3f8f4f", B(251, 13), B(35, 13), "green concrete / green wool"),
    ("water", "#3f76e4", B(9), B(9), "still water; the generator encloses it, or it flows"),
    ("brick", "#a5462e", B(45), B(45), ""),
    ("yellow_brick", "#dcc784", B(24, 2), B(24), "sandstone"),
    ("white_concrete", "#eeece6", B(155), B(80), "Java: quartz block; Minetest: snow block"),
    ("light_grey_concrete", "#c4c4bf", B(82), B(35, 8), "Java: clay; Minetest: grey wool"),
    ("grey_concrete", "#8e8e8a", B(1, 5), B(35, 7), "Java: andesite; Minetest: dark grey wool"),
    ("stone", "#7b7b7b", B(43), B(1), "Java: smooth stone"),
    ("plaster", "#e6dcc3", B(121), B(82), "Java: end stone; Minetest: clay"),
    ("wood", "#b08850", B(5), B(5), ""),
    ("dark_wood", "#4a3220", B(125, 5), B(162), "Java: dark oak; Minetest: acacia trunk"),
    ("glass", "#a9d3e6", B(20), B(20), ""),
    ("ramp_slab", "#a7a49c", B(44), B(44), "stone slab: half a block, walked up without a jump"),
    ("red_panel", "#b8322a", B(159, 14), B(35, 14, reads_as=(73, 0)), "terracotta / wool"),
    ("orange_panel", "#e07b28", B(179, 2), B(35, 1), "Java: smooth red sandstone; Minetest: wool"),
    ("yellow_panel", "#f0c630", B(35, 4), B(35, 4), "wool"),
    ("green_panel", "#5a9e3a", B(133), B(35, 5), "Java: emerald block; Minetest: wool"),
    ("blue_panel", "#3a62c4", B(22), B(35, 11, reads_as=(21, 0)), "lapis block / wool"),
    ("roof_tiles", "#b4482f", B(172), B(35, 14, reads_as=(73, 0)), "terracotta / red wool"),
    ("roof_felt", "#2c2c30", B(49), B(49, reads_as=(7, 0)), "obsidian"),
    ("slate", "#4b5560", B(168, 2), B(35, 15), "Java: dark prismarine; Minetest: black wool"),
    ("green_roof", "#6f8f3a", B(48), B(48), "mossy cobblestone"),
    ("tree_trunk", "#5d4427", B(17), B(17), ""),
    ("leaves", "#3f7f2f", B(18, 4), B(18, 4), "leaves that never decay"),
    ("conifer_leaves", "#2d5a36", B(18, 5), B(18, 5), "spruce / pine needles that never decay"),
    ("hedge", "#2f5f2a", B(161, 5), B(18, 7), "Java: dark oak leaves; Minetest: jungle leaves"),
    ("flowers", "#e04a5f", B(38), B(175, 4), "Java: poppy; Minetest: rose"),
    ("crops", "#8fbf3f", B(31, 1), B(31), "tall grass stands in for vegetables"),
    ("metal", "#c7cacc", B(42), B(42), "iron / steel block"),
    ("fence", "#8a6a3e", B(85), B(85), ""),
    ("lamp", "#f6e7a1", B(89), B(89), "Java: glowstone; Minetest: mese lamp"),
    ("sign", "#c9a15a", B(63), B(1), "Minetest: a wooden sign; its text needs our jagten mod"),
)
MATERIALS: dict[str, Material] = {
    name: Material(name, _rgb(colour), java, minetest, fallback)
    for name, colour, java, minetest, fallback in _ENTRIES
}

MINETEST_SIGN_NODE = "default:sign_wall_wood"
"""pycraft places this node through `world.setNode`; our jagten mod writes its text."""
JAVA_SIGN_POST = Block(63)


class UnknownMaterial(KeyError):
    """A model names a material the palette does not know."""


def material(name: str) -> Material:
    try:
        return MATERIALS[name]
    except KeyError:
        raw = raw_block_material(name)
        if raw is not None:
            return raw
        known = ", ".join(sorted(MATERIALS))
        raise UnknownMaterial(f"no palette entry for material {name!r}; known: {known}") from None


def raw_block_material(name: str) -> Material | None:
    """A `block:ID:DATA` name (see `raw_blocks`) as a material that places exactly that block
    on every edition, e.g. a pupil's build copied block for block; None for other names."""
    key = parse_raw_block_name(name)
    if key is None:
        return None
    block = Block(*key)
    return Material(name, legacy_colour(*key), block, block)


def blocks_for(materials: tuple[str, ...], edition: Edition) -> list[Block]:
    """The block of each material index of a model, in index order."""
    return [material(name).block(edition) for name in materials]


def read_keys_for(materials: tuple[str, ...], edition: Edition) -> list[int]:
    """What a read answers for each material index of a model (see `Block.read_key`)."""
    return [block.read_key(edition) for block in blocks_for(materials, edition)]


def colours_for(materials: tuple[str, ...]) -> list[tuple[int, int, int]]:
    return [material(name).colour for name in materials]


def ambiguous_read_keys(edition: Edition) -> frozenset[int]:
    """Read keys shared by several palette materials: a read cannot tell which one stands."""
    tally = Counter(entry.block(edition).read_key(edition) for entry in MATERIALS.values())
    return frozenset(key for key, count in tally.items() if count > 1)
