"""What the pages show of the class's game world: the teacher's panel, a pupil's game login.

Names are given as soon as a page needs them (a card can be printed before the class has
been in the game); giving them again changes nothing.
"""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import get_locale
from flask_babel import gettext as _

from teacher_portal.classroom.accounts import Login, assign_accounts, pupil_login, teacher_login
from teacher_portal.classroom.plots import group_plots, placed_estate
from teacher_portal.classroom.state import in_game, phase_text, settings_of, vote_open
from teacher_portal.core.extensions import db
from teacher_portal.game.servers import is_managed, server_for
from teacher_portal.models import Group, Pupil, SchoolClass, Teacher
from worlds.building_features import CommonHouse
from worlds.schema import Estate


def _with_accounts(school_class: SchoolClass) -> None:
    assign_accounts(school_class)
    db.session.commit()


def game_login(pupil: Pupil) -> Login | None:
    """The pupil's name and password in the managed world (None on other servers)."""
    if not is_managed(server_for(pupil.school_class)):
        return None
    login = pupil_login(pupil)
    if login is None and pupil.card_token:
        _with_accounts(pupil.school_class)
        login = pupil_login(pupil)
    return login


@dataclass(frozen=True)
class WorldPanel:
    """The class's game world as the teacher's panel shows it."""

    managed: bool
    in_game: bool
    frozen: bool
    muted: bool
    plots_locked: bool
    vote_open: bool
    show_phase_text: bool
    chat_names_unchecked: bool
    synced_at: datetime | None
    sync_error: str | None
    teacher: Login | None
    pupils: list[tuple[Pupil, Login | None]]
    built: bool
    meeting_place: str
    groups: list[tuple[Group, str]]
    text: str


def _meeting_place(estate: Estate | None) -> str:
    """Where "bring everyone" sends the class, as `meeting_points` chooses it."""
    if estate is not None and estate.meeting_point is not None:
        return _("the estate's meeting place")
    if estate is not None and any(isinstance(f, CommonHouse) for f in estate.features):
        return _("the common house")
    return _("the middle of the estate")


def world_panel(school_class: SchoolClass) -> WorldPanel:
    managed = is_managed(server_for(school_class))
    if managed:
        _with_accounts(school_class)
    state = settings_of(school_class)
    placed = placed_estate(school_class)
    lang = str(get_locale() or "da")
    return WorldPanel(
        managed=managed,
        in_game=in_game(school_class),
        frozen=state.frozen,
        muted=state.muted,
        plots_locked=state.plots_locked,
        vote_open=vote_open(school_class),
        show_phase_text=state.show_phase_text,
        chat_names_unchecked=state.chat_names_unchecked,
        synced_at=state.synced_at,
        sync_error=state.sync_error,
        teacher=teacher_login(db.session.get(Teacher, school_class.teacher_id)),
        pupils=[(pupil, pupil_login(pupil)) for pupil in school_class.pupils] if managed else [],
        built=placed is not None,
        meeting_place=_meeting_place(placed.estate if placed else None),
        groups=group_plots(school_class, placed.estate, lang) if placed else [],
        text=phase_text(school_class) if managed else "",
    )
