"""The named materials an estate may be built from.

Estate files say ``brick`` or ``roof_tiles``, never block ids: the palette in
``minecraft_scripts`` maps each name to what a game server can place. The
Danish and English names are for legends and for authors.
"""

from __future__ import annotations

import difflib
from typing import Annotated

from pydantic import AfterValidator

from worlds.data_model import Text
from worlds.error_messages import did_you_mean
from worlds.language import _

MATERIALS: dict[str, Text] = {
    "air": Text(da="luft", en="air"),
    # ground and surfaces
    "grass": Text(da="græs", en="grass"),
    "soil": Text(da="muld", en="soil"),
    "sand": Text(da="sand", en="sand"),
    "gravel_path": Text(da="grussti", en="gravel path"),
    "paving_stones": Text(da="fliser", en="paving stones"),
    "cobblestones": Text(da="brosten", en="cobblestones"),
    "asphalt": Text(da="asfalt", en="asphalt"),
    "road_marking": Text(da="vejstriber", en="road marking"),
    "safety_surface": Text(da="faldunderlag", en="safety surface"),
    "water": Text(da="vand", en="water"),
    # walls
    "brick": Text(da="røde mursten", en="red brick"),
    "yellow_brick": Text(da="gule mursten", en="yellow brick"),
    "white_concrete": Text(da="hvid beton", en="white concrete"),
    "light_grey_concrete": Text(da="lysegrå beton", en="light grey concrete"),
    "grey_concrete": Text(da="grå beton", en="grey concrete"),
    "stone": Text(da="natursten", en="stone"),
    "plaster": Text(da="puds", en="plaster"),
    "wood": Text(da="træ", en="wood"),
    "dark_wood": Text(da="mørkt træ", en="dark wood"),
    "glass": Text(da="glas", en="glass"),
    "ramp_slab": Text(da="rampe (halve blokke)", en="ramp (half blocks)"),
    # coloured facade panels (typical of 1960s–70s estates)
    "red_panel": Text(da="røde facadeplader", en="red panels"),
    "orange_panel": Text(da="orange facadeplader", en="orange panels"),
    "yellow_panel": Text(da="gule facadeplader", en="yellow panels"),
    "green_panel": Text(da="grønne facadeplader", en="green panels"),
    "blue_panel": Text(da="blå facadeplader", en="blue panels"),
    # roofs
    "roof_tiles": Text(da="tegltag", en="roof tiles"),
    "roof_felt": Text(da="tagpap", en="roofing felt"),
    "slate": Text(da="skifer", en="slate"),
    "green_roof": Text(da="grønt tag", en="green roof"),
    # plants
    "tree_trunk": Text(da="træstamme", en="tree trunk"),
    "leaves": Text(da="løv", en="leaves"),
    "conifer_leaves": Text(da="nåletræ", en="conifer needles"),
    "hedge": Text(da="hæk", en="hedge"),
    "flowers": Text(da="blomster", en="flowers"),
    "crops": Text(da="grøntsager", en="vegetables"),
    # details
    "metal": Text(da="metal", en="metal"),
    "fence": Text(da="hegn", en="fence"),
    "lamp": Text(da="lampe", en="lamp"),
    "sign": Text(da="skilt", en="sign"),
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
        raise ValueError(_("unknown material '%(name)s'; did you mean '%(close)s'?", name=name,
                           close=close[0]))  # fmt: skip
    hint = did_you_mean(name, choices)
    raise ValueError(_("unknown material '%(name)s'; %(hint)s", name=name, hint=hint))


Material = Annotated[str, AfterValidator(check_material)]
