"""The teacher's controls over the class in the game: freeze, mute, lock the plots, bring
everyone to the meeting place, send each group to its plot, a message, the phase's text.

Each returns an `Outcome` the page flashes. A setting is saved first and then sent, so a
game server that is down loses nothing (the next update sends it). On a server the
toolkit does not manage only the message works (every mcpi server has `chat.post`).
"""

from collections.abc import Callable

from flask_babel import gettext as _
from flask_babel import ngettext

from minecraft_scripts.game_text import safe_chat_text
from minecraft_scripts.server.classroom import Classroom
from minecraft_scripts.server.connection import GameConnection
from teacher_portal.classroom.accounts import account_of_pupil
from teacher_portal.classroom.plots import placed_estate, plot_members
from teacher_portal.classroom.state import in_game, plots_locked, send_settings, state_of
from teacher_portal.classroom.sync import Outcome, update_world, with_world
from teacher_portal.core.extensions import db
from teacher_portal.game.areas import class_key
from teacher_portal.game.servers import is_managed, server_for
from teacher_portal.models import SchoolClass

SETTINGS = ("frozen", "muted", "plots_locked", "show_phase_text")


def _not_managed() -> Outcome:
    return Outcome(
        False, [_("This game server is not run by the toolkit: it has no classroom controls.")]
    )


def _with_room(school_class: SchoolClass, act: Callable[[Classroom], str]) -> Outcome:
    """Run `act` on the class in the managed world; a class never put in the world gets
    its accounts first."""
    if not is_managed(server_for(school_class)):
        return _not_managed()
    if not in_game(school_class):
        first = update_world(school_class)
        if not first.ok:
            return first

    def run(conn: GameConnection) -> str:
        return act(Classroom(conn, class_key(school_class)))

    return with_world(school_class, run)


def change_setting(school_class: SchoolClass, name: str, on: bool) -> Outcome:
    """Freeze, mute, lock the plots or show the phase's text, for the class's pupils."""
    if name not in SETTINGS:
        raise ValueError(f"unknown setting {name!r}")
    if not is_managed(server_for(school_class)):
        return _not_managed()
    setattr(state_of(school_class), name, on)
    db.session.commit()

    def send(room: Classroom) -> str:
        send_settings(room, school_class)
        return _said(school_class, name, on)

    return _with_room(school_class, send)


def _said(school_class: SchoolClass, name: str, on: bool) -> str:
    if name == "plots_locked" and not on and plots_locked(school_class):
        return _("Unlocked by you, but the plots stay locked while a vote is open.")
    words = {
        ("frozen", True): _("The pupils are frozen: they cannot move or build."),
        ("frozen", False): _("The pupils can move again."),
        ("muted", True): _("The chat is muted for the pupils."),
        ("muted", False): _("The pupils can chat again."),
        ("plots_locked", True): _("The plots are locked: nobody but you builds in them."),
        ("plots_locked", False): _("The groups can build in their plots again."),
        ("show_phase_text", True): _("The phase's text is shown in the game."),
        ("show_phase_text", False): _("The phase's text is no longer shown in the game."),
    }
    return words[name, on]


def refresh_settings(school_class: SchoolClass) -> Outcome:
    """After the lesson changed (another phase, a vote opened or closed) the text and the
    plots' lock follow, if the class is in the game."""
    if not is_managed(server_for(school_class)) or not in_game(school_class):
        return Outcome(True)

    def send(room: Classroom) -> str:
        send_settings(room, school_class)
        return ""

    return _with_room(school_class, send)


def _pupil_names(school_class: SchoolClass) -> list[str]:
    accounts = (account_of_pupil(pupil) for pupil in school_class.pupils)
    return [account.name for account in accounts if account is not None]


def bring_to_meeting(school_class: SchoolClass) -> Outcome:
    """Every pupil of the class to the meeting place (the common house or the middle)."""
    placed = placed_estate(school_class)
    if placed is None:
        return Outcome(False, [_("Build the estate first: then there is a place to meet.")])
    point, names = placed.points().meeting, _pupil_names(school_class)

    def bring(room: Classroom) -> str:
        moved = room.bring(*point, names) if names else 0
        return ngettext(
            "%(num)d pupil was brought to the meeting place.",
            "%(num)d pupils were brought to the meeting place.",
            moved,
        )

    return _with_room(school_class, bring)


def send_to_plots(school_class: SchoolClass) -> Outcome:
    """Each group to the middle of its plot."""
    placed = placed_estate(school_class)
    if placed is None:
        return Outcome(False, [_("Build the estate first: then the groups have plots.")])
    points, members = placed.points().plots, plot_members(school_class, placed.estate)

    def send(room: Classroom) -> str:
        moved = sum(room.bring(*points[plot], names) for plot, names in members.items() if names)
        return ngettext(
            "%(num)d pupil was sent to the group's plot.",
            "%(num)d pupils were sent to their groups' plots.",
            moved,
        )

    return _with_room(school_class, send)


def message(school_class: SchoolClass, text: str) -> Outcome:
    """A chat line from the teacher: to the class in the managed world, to everyone on
    another server."""
    text = safe_chat_text(text)
    if not text:
        return Outcome(False, [_("Write a message first.")])
    if is_managed(server_for(school_class)):

        def say(room: Classroom) -> str:
            room.message(text)
            return _("The message is sent.")

        return _with_room(school_class, say)

    def post(conn: GameConnection) -> str:
        conn.post_to_chat(text)
        conn.barrier()
        return _("The message is sent.")

    return with_world(school_class, post)
