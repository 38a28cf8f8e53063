"""The pupils' own neighbourhood: an estate file made from OpenStreetMap data.

``import_estate(path, box, ...)`` reads an OSM extract (XML or PBF) with pyosmium, keeps
what lies in the bounding box, and writes a checked estate YAML with buildings (outlines,
storeys, roofs), roads, paths, green areas and trees. The teacher adds sites and plots.
Map data © OpenStreetMap contributors, under the ODbL: the file says so.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from minecraft_scripts.osm.converting import Conversion, convert
from minecraft_scripts.osm.reading import BoundingBox, read_map
from worlds.datafile import parse_data_text
from worlds.language import _
from worlds.schema import Estate

__all__ = ["BoundingBox", "import_estate"]


def import_estate(
    path: str | Path, box: BoundingBox, estate_id: str = "vores_kvarter", name: str = ""
) -> str:
    """The estate YAML for ``box`` of the extract at ``path``, checked like any estate
    file (raises ``DataFileError`` should the result not load)."""
    conversion = convert(read_map(path, box), box.size())
    text = estate_text(conversion, box, estate_id, name or "Vores kvarter")
    parse_data_text(text, Estate, file=f"{estate_id}.yaml")
    return text


def estate_text(conversion: Conversion, box: BoundingBox, estate_id: str, name: str) -> str:
    where = f"{box.west},{box.south},{box.east},{box.north}"
    lines = [
        _(
            "%(name)s: imported from OpenStreetMap data for the box %(box)s (W,S,E,N).",
            name=name,
            box=where,
        ),
        _("Map data © OpenStreetMap contributors, available under the Open Database License."),
        _("Grid: x grows east, z grows south, [0, 0] is the north-west corner; one block = 1 m."),
        _("Add sites (what the class votes on) and plots (for pupil groups): docs/estates.md."),
        *(_("Left out: %(reason)s", reason=reason) for reason in conversion.left_out),
    ]
    header = [f"# {line}" for line in lines]
    document = {
        "id": estate_id,
        "name": {"da": name, "en": name},
        "origin": {
            "da": f"Vores eget kvarter, hentet fra OpenStreetMap ({where}). Kortdata © "
            "OpenStreetMap-bidragydere (ODbL).",
            "en": f"Our own neighbourhood, from OpenStreetMap ({where}). Map data © "
            "OpenStreetMap contributors (ODbL).",
        },
        "size": list(conversion.size),
        "location": {
            "latitude": round((box.south + box.north) / 2, 4),
            "longitude": round((box.west + box.east) / 2, 4),
        },
    }
    body = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=95,
                          default_flow_style=None)  # fmt: skip
    features = ["features:"]
    for feature in conversion.features:
        line = yaml.safe_dump(feature, allow_unicode=True, sort_keys=False,
                              default_flow_style=True, width=95).strip()  # fmt: skip
        features.append("  - " + line.replace("\n", "\n    "))
    return "\n".join([*header, body.rstrip(), "", *features]) + "\n"
