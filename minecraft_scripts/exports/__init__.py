"""The estate as files other games open: Minecraft Education / Bedrock worlds and structures,
Minecraft Java schematics and Luanti WorldEdit schematics.

`export_model` takes any voxel model, so a class's state (sites switched to the variants it
chose, pupils' builds copied into sites) exports just like a freshly generated estate:
`export_estate(estate, fmt, variants=...)` is the common case.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from minecraft_scripts.exports.luanti_we import we_bytes
from minecraft_scripts.exports.mcstructure import mcstructure_bytes
from minecraft_scripts.exports.mcworld import mcworld_bytes
from minecraft_scripts.exports.named_model import named_model
from minecraft_scripts.exports.sponge_schem import schem_bytes
from minecraft_scripts.game_text import safe_argument
from minecraft_scripts.generate import generate
from minecraft_scripts.palette import NamedEdition
from minecraft_scripts.voxels import VoxelModel
from worlds.data_model import DEFAULT_LANGUAGE
from worlds.schema import Estate

WORLD_NAME_LIMIT = 64
"""Characters of a world's name; the game's world list shows about that many."""


class ExportFormat(StrEnum):
    """File formats, named by their file suffix."""

    MCWORLD = "mcworld"  # Minecraft Education / Bedrock: a world to double-click
    MCSTRUCTURE = "mcstructure"  # Bedrock: `/structure load` in an existing world
    SCHEM = "schem"  # Minecraft Java: Sponge schematic for WorldEdit / FastAsyncWorldEdit
    WE = "we"  # Luanti / Minetest: WorldEdit `//load`

    @property
    def edition(self) -> NamedEdition:
        return _EDITIONS[self]

    @property
    def suffix(self) -> str:
        return f".{self.value}"


_EDITIONS = {
    ExportFormat.MCWORLD: NamedEdition.BEDROCK,
    ExportFormat.MCSTRUCTURE: NamedEdition.BEDROCK,
    ExportFormat.SCHEM: NamedEdition.JAVA,
    ExportFormat.WE: NamedEdition.LUANTI,
}


def export_model(model: VoxelModel, fmt: ExportFormat, *, title: str) -> bytes:
    """The file's bytes; `title` names a world (Minecraft shows it in its world list)."""
    named = named_model(model, fmt.edition)
    if fmt is ExportFormat.MCWORLD:
        return mcworld_bytes(named, safe_argument(title, WORLD_NAME_LIMIT) or "Jagten")
    if fmt is ExportFormat.MCSTRUCTURE:
        return mcstructure_bytes(named)
    if fmt is ExportFormat.SCHEM:
        return schem_bytes(named)
    return we_bytes(named)


def export_estate(
    estate: Estate,
    fmt: ExportFormat,
    *,
    variants: Mapping[str, str] | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> bytes:
    """An estate with each site showing its chosen variant (the default otherwise)."""
    return export_model(generate(estate, variants), fmt, title=estate.name.get(language))


def file_name(estate: Estate, fmt: ExportFormat) -> str:
    """A download name: the estate's id and the format's suffix, e.g. `gogeurtgaarden.mcworld`."""
    return f"{estate.id}{fmt.suffix}"
