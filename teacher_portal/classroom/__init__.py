"""The class's game world: pupils' game accounts, the class's protected area and plots, and
the teacher's controls (freeze, mute, bring, message, the phase's text), for the managed
Minetest world; on other servers, what they support.

`game.areas` decides where a class builds; this feature puts the class in the world there
(`sync`), steers it (`control`), and follows the portal's events (`handlers`). The teacher's
panel sits on the class page and the lesson page; the pupil's login on the card and phone.
"""

from flask import Flask

from teacher_portal.classes.export import add_export_section
from teacher_portal.classroom import handlers, views
from teacher_portal.classroom.accounts import account_of_pupil
from teacher_portal.classroom.chat_names import chat_names_checked, chat_votes_allowed
from teacher_portal.classroom.panel import game_login, world_panel
from teacher_portal.core.events import on
from teacher_portal.core.panels import add_panel
from teacher_portal.game.areas import area_of
from teacher_portal.models import SchoolClass

bp = views.bp


def export_world(school_class: SchoolClass) -> dict:
    """The class export's part: game names and the area; never a password."""
    area = area_of(school_class)
    accounts = {pupil.nickname: account_of_pupil(pupil) for pupil in school_class.pupils}
    return {
        "game_names": {nick: a.name for nick, a in accounts.items() if a is not None},
        "area": [area.x1, area.z1, area.x2, area.z2] if area else None,
    }


def init_app(app: Flask) -> None:
    add_panel(app, "class_page", "classroom/panel.html")
    add_panel(app, "lesson_page", "classroom/panel.html")
    add_export_section(app, "game_world", export_world)
    for event, handler in [
        ("class_changed", handlers.class_changed),
        ("class_deleting", handlers.class_deleting),
        ("build_done", handlers.build_done),
        ("phase_changed", handlers.phase_changed),
        ("vote_changed", handlers.vote_changed),
    ]:
        on(app, event, handler)
    app.jinja_env.globals.update(
        game_login=game_login,
        world_panel=world_panel,
        chat_votes_allowed=chat_votes_allowed,
        chat_names_checked=chat_names_checked,
    )
