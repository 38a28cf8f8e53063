"""A class's estate as it stands after its lessons: the sites switched to the variants the
class chose, and pupils' builds copied into sites (what `plots.place_captured` builds in a
live world), as one voxel model that any export writes.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from minecraft_scripts.generate import generate
from minecraft_scripts.plots import Anchor, CapturedBuild, PlotProblem, site_placement
from minecraft_scripts.voxels import MAX_MATERIALS, Box, VoxelModel
from worlds.language import _
from worlds.schema import Estate


def class_state_model(
    estate: Estate,
    variants: Mapping[str, str] | None = None,
    builds: Mapping[str, CapturedBuild] | None = None,
    anchor: Anchor = "centre",
) -> VoxelModel:
    """The estate with `variants` (site → variant) and `builds` (site → a group's captured
    build, placed as `plots.site_placement` places it)."""
    model = generate(estate, variants)
    for site_id, captured in (builds or {}).items():
        placed, region = site_placement(estate, captured, site_id, anchor)
        model = pasted(model, placed, region)
    return model


def pasted(model: VoxelModel, part: VoxelModel, region: Box) -> VoxelModel:
    """`model` with `region` (model-local) replaced by `part`, growing upwards if `part`
    reaches above it; signs inside the region give way."""
    materials = (*model.materials, *(m for m in part.materials if m not in model.materials))
    if len(materials) > MAX_MATERIALS:
        message = _("the estate and the builds use more than %(most)s blocks", most=MAX_MATERIALS)
        raise PlotProblem(message)
    nx, ny, nz = model.size
    grid = np.zeros((nx, max(ny, region.y2 + 1), nz), dtype=np.uint8)
    grid[:, :ny, :] = model.grid
    remap = np.array([materials.index(name) for name in part.materials], dtype=np.uint8)
    grid[region.slices()] = remap[part.grid]
    signs = [s for s in model.signs if not region.contains(s.x, s.y, s.z)]
    return VoxelModel(materials, grid, signs)
