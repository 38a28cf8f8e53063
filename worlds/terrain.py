"""The lie of the land: a height map, terraces and slopes, in whole blocks above y = 0.

Without ``terrain`` the ground is flat at y = 0, as before. Parts apply in order, each over
what came before: the height map first, then terraces (level plateaus), then slopes (which
rise evenly across their rectangle towards one side). Features stand on the ground they
are on: lawns, paths and playgrounds follow it, buildings stand level on a plinth.
"""

from __future__ import annotations

from typing import Annotated

import numpy as np
from pydantic import Field

from worlds.data_model import Strict
from worlds.datafile import FieldIssue
from worlds.geometry import Area, Side
from worlds.language import _

MAX_GROUND = 20
Height = Annotated[int, Field(ge=0, le=MAX_GROUND)]


class HeightMap(Strict):
    """Ground heights in a grid: each value covers ``cell`` × ``cell`` blocks; ``rows`` run
    north to south, each row west to east. The last row and column reach to the edge."""

    cell: Annotated[int, Field(ge=1, le=100)] = 10
    rows: Annotated[list[Annotated[list[Height], Field(min_length=1)]], Field(min_length=1)]


class Terrace(Area):
    """A level plateau at ``height``."""

    height: Height


class Slope(Area):
    """Ground rising evenly from ``low`` to ``high`` across the rectangle, towards
    ``rises_towards``."""

    rises_towards: Side
    low: Height = 0
    high: Height


class Terrain(Strict):
    height_map: HeightMap | None = None
    terraces: tuple[Terrace, ...] = ()
    slopes: tuple[Slope, ...] = ()

    def heights(self, size: tuple[int, int]) -> np.ndarray:
        """The ground's y per (x, z) cell of an estate of ``size``."""
        heights = np.zeros(size, dtype=np.int16)
        if self.height_map is not None:
            cell = self.height_map.cell
            for row_index, row in enumerate(self.height_map.rows):
                for column, value in enumerate(row):
                    heights[column * cell : (column + 1) * cell,
                            row_index * cell : (row_index + 1) * cell] = value  # fmt: skip
            _stretch_to_edges(heights, self.height_map)
        for terrace in self.terraces:
            rect = terrace.footprint()
            heights[rect.x1 : rect.x2 + 1, rect.z1 : rect.z2 + 1] = terrace.height
        for slope in self.slopes:
            rect = slope.footprint()
            along = rect.width if slope.rises_towards in ("east", "west") else rect.depth
            steps = np.arange(along)
            if slope.rises_towards in ("west", "north"):
                steps = steps[::-1]
            ramp = slope.low + np.round(steps * (slope.high - slope.low) / max(1, along - 1))
            values = ramp[:, None] if slope.rises_towards in ("east", "west") else ramp[None, :]
            window = heights[rect.x1 : rect.x2 + 1, rect.z1 : rect.z2 + 1]
            window[...] = np.broadcast_to(values, window.shape)
        return heights

    def issues(self) -> list[FieldIssue]:
        if self.height_map is not None:
            widths = {len(row) for row in self.height_map.rows}
            if len(widths) > 1:
                message = _("every row of the height map must have as many values as the first")
                return [FieldIssue(("height_map", "rows"), message)]
        return []


def _stretch_to_edges(heights: np.ndarray, height_map: HeightMap) -> None:
    """Cells past the map's last row or column take its edge values."""
    covered_x = len(height_map.rows[0]) * height_map.cell
    covered_z = len(height_map.rows) * height_map.cell
    if covered_x < heights.shape[0]:
        heights[covered_x:, :] = heights[covered_x - 1 : covered_x, :]
    if covered_z < heights.shape[1]:
        heights[:, covered_z:] = heights[:, covered_z - 1 : covered_z]
