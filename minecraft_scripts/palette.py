"""One palette: each named material → the block a game server should place, and what it reads back.

Two kinds of edition. The mcpi servers (`Edition`) take legacy numeric ids. Files and servers
that take block *names* (`NamedEdition`: modern Minecraft Java such as Paper 1.20+ with
FruitJuice, Bedrock and Minecraft Education, Luanti/Minetest node names) get a `NamedBlock`
per material from the table `_NAMED` below, kept next to the legacy ids.

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
from functools import cache
from typing import TypeAlias

from minecraft_scripts.raw_blocks import legacy_colour, parse_raw_block_name, raw_block_name
from worlds.language import _


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
        message = _("no palette entry for material %(name)s; known: %(known)s", name=repr(name),
                    known=known)  # fmt: skip
        raise UnknownMaterial(message) from None


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


# -- block names: modern Java, Bedrock / Minecraft Education, Luanti ---------------------

StateValue: TypeAlias = bool | int | str
"""Bedrock stores a bool as a byte, an int as an int, a str as a string; Java writes all
three as text (`true`, `7`, `y`)."""


class NamedEdition(StrEnum):
    """Games and files that name their blocks instead of numbering them."""

    JAVA = "java"  # Minecraft Java 1.20.4 ids: Sponge schematics, FruitJuice on Paper
    BEDROCK = "bedrock"  # Bedrock 1.21.50 and Minecraft Education: worlds, structures, commands
    LUANTI = "luanti"  # Luanti / Minetest node names with param2: WorldEdit schematics


@dataclass(frozen=True)
class NamedBlock:
    """A block by name with its states (Java properties, Bedrock states) or its param2."""

    name: str
    states: tuple[tuple[str, StateValue], ...] = ()
    param2: int = 0  # Luanti only

    @property
    def java_text(self) -> str:
        """`minecraft:oak_leaves[distance=7,persistent=true,waterlogged=false]`."""
        if not self.states:
            return self.name
        inner = ",".join(f"{key}={_state_text(value)}" for key, value in self.states)
        return f"{self.name}[{inner}]"

    @property
    def bedrock_command_text(self) -> str:
        """What `fill` and `setblock` take: `oak_leaves ["persistent_bit"=true,...]`."""
        short = self.name.removeprefix("minecraft:")
        if not self.states:
            return short
        inner = ",".join(f'"{key}"={_command_value(value)}' for key, value in self.states)
        return f"{short} [{inner}]"


def _state_text(value: StateValue) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _command_value(value: StateValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if isinstance(value, int) else f'"{value}"'


BEDROCK_BLOCK_VERSION = 18_163_713
"""The block-state version Bedrock 1.21.40+ stamps on a block (1.21.40.1 as four bytes);
an older or newer game upgrades the names from it."""
JAVA_DATA_VERSION = 3700
"""Minecraft Java 1.20.4; WorldEdit upgrades a schematic from it to the server's version."""


def _n(name: str, **states: StateValue) -> NamedBlock:
    return NamedBlock(f"minecraft:{name}", tuple(sorted(states.items())))


def _lt(node: str, param2: int = 0) -> NamedBlock:
    return NamedBlock(node, (), param2)


_LEAVES = {"distance": 7, "persistent": True, "waterlogged": False}
_BEDROCK_LEAVES = {"persistent_bit": True, "update_bit": False}
_FENCE = {side: False for side in ("east", "north", "south", "waterlogged", "west")}
_NAMED: dict[str, tuple[NamedBlock, NamedBlock, NamedBlock]] = {
    # material: (Java 1.20.4, Bedrock 1.21.50, Luanti node as pycraft places the legacy id)
    "air": (_n("air"), _n("air"), _lt("air")),
    "grass": (_n("grass_block", snowy=False), _n("grass_block"), _lt("default:dirt_with_grass")),
    "soil": (_n("coarse_dirt"), _n("coarse_dirt"), _lt("default:dirt")),
    "sand": (_n("sand"), _n("sand"), _lt("default:sand")),
    "gravel_path": (_n("gravel"), _n("gravel"), _lt("default:gravel")),
    "paving_stones": (_n("stone_bricks"), _n("stone_bricks"), _lt("default:stonebrick")),
    "cobblestones": (_n("cobblestone"), _n("cobblestone"), _lt("default:cobble")),
    "asphalt": (_n("coal_block"), _n("coal_block"), _lt("default:coalblock")),
    "road_marking": (_n("white_concrete"), _n("white_concrete"), _lt("wool:white")),
    "safety_surface": (_n("green_concrete"), _n("green_concrete"), _lt("wool:dark_green")),
    "water": (_n("water", level=0), _n("water", liquid_depth=0), _lt("default:water_source")),
    "brick": (_n("bricks"), _n("brick_block"), _lt("default:brick")),
    "yellow_brick": (_n("cut_sandstone"), _n("cut_sandstone"), _lt("default:sandstone")),
    "white_concrete": (_n("white_concrete"), _n("white_concrete"), _lt("default:snowblock")),
    "light_grey_concrete": (_n("light_gray_concrete"), _n("light_gray_concrete"), _lt("wool:grey")),
    "grey_concrete": (_n("gray_concrete"), _n("gray_concrete"), _lt("wool:dark_grey")),
    "stone": (_n("smooth_stone"), _n("smooth_stone"), _lt("default:stone")),
    "ramp_slab": (
        _n("smooth_stone_slab", type="bottom", waterlogged=False),
        _n("smooth_stone_slab", **{"minecraft:vertical_half": "bottom"}),
        _lt("stairs:slab_stone"),
    ),
    "plaster": (_n("white_terracotta"), _n("white_terracotta"), _lt("default:clay")),
    "wood": (_n("oak_planks"), _n("oak_planks"), _lt("default:wood")),
    "dark_wood": (_n("dark_oak_planks"), _n("dark_oak_planks"), _lt("default:acacia_tree")),
    "glass": (_n("glass"), _n("glass"), _lt("default:glass")),
    "red_panel": (_n("red_concrete"), _n("red_concrete"), _lt("wool:red")),
    "orange_panel": (_n("orange_concrete"), _n("orange_concrete"), _lt("wool:orange")),
    "yellow_panel": (_n("yellow_concrete"), _n("yellow_concrete"), _lt("wool:yellow")),
    "green_panel": (_n("lime_concrete"), _n("lime_concrete"), _lt("wool:green")),
    "blue_panel": (_n("blue_concrete"), _n("blue_concrete"), _lt("wool:blue")),
    "roof_tiles": (_n("terracotta"), _n("hardened_clay"), _lt("wool:red")),
    "roof_felt": (_n("black_concrete"), _n("black_concrete"), _lt("default:obsidian")),
    "slate": (_n("deepslate_tiles"), _n("deepslate_tiles"), _lt("wool:black")),
    "green_roof": (_n("moss_block"), _n("moss_block"), _lt("default:mossycobble")),
    "tree_trunk": (_n("oak_log", axis="y"), _n("oak_log", pillar_axis="y"), _lt("default:tree")),
    "leaves": (
        _n("oak_leaves", **_LEAVES), _n("oak_leaves", **_BEDROCK_LEAVES), _lt("default:leaves", 1),
    ),
    "conifer_leaves": (
        _n("spruce_leaves", **_LEAVES), _n("spruce_leaves", **_BEDROCK_LEAVES),
        _lt("default:pine_needles", 1),
    ),
    "hedge": (
        _n("dark_oak_leaves", **_LEAVES), _n("dark_oak_leaves", **_BEDROCK_LEAVES),
        _lt("default:jungleleaves", 1),
    ),
    "flowers": (_n("poppy"), _n("poppy"), _lt("flowers:rose")),
    "crops": (_n("fern"), _n("fern"), _lt("default:junglegrass")),
    "metal": (_n("iron_block"), _n("iron_block"), _lt("default:steelblock")),
    "fence": (_n("oak_fence", **_FENCE), _n("oak_fence"), _lt("default:fence_wood")),
    "lamp": (_n("glowstone"), _n("glowstone"), _lt("default:meselamp")),
    "sign": (
        _n("oak_sign", rotation=0, waterlogged=False), _n("standing_sign", ground_sign_direction=0),
        _lt(MINETEST_SIGN_NODE, 4),
    ),
}  # fmt: skip
"""Modern editions have concrete, terracotta and moss, so they need fewer stand-ins than the
legacy ids; crops stay a fern, whose name is the same in every Java 1.20 release."""
_NAMED_COLUMN = {NamedEdition.JAVA: 0, NamedEdition.BEDROCK: 1, NamedEdition.LUANTI: 2}


def named_block(name: str, edition: NamedEdition) -> NamedBlock:
    """The named block a material is in an edition; a raw legacy block (`block:ID:DATA`)
    takes the names of the palette material with that legacy block."""
    entry = _NAMED.get(name)
    if entry is None:
        entry = _NAMED[_material_for_raw(name)]
    return entry[_NAMED_COLUMN[edition]]


def named_blocks_for(materials: tuple[str, ...], edition: NamedEdition) -> list[NamedBlock]:
    """The named block of each material index of a model, in index order."""
    return [named_block(name, edition) for name in materials]


@cache
def named_block_for_legacy(block_id: int, data: int, edition: NamedEdition) -> NamedBlock:
    """The named block for a legacy id, as the builder sends it to a Java-like server."""
    return named_block(raw_block_name(block_id, data), edition)


def _material_for_raw(name: str) -> str:
    """The palette material whose legacy block a raw block is: first a Java block with that
    id and data (they are unique), then a Minetest one, then the same by id alone."""
    key = parse_raw_block_name(name)
    if key is None:
        material(name)  # raises UnknownMaterial with the list of known names
        raise UnknownMaterial(_("material %(name)s has no block names", name=repr(name)))
    block_id, data = key
    for exact in (True, False):
        for side in ("java", "minetest"):
            for entry in MATERIALS.values():
                block = getattr(entry, side)
                if block.id == block_id and (block.data == data or not exact):
                    return entry.name
    raise UnknownMaterial(
        _(
            "legacy block %(id)s:%(data)s (%(name)s) has no modern name in the palette; add "
            "a material with that block to minecraft_scripts/palette.py",
            id=block_id,
            data=data,
            name=name,
        )
    )
