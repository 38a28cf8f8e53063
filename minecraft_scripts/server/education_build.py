"""Building an estate in a connected Minecraft Education world, with the usual builder.

The game only changes blocks in loaded chunks, and a world loads chunks near its players:
so before the build the region becomes a ticking area (kept loaded) and the teacher is
moved above its middle; afterwards the ticking areas go again. Nothing can be read back
over this connection, so the build is sent whole (air too, clearing the ground) and not
verified.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping

from minecraft_scripts.generate import generate
from minecraft_scripts.server.build import BuildReport, build_model
from minecraft_scripts.server.connection import CommandFailed
from minecraft_scripts.server.education import EducationConnection
from minecraft_scripts.voxels import Box
from worlds.language import Language, _, using_language
from worlds.schema import Estate

TICKING_AREA_CHUNKS = 10
"""A ticking area spans at most 100 chunks: we use squares of 10 × 10."""


def ticking_areas(box: Box) -> Iterator[Box]:
    """The region cut into squares of at most 10 × 10 chunks (y is ignored by the game)."""
    span = TICKING_AREA_CHUNKS * 16
    for x in range(box.x1, box.x2 + 1, span):
        for z in range(box.z1, box.z2 + 1, span):
            yield Box(x, box.y1, z, min(box.x2, x + span - 1), box.y2, min(box.z2, z + span - 1))


def build_in_education(
    conn: EducationConnection,
    estate: Estate,
    *,
    at: tuple[int, int, int],
    variants: Mapping[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    language: Language = "da",
) -> BuildReport:
    """Build the estate with its north-west ground corner at `at` (the game's coordinates)."""
    model = generate(estate, variants)
    region = model.bounds.translated(*at)
    areas = [f"jagten_{number}" for number, _ in enumerate(ticking_areas(region), start=1)]
    for name, area in zip(areas, ticking_areas(region), strict=True):
        conn.run(f"tickingarea add {_corners(area)} {name}")
    middle = ((region.x1 + region.x2) // 2, region.y2 + 2, (region.z1 + region.z2) // 2)
    conn.run("tp @s {} {} {}".format(*middle))
    _tolerate_refusal(conn)  # an old world may know no ticking areas: build all the same
    try:
        report = build_model(conn, model, at=at, verify=False, progress=progress)  # type: ignore[arg-type]
    finally:
        for name in areas:
            conn.run(f"tickingarea remove {name}")
        _tolerate_refusal(conn)
    with using_language(language):
        conn.post_to_chat(_("The estate %(name)s is built.", name=estate.name.get(language)))
    conn.barrier()
    return report


def _corners(box: Box) -> str:
    return f"{box.x1} {box.y1} {box.z1} {box.x2} {box.y2} {box.z2}"


def _tolerate_refusal(conn: EducationConnection) -> None:
    with contextlib.suppress(CommandFailed):
        conn.barrier()
