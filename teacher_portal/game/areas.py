"""Where each class builds in the shared world: an area of its own, sized to its estate.

Areas are allocated inside the portal's region (`BUILD_REGION_*`, clipped to Minetest's
world limit) and recorded in the database, so classes never overlap, however many
teachers and classes there are: nothing wraps around. An area stays with its class until
the class is deleted; a class that builds a larger estate moves to a new area that fits.
The one question "where does this class build this estate?" is `build_origin`; every
build of the class asks it (`estates.build_jobs`), so the estate follows its area.
"""

from collections.abc import Iterable

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from minecraft_scripts.generate import model_size
from minecraft_scripts.server import game_kinds
from teacher_portal.core.extensions import db
from teacher_portal.game.servers import server_for
from teacher_portal.models import SchoolClass
from teacher_portal.models.world import WorldArea
from worlds.catalog import load_estate
from worlds.geometry import Rect

WORLD_LIMIT = game_kinds.MINETEST.high[0]
"""The managed world's edge (Minetest), as the toolkit's game kinds know it."""


def ground_of(area: WorldArea) -> Rect:
    """An area's ground in server x/z, inclusive."""
    return Rect(area.x1, area.z1, area.x2, area.z2)


def too_close(place: Rect, other: Rect, gap: int) -> bool:
    """Whether the two overlap or stand less than `gap` blocks apart."""
    return place.grown(gap, gap, gap, gap).overlaps(other)


class NoRoom(Exception):
    """The region has no free ground the size of the estate; the message says what to do."""


def first_free(size: tuple[int, int], taken: Iterable[Rect], region: Rect, gap: int) -> Rect | None:
    """The free place for `size` nearest the region's corner, `gap` blocks from the others.

    Candidates are the corner and the places just east and just south of each taken area
    (the classic bottom-left packing); nearest means the smallest square around the corner,
    so areas cluster near spawn and a freed area is used again.
    """
    width, depth = size
    taken = list(taken)
    xs = {region.x1} | {area.x2 + gap + 1 for area in taken} | {area.x1 for area in taken}
    zs = {region.z1} | {area.z2 + gap + 1 for area in taken} | {area.z1 for area in taken}
    candidates = sorted(
        ((x, z) for x in xs for z in zs),
        key=lambda xz: (max(xz[0] - region.x1, xz[1] - region.z1), xz[1], xz[0]),
    )
    for x, z in candidates:
        place = Rect(x, z, x + width - 1, z + depth - 1)
        if region.contains(place) and not any(too_close(place, area, gap) for area in taken):
            return place
    return None


def region() -> Rect:
    """The portal's part of the world, never past the world's edge."""
    config = current_app.config
    x1, z1 = config["BUILD_REGION_X"], config["BUILD_Z"]
    x2 = x1 + config["BUILD_REGION_WIDTH"] - 1
    z2 = z1 + config["BUILD_REGION_DEPTH"] - 1
    limit = WORLD_LIMIT
    return Rect(max(x1, -limit), max(z1, -limit), min(x2, limit), min(z2, limit))


def class_key(school_class: SchoolClass) -> str:
    """The class's name in the game's mod: its area, its plots (`key/plot`), its settings."""
    return f"class-{school_class.id}"


def area_of(school_class: SchoolClass) -> WorldArea | None:
    return db.session.scalar(select(WorldArea).where(WorldArea.class_id == school_class.id))


def taken_areas(world: str | None, excluding: WorldArea | None = None) -> list[WorldArea]:
    """Every area that holds land in this world (or in a world not yet known): those of
    classes, and those of deleted classes whose land is not yet cleared there."""
    query = select(WorldArea).order_by(WorldArea.id)
    if world is not None:
        query = query.where((WorldArea.world == world) | WorldArea.world.is_(None))
    return [area for area in db.session.scalars(query) if area is not excluding]


def area_for(school_class: SchoolClass, size: tuple[int, int], height: int) -> WorldArea:
    """The class's area, allocated (or moved to one that fits) for an estate of `size`, in
    the world of the class's game server."""
    world = server_for(school_class).address
    current = area_of(school_class)
    ground = ground_of(current) if current is not None else None
    fits = ground is not None and ground.width >= size[0] and ground.depth >= size[1]
    if fits and current.world in (world, None):
        current.height = max(current.height, height)
        current.world = world
        return current
    place = first_free(
        size, map(ground_of, taken_areas(world)), region(), current_app.config["BUILD_GAP"]
    )
    if place is None:
        raise NoRoom(_no_room_message(size))
    if current is not None:  # the old land is cleared and freed at the next update
        current.class_id = None
        db.session.flush()
    area = WorldArea(
        class_id=school_class.id,
        key=class_key(school_class),
        x1=place.x1,
        z1=place.z1,
        x2=place.x2,
        z2=place.z2,
        y=current_app.config["BUILD_Y"],
        height=height,
        world=world,
    )
    db.session.add(area)
    db.session.flush()
    return area


def build_origin(school_class: SchoolClass, estate_id: str) -> tuple[int, int, int]:
    """Where the class builds this estate: the corner of its own area, allocated (or moved)
    to fit the estate; raises `NoRoom` when the world is full."""
    width, height, depth = model_size(load_estate(estate_id))
    area = area_for(school_class, (width, depth), height)
    return area.x1, area.y, area.z1


def planned_origin(school_class: SchoolClass) -> tuple[int, int, int]:
    """Where the class's estate will stand, without allocating: its area's corner, or the
    region's corner before its first build (every build asks `build_origin` again)."""
    area = area_of(school_class)
    if area is not None:
        return area.x1, area.y, area.z1
    corner = region()
    return corner.x1, current_app.config["BUILD_Y"], corner.z1


def _no_room_message(size: tuple[int, int]) -> str:
    return _(
        "There is no room left in the game world for an estate of %(width)d × %(depth)d "
        "blocks: the portal's part of the world (%(region)s) is full. Delete a class you "
        "no longer use (that frees its area), or give this class a game server of its own "
        "under “Game server”.",
        width=size[0],
        depth=size[1],
        region=region().describe(),
    )


def build_problem(
    school_class: SchoolClass, origin: tuple[int, int, int], size: tuple[int, int]
) -> str | None:
    """Why a build there must not run, or None: it has to stay inside the class's own area
    (land the portal allocated to it), which must touch no other class's land."""
    x, _y, z = origin
    box = Rect(x, z, x + size[0] - 1, z + size[1] - 1)
    area = area_of(school_class)
    if area is None or not ground_of(area).contains(box):
        return _(
            "This build would reach outside the class's area in the game world (%(box)s), "
            "so it was stopped. Start the build again: the portal finds an area that fits.",
            box=box.describe(),
        )
    for other in taken_areas(area.world, excluding=area):
        if ground_of(other).overlaps(box):
            return _(
                "This build would touch another class's estate (%(other)s), so it was "
                "stopped and nothing was changed. Start the build again.",
                other=ground_of(other).describe(),
            )
    return None
