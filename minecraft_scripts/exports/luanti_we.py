"""A Luanti (Minetest) WorldEdit schematic (`.we`), for `//load` in any Luanti world.

We write WorldEdit's nested-table format ("version 4": `return {{...}, ...}` without a
version header), which every WorldEdit release reads, Debian's 0.6 included; newer releases
also read the `5:` header format but 0.6 does not. Air is left out, as WorldEdit's own
`//save` does: load the file on flat land or clear the area first.

WorldEdit 0.6 splits the list on `}, {` and drops the entry after the last split, so the
file ends with a repeat of its last node: newer releases simply place it twice.

Nodes are listed from the top layer down. Placing a node runs its game callbacks, and some
change the node below (a snow block turns the grass under it to snowy dirt); the node
below, placed later, is then the estate's again.

Luanti's z axis points north, the model's south, so the file mirrors z: a file loaded with
position 1 at (X, Y, Z) puts the model's north-west ground corner at (X, Y, Z + depth - 1).
"""

from __future__ import annotations

import numpy as np

from minecraft_scripts.exports.named_model import NamedModel


def we_bytes(model: NamedModel) -> bytes:
    """The schematic's text, UTF-8."""
    nz = model.size[2]
    texts = {(s.x, s.y, s.z): "\n".join(s.lines) for s in model.signs}
    entries = []
    solid = ~np.isin(model.grid, [i for i in range(len(model.palette)) if model.is_air(i)])
    positions = np.argwhere(solid)
    positions = positions[np.lexsort((positions[:, 2], positions[:, 0], -positions[:, 1]))]
    for x, y, z in positions:
        block = model.palette[int(model.grid[x, y, z])]
        fields = {}
        text = texts.get((int(x), int(y), int(z)))
        if text is not None:
            fields = {"text": text, "infotext": text}
        entries.append(_entry(int(x), int(y), nz - 1 - int(z), block.name, block.param2, fields))
    if entries:
        entries.append(entries[-1])
    return ("return {" + ", ".join(entries) + "}").encode("utf-8")


def _entry(x: int, y: int, z: int, name: str, param2: int, fields: dict[str, str]) -> str:
    meta = ", ".join(f'["{key}"] = {_lua_string(value)}' for key, value in fields.items())
    return (
        f'{{["x"] = {x}, ["y"] = {y}, ["z"] = {z}, ["name"] = {_lua_string(name)}, '
        f'["param1"] = 0, ["param2"] = {param2}, '
        f'["meta"] = {{["fields"] = {{{meta}}}, ["inventory"] = {{}}}}}}'
    )


def _lua_string(text: str) -> str:
    """A double-quoted Lua string; sign text is already free of control characters but for
    the line breaks that separate its lines."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
