"""Whose chat vote is it: the game account that typed it, where the toolkit checks accounts.

In the managed world a name belongs to the pupil whose account it is, once that account
stands in the world as the portal made it: joining is closed to everybody else, and the
password is on the pupil's card only. A server the toolkit does not manage checks no names
(RaspberryJuice takes any name the Minecraft account has), so chat votes there stay off
unless the teacher turns them on knowing that; then the roster's Minecraft name counts.
"""

from sqlalchemy import func, select

from teacher_portal.classroom.accounts import account_of_pupil, in_the_world
from teacher_portal.classroom.state import settings_of
from teacher_portal.core.extensions import db
from teacher_portal.game.servers import is_managed, server_for
from teacher_portal.models import GameAccount, Pupil, SchoolClass


def chat_names_checked(school_class: SchoolClass) -> bool:
    """Only the managed world knows who a player is (its accounts, the card's password)."""
    return is_managed(server_for(school_class))


def chat_votes_allowed(school_class: SchoolClass) -> bool:
    return chat_names_checked(school_class) or settings_of(school_class).chat_names_unchecked


def chat_voter(school_class: SchoolClass, player_name: str) -> Pupil | None:
    """The pupil of the class a chat vote by `player_name` counts for, if any."""
    server = server_for(school_class)
    if not is_managed(server):
        if not settings_of(school_class).chat_names_unchecked:
            return None
        return db.session.scalar(
            select(Pupil).where(
                Pupil.class_id == school_class.id,
                func.lower(Pupil.minecraft_name) == player_name.lower(),
            )
        )
    account = db.session.scalar(select(GameAccount).where(GameAccount.name == player_name))
    if account is None or account.pupil_id is None or not in_the_world(account, server.address):
        return None
    pupil = db.session.get(Pupil, account.pupil_id)
    return pupil if pupil.class_id == school_class.id else None


def chat_names(school_class: SchoolClass) -> list[str]:
    """The player names whose chat the listener reads."""
    if not is_managed(server_for(school_class)):
        return [pupil.minecraft_name for pupil in school_class.pupils if pupil.minecraft_name]
    accounts = (account_of_pupil(pupil) for pupil in school_class.pupils)
    return [account.name for account in accounts if account is not None]
