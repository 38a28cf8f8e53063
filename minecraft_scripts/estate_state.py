"""A class's estate as it stands after its decisions: the estate, the variants lessons asked
for, and what the class decided site by site (a variant, or a group's captured build).

Pure: the state becomes one voxel model (`state_model`), which builds, pictures and exports
all start from, so a later build can never forget a decision. `build_regions` says which
parts of that model a build may touch: the groups' plots are theirs once they build there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np

from minecraft_scripts.generate import generate
from minecraft_scripts.generate.canvas import GROUND_Y
from minecraft_scripts.plots import Anchor, CapturedBuild, PlotProblem, site_placement
from minecraft_scripts.voxels import MAX_MATERIALS, Box, Sign, VoxelModel
from worlds.language import _
from worlds.schema import Estate


@dataclass(frozen=True)
class VariantDecision:
    """The class chose one of the site's designed variants."""

    site_id: str
    variant_id: str


@dataclass(frozen=True)
class ProposalDecision:
    """The class chose a group's own build, copied block for block into the site."""

    site_id: str
    captured: CapturedBuild
    anchor: Anchor = "centre"


Decision = VariantDecision | ProposalDecision


@dataclass(frozen=True)
class EstateState:
    """An estate with the lessons' variants and the class's decisions, oldest first; a later
    decision about a site replaces an earlier one."""

    estate: Estate
    base_variants: Mapping[str, str] = field(default_factory=dict)
    decisions: tuple[Decision, ...] = ()

    def standing(self) -> dict[str, Decision]:
        """The decision that stands on each decided site."""
        return {decision.site_id: decision for decision in self.decisions}

    def variants(self) -> dict[str, str]:
        """Every variant to generate: the lessons' choice, overruled by the class's."""
        chosen = {site: variant for site, variant in self.base_variants.items()}
        for decision in self.standing().values():
            if isinstance(decision, VariantDecision):
                chosen[decision.site_id] = decision.variant_id
        return chosen

    def with_base(self, variants: Mapping[str, str]) -> EstateState:
        return EstateState(self.estate, dict(variants), self.decisions)

    def before_last(self) -> EstateState:
        """The state as it was before the newest decision."""
        return EstateState(self.estate, self.base_variants, self.decisions[:-1])


def state_model(state: EstateState) -> VoxelModel:
    """The estate as voxels with every standing decision in place."""
    model = generate(state.estate, variants=state.variants())
    for decision in state.standing().values():
        if isinstance(decision, ProposalDecision):
            model = _with_proposal(model, state.estate, decision)
    return model


def _with_proposal(model: VoxelModel, estate: Estate, decision: ProposalDecision) -> VoxelModel:
    """The model with a group's build standing in the site (the site above its ground gives
    way, as `copy_plot_to_site` does it)."""
    placed, region = site_placement(estate, decision.captured, decision.site_id, decision.anchor)
    materials = list(model.materials)
    for name in placed.materials:
        if name not in materials:
            materials.append(name)
    if len(materials) > MAX_MATERIALS:
        message = _(
            "the estate and the class's builds use %(count)s different blocks together; at "
            "most %(most)s fit one model",
            count=len(materials) - 1, most=MAX_MATERIALS - 1,
        )  # fmt: skip
        raise PlotProblem(message)
    grid = model.grid
    if region.y2 >= grid.shape[1]:
        grid = np.pad(grid, ((0, 0), (0, region.y2 + 1 - grid.shape[1]), (0, 0)))
    else:
        grid = grid.copy()
    remap = np.array([materials.index(name) for name in placed.materials], dtype=np.uint8)
    grid[region.slices()] = remap[placed.grid]
    signs = [s for s in model.signs if not region.contains(s.x, s.y, s.z)]
    return VoxelModel(tuple(materials), grid, signs)


def site_region(model: VoxelModel, estate: Estate, site_id: str) -> Box:
    """A site's column in this model, ground to the model's top (which a tall build raises)."""
    area = estate.site(site_id).footprint()
    return Box(area.x1, GROUND_Y, area.z1, area.x2, model.size[1] - 1, area.z2)


def plot_volume(model: VoxelModel, estate: Estate, plot_id: str) -> Box:
    """Where a group builds: the plot's footprint from one above the ground to the top."""
    area = next(plot for plot in estate.plots if plot.id == plot_id).footprint()
    return Box(area.x1, GROUND_Y + 1, area.z1, area.x2, model.size[1] - 1, area.z2)


def build_regions(model: VoxelModel, estate: Estate, keep_plots: bool = True) -> list[Box]:
    """Boxes covering the model except, with `keep_plots`, the plots above their ground: a
    rebuild must never take away what a group has built. The plots' ground and borders are
    the estate's and are covered; their name signs are placed separately (`plot_signs`)."""
    if not keep_plots or not estate.plots:
        return [model.bounds]
    nx, ny, nz = model.size
    top = ny - 1
    regions = [Box(0, 0, 0, nx - 1, GROUND_Y, nz - 1)]
    plots = [plot.footprint() for plot in estate.plots]
    for x1, x2 in _intervals([(p.x1, p.x2) for p in plots], nx):
        covered = [(p.z1, p.z2) for p in plots if p.x1 <= x1 and x2 <= p.x2]
        for z1, z2 in _gaps(covered, nz):
            regions.append(Box(x1, GROUND_Y + 1, z1, x2, top, z2))
    return regions


def _intervals(spans: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """0..size-1 cut at every span's edge, so each piece lies wholly in or out of a span."""
    cuts = sorted({0, size} | {a for a, _ in spans} | {b + 1 for _, b in spans})
    return [(a, b - 1) for a, b in pairwise(cuts) if 0 <= a < b <= size]


def _gaps(spans: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """The parts of 0..size-1 no span covers."""
    gaps, start = [], 0
    for a, b in sorted(spans):
        if a > start:
            gaps.append((start, a - 1))
        start = max(start, b + 1)
    if start < size:
        gaps.append((start, size - 1))
    return gaps


def plot_signs(model: VoxelModel, estate: Estate) -> list[Sign]:
    """The estate's own signs inside the plots (each plot's name sign)."""
    volumes = [plot_volume(model, estate, plot.id) for plot in estate.plots]
    return [s for s in model.signs if any(v.contains(s.x, s.y, s.z) for v in volumes)]


SITE_SURROUNDINGS = 6
"""Blocks of the estate kept around a site, so a close-up shows where the site lies."""


def site_close_up(model: VoxelModel, estate: Estate, site_id: str) -> VoxelModel:
    """The site and a little of its surroundings: a before/after picture's subject."""
    site = site_region(model, estate, site_id)
    m = SITE_SURROUNDINGS
    return model.cropped(Box(site.x1 - m, 0, site.z1 - m, site.x2 + m, site.y2, site.z2 + m))
