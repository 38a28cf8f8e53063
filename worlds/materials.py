"""The named materials an estate may be built from.

Estate files say ``brick`` or ``roof_tiles``, never block ids: the palette in
``minecraft_scripts`` maps each name to what a game server can place. The
Danish and English names are for legends and for authors.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator

from worlds.error_messages import did_you_mean


@dataclass(frozen=True)
class MaterialName:
    """What a material is called in Danish and English."""

    da: str
    en: str


MATERIALS: dict[str, MaterialName] = {
    "air": MaterialName("luft", "air"),
    # ground and surfaces
    "grass": MaterialName("græs", "grass"),
    "soil": MaterialName("muld", "soil"),
    "sand": MaterialName("sand", "sand"),
    "gravel_path": MaterialName("grussti", "gravel path"),
    "paving_stones": MaterialName("fliser", "paving stones"),
    "cobblestones": MaterialName("brosten", "cobblestones"),
    "asphalt": MaterialName("asfalt", "asphalt"),
    "road_marking": MaterialName("vejstriber", "road marking"),
    "safety_surface": MaterialName("faldunderlag", "safety surface"),
    "water": MaterialName("vand", "water"),
    # walls
    "brick": MaterialName("røde mursten", "red brick"),
    "yellow_brick": MaterialName("gule mursten", "yellow brick"),
    "white_concrete": MaterialName("hvid beton", "white concrete"),
    "light_grey_concrete": MaterialName("lysegrå beton", "light grey concrete"),
    "grey_concrete": MaterialName("grå beton", "grey concrete"),
    "stone": MaterialName("natursten", "stone"),
    "plaster": MaterialName("puds", "plaster"),
    "wood": MaterialName("træ", "wood"),
    "dark_wood": MaterialName("mørkt træ", "dark wood"),
    "glass": MaterialName("glas", "glass"),
    # coloured facade panels (typical of 1960s–70s estates)
    "red_panel": MaterialName("røde facadeplader", "red panels"),
    "orange_panel": MaterialName("orange facadeplader", "orange panels"),
    "yellow_panel": MaterialName("gule facadeplader", "yellow panels"),
    "green_panel": MaterialName("grønne facadeplader", "green panels"),
    "blue_panel": MaterialName("blå facadeplader", "blue panels"),
    # roofs
    "roof_tiles": MaterialName("tegltag", "roof tiles"),
    "roof_felt": MaterialName("tagpap", "roofing felt"),
    "slate": MaterialName("skifer", "slate"),
    "green_roof": MaterialName("grønt tag", "green roof"),
    # plants
    "tree_trunk": MaterialName("træstamme", "tree trunk"),
    "leaves": MaterialName("løv", "leaves"),
    "conifer_leaves": MaterialName("nåletræ", "conifer needles"),
    "hedge": MaterialName("hæk", "hedge"),
    "flowers": MaterialName("blomster", "flowers"),
    "crops": MaterialName("grøntsager", "vegetables"),
    # details
    "metal": MaterialName("metal", "metal"),
    "fence": MaterialName("hegn", "fence"),
    "lamp": MaterialName("lampe", "lamp"),
    "sign": MaterialName("skilt", "sign"),
}

MATERIAL_IDS: tuple[str, ...] = tuple(MATERIALS)

CAR_COLOURS: tuple[str, ...] = ("red_panel", "blue_panel", "white_concrete", "grey_concrete")


def check_material(name: str) -> str:
    """Accept a known material name, or explain with the closest spelling."""
    if name in MATERIALS and name != "air":
        return name
    choices = [material for material in MATERIALS if material != "air"]
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    if close:
        raise ValueError(f"unknown material '{name}'; did you mean '{close[0]}'?")
    raise ValueError(f"unknown material '{name}'; {did_you_mean(name, choices)}")


Material = Annotated[str, AfterValidator(check_material)]
