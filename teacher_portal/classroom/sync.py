"""Bring the managed world in line with the portal: the class's accounts, its protected area
and plots, and the teacher's settings; and remove what belongs to nobody any more.

An update sends the class's whole wanted state, so running it twice changes nothing, and it
can always be run again: when the game server is down the database keeps everything and the
next update catches up. Leftovers go first (accounts whose pupil was removed, areas of
deleted classes): removed from the world, and only then from the database.

When: after every build of the class (in the build's thread); when its pupils, groups,
game names or cards change, once the class is in the game; when the teacher presses
"Update the game world"; before a classroom control the class has never had.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import select

from minecraft_scripts.server.build import build_model, clearing_model
from minecraft_scripts.server.classroom import Classroom, ClassroomError
from minecraft_scripts.server.connection import GameConnection, GameConnectionError
from minecraft_scripts.server.managed_minetest import GROUND_LEVEL
from minecraft_scripts.voxels import VoxelModel
from teacher_portal.classroom.accounts import account_of_teacher, assign_accounts, wanted
from teacher_portal.classroom.plots import placed_estate, plot_members
from teacher_portal.classroom.state import send_settings, state_of
from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db
from teacher_portal.game.areas import area_of, class_key, ground_of
from teacher_portal.game.servers import is_managed, server_for
from teacher_portal.models import GameAccount, GameServer, SchoolClass, Teacher, WorldArea

TIMEOUT = 5.0
"""Seconds to wait for the game server: a page must not hang on a server that is down."""


@dataclass
class Outcome:
    """What an update or a control came to, in words for the teacher."""

    ok: bool
    messages: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # worth knowing, not a failure


def connect(server: GameServer) -> GameConnection:
    return GameConnection(server.host, server.port, timeout=TIMEOUT)


def not_reached(error: Exception) -> str:
    return _(
        "The game server did not answer (%(detail)s). Nothing is lost: the portal keeps "
        "everything and sends it to the game when you press “Update the game world”.",
        detail=str(error),
    )


def with_world(school_class: SchoolClass, action: Callable[[GameConnection], str]) -> Outcome:
    """Run `action` on the class's game server; its answer, or why it could not run."""
    try:
        with connect(server_for(school_class)) as conn:
            message = action(conn)
    except (GameConnectionError, OSError, ClassroomError) as error:
        db.session.rollback()
        return Outcome(False, [not_reached(error)])
    db.session.commit()
    return Outcome(True, [message] if message else [])


def update_world(school_class: SchoolClass, *, full: bool = True) -> Outcome:
    """Put the class in the managed world as the portal has it. `full` sends every account
    again (after a build, or when the teacher asks); otherwise only those that changed."""
    server = server_for(school_class)
    if not is_managed(server):
        return Outcome(True)
    notes = assign_accounts(school_class)
    db.session.commit()

    def send(conn: GameConnection) -> str:
        clear_leftovers(conn, server.address)
        _send_accounts(conn, school_class, server.address, full)
        room = Classroom(conn, class_key(school_class))
        _send_protection(room, school_class, server.address)
        send_settings(room, school_class)
        state = state_of(school_class)
        state.synced_at, state.sync_error = utcnow(), None
        return ""

    outcome = with_world(school_class, send)
    if not outcome.ok:
        state_of(school_class).sync_error = outcome.messages[0]
        db.session.commit()
    outcome.notes = notes
    return outcome


def _class_accounts(school_class: SchoolClass) -> list[GameAccount]:
    pupil_ids = [pupil.id for pupil in school_class.pupils]
    accounts = list(
        db.session.scalars(select(GameAccount).where(GameAccount.pupil_id.in_(pupil_ids)))
    )
    teacher = account_of_teacher(db.session.get(Teacher, school_class.teacher_id))
    return accounts + ([teacher] if teacher else [])


def _send_accounts(conn: GameConnection, school_class: SchoolClass, world: str, full: bool) -> None:
    room = Classroom(conn, class_key(school_class))
    for account in _class_accounts(school_class):
        want = wanted(account)
        if full or account.synced_world != world or account.synced_key != want.fingerprint:
            room.set_account(want.name, want.password, want.role)
            account.synced_key, account.synced_world = want.fingerprint, world
    Classroom(conn).close_joining()


def _send_protection(room: Classroom, school_class: SchoolClass, world: str) -> None:
    """The class's area is protected, and each plot open to its group only. The class's
    old plots are forgotten first, so a new estate leaves none behind."""
    key = class_key(school_class)
    room.forget_area(key)
    area = area_of(school_class)
    placed = placed_estate(school_class)
    if area is None or area.world != world or placed is None:
        return
    room.protect_area(key, ground_of(area))
    members = plot_members(school_class, placed.estate)
    for plot_id, ground in placed.plots().items():
        room.set_plot(f"{key}/{plot_id}", ground, members[plot_id])


def clear_leftovers(conn: GameConnection, world: str) -> None:
    """Remove from this world the accounts of removed pupils and the estates of deleted
    classes (their land back to grass), then free them in the database."""
    room = Classroom(conn)
    leftovers = select(GameAccount).where(
        GameAccount.pupil_id.is_(None), GameAccount.teacher_id.is_(None)
    )
    for account in db.session.scalars(leftovers):
        if account.synced_world == world:
            room.remove_account(account.name)
        if account.synced_world in (world, None):
            db.session.delete(account)
    areas = list(db.session.scalars(select(WorldArea)))
    live_keys = {area.key for area in areas if area.class_id is not None}
    for area in areas:
        if area.class_id is None and area.world == world:
            clear_land(conn, area)
            if area.key not in live_keys:  # a class that moved (or a reused id) keeps its key
                room.forget_area(area.key)
            db.session.delete(area)
    db.session.flush()


def clear_land(conn: GameConnection, area: WorldArea) -> None:
    """Bare grass where a deleted class's estate stood, so the next class finds clean land."""
    if area.height <= 0:
        return
    ground = ground_of(area)
    size = (ground.width, area.height, ground.depth)
    bare = clearing_model(VoxelModel.empty(size, ["air"]), (area.x1, area.y, area.z1), GROUND_LEVEL)
    build_model(conn, bare, at=(area.x1, area.y, area.z1), verify=False)


def remove_class(school_class: SchoolClass) -> Outcome:
    """Before a class is deleted: its pupils' accounts and its estate leave the world now if
    the server answers, else at the next update of that world. Its area is freed either way
    once the land is clear; on a server the toolkit does not manage, at once."""
    server = server_for(school_class)
    for account in _class_accounts(school_class):
        if account.pupil_id is not None:
            account.pupil_id = None
    area = area_of(school_class)
    if area is not None:
        area.class_id = None
        if not is_managed(server) or area.world is None:
            db.session.delete(area)
    db.session.commit()
    if not is_managed(server):
        return Outcome(True)
    return with_world(school_class, lambda conn: clear_leftovers(conn, server.address) or "")
