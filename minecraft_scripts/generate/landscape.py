"""Paint the ground between buildings: lawns, paths, roads, car parks, allotments, trees."""

from __future__ import annotations

import itertools

import numpy as np

from minecraft_scripts.generate.canvas import GROUND_Y, Canvas
from minecraft_scripts.generate.frames import Frame
from worlds.geometry import Rect
from worlds.ground_features import Allotments, Lawn, Parking, Path, Road, Trees
from worlds.materials import CAR_COLOURS
from worlds.shapes import CellMask

GROUND_CROPS = frozenset({"soil", "sand", "gravel_path"})
"""Bed materials that lie in the ground rather than growing on it."""


def paint_lawn(canvas: Canvas, lawn: Lawn) -> None:
    """Grass, an optional low hedge with a gap midway along each side, and flower beds."""
    rect = lawn.footprint()
    if lawn.outline is not None:
        cells = lawn.cells()
        canvas.mask((rect.x1, GROUND_Y, rect.z1), cells.cells[:, None, :], lawn.material)
    else:
        canvas.ground(rect, lawn.material)
    if lawn.border is not None:
        canvas.ring(rect, 1, 1, lawn.border)
        mid_x, mid_z = (rect.x1 + rect.x2) // 2, (rect.z1 + rect.z2) // 2
        canvas.box(mid_x, 1, rect.z1, mid_x + 1, 1, rect.z2, "air")
        canvas.box(rect.x1, 1, mid_z, rect.x2, 1, mid_z + 1, "air")
    for x, z in lawn.flower_beds:
        canvas.box(x, 1, z, x + 1, 1, z + 1, "flowers")


def paint_path(canvas: Canvas, path: Path) -> None:
    """The path in the ground layer, following the land; a ramp puts a half block on each
    cell whose neighbour along the path is one block higher."""
    if not canvas.heights.any() and path.angle == "straight":
        for strip in path.strips():
            canvas.ground(strip, path.material)
        return
    cells = path.cells()
    canvas.surface(cells, path.material)
    if path.ramp:
        canvas.surface(_rises(cells, canvas.heights), "ramp_slab", lift=1)


def _rises(cells: CellMask, heights: np.ndarray) -> CellMask:
    """Path cells next to a path cell one block higher: where a step would be."""
    rect = cells.rect
    local = np.zeros(cells.cells.shape, dtype=np.int32)
    x1, z1 = max(rect.x1, 0), max(rect.z1, 0)
    x2, z2 = min(rect.x2, heights.shape[0] - 1), min(rect.z2, heights.shape[1] - 1)
    local[x1 - rect.x1 : x2 - rect.x1 + 1, z1 - rect.z1 : z2 - rect.z1 + 1] = heights[
        x1 : x2 + 1, z1 : z2 + 1
    ]
    on = np.pad(cells.cells, 1)
    level = np.pad(local, 1)
    width, depth = cells.cells.shape
    rise = np.zeros(cells.cells.shape, dtype=bool)
    for dx, dz in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        neighbour = (slice(1 + dx, 1 + dx + width), slice(1 + dz, 1 + dz + depth))
        rise |= on[neighbour] & (level[neighbour] == local + 1)
    return CellMask(rect, rise & cells.cells)


def paint_road(canvas: Canvas, road: Road) -> None:
    """Asphalt legs with a dashed centre line (two cells painted, two left) along each."""
    paint_path(canvas, road)
    if not road.markings:
        return
    centre = road.width // 2
    for start, end in itertools.pairwise(road.points):
        leg = Rect.around([start, end])
        along_x = start[1] == end[1] and start[0] != end[0]
        length = leg.width if along_x else leg.depth
        dashes = (np.arange(length) // 2) % 2 == 0
        if along_x:
            mask, low = dashes[:, None, None], (leg.x1, GROUND_Y, leg.z1 + centre)
        else:
            mask, low = dashes[None, None, :], (leg.x1 + centre, GROUND_Y, leg.z1)
        canvas.mask(low, mask, "road_marking")


def paint_parking(canvas: Canvas, parking: Parking) -> None:
    """Rows of bays along the long side(s), an aisle between, and parked cars if asked."""
    rect = parking.footprint()
    canvas.ground(rect, parking.surface)
    frame = Frame(rect, "north" if rect.width >= rect.depth else "west")
    bay_depth = min(5, frame.depth)
    rows = [0] if frame.depth < 2 * bay_depth + 3 else [0, frame.depth - bay_depth]
    bay = parking.bay_width
    bays = [(u, v) for v in rows for u in range(1, frame.length - bay + 1, bay + 1)]
    for u, v in bays:
        for line_u in (u - 1, u + bay):
            canvas.ground(frame.span(line_u, v, line_u, v + bay_depth - 1), parking.marking)
    colours = canvas.rng("cars", parking.at).choice(len(CAR_COLOURS), size=len(bays))
    for (u, v), colour in list(zip(bays, colours, strict=True))[: parking.cars]:
        body = frame.span(u, v + 1, u + parking.bay_width - 2, v + bay_depth - 2)
        canvas.area(body, 1, 1, CAR_COLOURS[colour])
        cabin = frame.span(u, v + 2, u + parking.bay_width - 2, v + bay_depth - 3)
        canvas.area(cabin, 2, 2, "glass")


def paint_allotments(canvas: Canvas, allotments: Allotments) -> None:
    """A grid of beds between paths, crops cycling bed by bed, a fence and a shed."""
    rect = allotments.footprint()
    canvas.ground(rect, allotments.path)
    bed_w, bed_d = allotments.bed
    xs = range(rect.x1 + 1, rect.x2 - bed_w + 1, bed_w + 1)
    zs = range(rect.z1 + 1, rect.z2 - bed_d + 1, bed_d + 1)
    for column, x in enumerate(xs):
        for row, z in enumerate(zs):
            crop = allotments.crops[(column + row) % len(allotments.crops)]
            bed = Rect(x, z, x + bed_w - 1, z + bed_d - 1)
            canvas.ground(bed, "soil")
            if crop not in GROUND_CROPS:
                canvas.area(bed, 1, 1, crop)
            elif crop != "soil":
                canvas.ground(bed, crop)
    if allotments.shed:
        shed = Rect(rect.x2 - 3, rect.z1 + 1, rect.x2 - 1, rect.z1 + 3)
        canvas.area(shed, 1, 2, "wood")
        canvas.area(shed, 3, 3, "roof_felt")
        canvas.box(shed.x1 + 1, 1, shed.z2, shed.x1 + 1, 2, shed.z2, "dark_wood")
    if allotments.fence is not None:
        canvas.ring(rect, 1, 1, allotments.fence)
        gate_x = (rect.x1 + rect.x2) // 2
        canvas.box(gate_x, 1, rect.z2, gate_x + 1, 1, rect.z2, "air")


def tree_heights(canvas: Canvas, trees: Trees) -> list[int]:
    """Each tree's height: the given one give or take a cell, fixed by the estate."""
    jitter = canvas.rng("trees", tuple(trees.points)).integers(-1, 2, size=len(trees.points))
    return [trees.height + int(delta) for delta in jitter]


def trees_top(trees: Trees) -> int:
    return trees.height + 2


def paint_trees(canvas: Canvas, trees: Trees) -> None:
    """Leafy trees get a full crown, conifers a stepped cone, each on a trunk.

    Trunks stop where the crown begins: hidden wood would only split the crown
    into more build commands.
    """
    for (x, z), height in zip(trees.points, tree_heights(canvas, trees), strict=True):
        if trees.kind == "leafy":
            crown_bottom = max(2, height - 3)
            canvas.box(x - 2, crown_bottom, z - 2, x + 2, height - 1, z + 2, "leaves")
            canvas.box(x - 1, height, z - 1, x + 1, height, z + 1, "leaves")
        else:
            crown_bottom = max(2, height - 4)
            for step, radius in enumerate((2, 1, 1, 0)):
                y = crown_bottom + step
                canvas.box(x - radius, y, z - radius, x + radius, y, z + radius, "conifer_leaves")
            canvas.box(x, height, z, x, height + 1, z, "conifer_leaves")
        canvas.box(x, 1, z, x, crown_bottom - 1, z, "tree_trunk")
