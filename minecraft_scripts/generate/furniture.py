"""Paint the small things people use: playgrounds, benches, lamps, signs, and plot markers."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from minecraft_scripts.generate.canvas import Canvas
from worlds.data_model import DEFAULT_LANGUAGE
from worlds.geometry import Rect
from worlds.ground_features import Benches, Equipment, Lamps, Playground, Sign
from worlds.schema import Plot

PLAYGROUND_TOP = 5


def paint_playground(canvas: Canvas, playground: Playground) -> None:
    """A soft surface, an optional fence with a gate on the south side, then the equipment."""
    rect = playground.footprint()
    canvas.ground(rect, playground.surface)
    if playground.fence is not None:
        canvas.ring(rect, 1, 1, playground.fence)
        gate_x = (rect.x1 + rect.x2) // 2
        canvas.box(gate_x, 1, rect.z2, gate_x + 1, 1, rect.z2, "air")
    for piece in playground.equipment:
        EQUIPMENT_PAINTERS[piece.kind](canvas, piece)


def _swing(canvas: Canvas, piece: Equipment) -> None:
    x, z = piece.at
    frame = piece.material or "metal"
    for post_x in (x, x + 4):
        canvas.box(post_x, 1, z, post_x, 3, z, frame)
        canvas.box(post_x, 1, z + 2, post_x, 3, z + 2, frame)
    canvas.box(x, 4, z + 1, x + 4, 4, z + 1, frame)
    for seat_x in (x + 1, x + 3):
        canvas.box(seat_x, 3, z + 1, seat_x, 3, z + 1, "fence")
        canvas.box(seat_x, 2, z + 1, seat_x, 2, z + 1, "wood")


def _slide(canvas: Canvas, piece: Equipment) -> None:
    x, z = piece.at
    canvas.box(x, 1, z, x + 1, 2, z, "metal")
    canvas.box(x, 3, z, x + 1, 3, z + 1, piece.material or "wood")
    for step, y in enumerate((3, 2, 2, 1)):
        canvas.box(x, y, z + 2 + step, x + 1, y, z + 2 + step, "metal")


def _sandbox(canvas: Canvas, piece: Equipment) -> None:
    x, z = piece.at
    canvas.ring(Rect(x, z, x + 3, z + 3), 1, 1, piece.material or "wood")
    canvas.ground(Rect(x + 1, z + 1, x + 2, z + 2), "sand")


def _climbing_frame(canvas: Canvas, piece: Equipment) -> None:
    x, z = piece.at
    material = piece.material or "metal"
    for corner_x in (x, x + 3):
        for corner_z in (z, z + 3):
            canvas.box(corner_x, 1, corner_z, corner_x, 3, corner_z, material)
    canvas.ring(Rect(x, z, x + 3, z + 3), 4, 4, material)
    canvas.ring(Rect(x, z, x + 3, z + 3), 2, 2, material)


def _seesaw(canvas: Canvas, piece: Equipment) -> None:
    x, z = piece.at
    canvas.box(x + 2, 1, z, x + 2, 1, z, "metal")
    canvas.box(x, 1, z, x, 1, z, piece.material or "wood")
    canvas.box(x + 1, 2, z, x + 3, 2, z, piece.material or "wood")
    canvas.box(x + 4, 3, z, x + 4, 3, z, piece.material or "wood")


def _playhouse(canvas: Canvas, piece: Equipment) -> None:
    x, z = piece.at
    walls = Rect(x, z, x + 2, z + 2)
    canvas.ring(walls, 1, 2, piece.material or "wood")
    canvas.box(x + 1, 1, z + 2, x + 1, 2, z + 2, "air")
    canvas.area(walls, 3, 3, "roof_tiles")


def _trampoline(canvas: Canvas, piece: Equipment) -> None:
    x, z = piece.at
    canvas.ring(Rect(x, z, x + 2, z + 2), 1, 1, "metal")
    canvas.box(x + 1, 1, z + 1, x + 1, 1, z + 1, piece.material or "slate")


def _balance_beam(canvas: Canvas, piece: Equipment) -> None:
    x, z = piece.at
    canvas.box(x, 1, z, x + 4, 1, z, piece.material or "wood")


EQUIPMENT_PAINTERS: dict[str, Callable[[Canvas, Equipment], None]] = {
    "swing": _swing,
    "slide": _slide,
    "sandbox": _sandbox,
    "climbing_frame": _climbing_frame,
    "seesaw": _seesaw,
    "playhouse": _playhouse,
    "trampoline": _trampoline,
    "balance_beam": _balance_beam,
}


def bench_cells(benches: Benches) -> list[tuple[Rect, Rect]]:
    """(seat, backrest) of each bench: the seat runs across the facing direction."""
    cells = []
    for x, z in benches.points:
        if benches.facing in ("north", "south"):
            seat = Rect(x, z, x + 2, z)
            back_z = z + 1 if benches.facing == "north" else z - 1
            cells.append((seat, Rect(x, back_z, x + 2, back_z)))
        else:
            seat = Rect(x, z, x, z + 2)
            back_x = x + 1 if benches.facing == "west" else x - 1
            cells.append((seat, Rect(back_x, z, back_x, z + 2)))
    return cells


def paint_benches(canvas: Canvas, benches: Benches) -> None:
    for seat, back in bench_cells(benches):
        canvas.area(seat, 1, 1, benches.material)
        canvas.area(back, 1, 2, benches.material)


def paint_lamps(canvas: Canvas, lamps: Lamps) -> None:
    for x, z in lamps.points:
        canvas.box(x, 1, z, x, lamps.height - 1, z, "fence")
        canvas.box(x, lamps.height, z, x, lamps.height, z, "lamp")


def paint_sign(canvas: Canvas, sign: Sign) -> None:
    """A sign at ``height``, on a fence post when it stands above the ground."""
    x, z = sign.at
    if sign.height > 1:
        canvas.box(x, 1, z, x, sign.height - 1, z, "fence")
    canvas.sign(x, sign.height, z, sign.lines)


def paint_plot(canvas: Canvas, plot: Plot) -> None:
    """Mark an empty plot with a border in the ground and a sign naming it."""
    rect = plot.footprint()
    if plot.border is not None:
        canvas.ring(rect, 0, 0, plot.border)
    if plot.sign:
        canvas.sign(rect.x1, 1, rect.z1, sign_lines(plot.name.get(DEFAULT_LANGUAGE)))


def sign_lines(text: str) -> tuple[str, ...]:
    """Wrap text onto at most four sign lines of fifteen characters."""
    return tuple(textwrap.wrap(text, width=15)[:4]) or ("",)
