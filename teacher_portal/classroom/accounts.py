"""Game accounts: every pupil and the teacher get a name and a password for the managed world.

A pupil's password is derived from the login card's token, as the card code is, so it is
printed on the card and shown on the pupil's phone and never stored; a new card gives a new
password and a revoked card none (the world gets a random one nobody knows). The teacher's
is random and stored, shown only to her. `synced_key` is a fingerprint of what was last set
in the world, so the portal knows which accounts stand there as the database says.
"""

import hashlib
import secrets
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select

from minecraft_scripts.server.classroom import PASSWORD_ALPHABET, Role
from teacher_portal.classroom import names
from teacher_portal.core.extensions import db
from teacher_portal.models import GameAccount, Pupil, SchoolClass, Teacher

PASSWORD_LENGTH = 6
"""31⁶ ≈ 890 million; every wrong try is a full Minetest log-in, which takes a second."""
TEACHER_PASSWORD_LENGTH = 10


def game_password(card_token: str) -> str:
    """The pupil's game password, from the card; not the card code, and neither gives away
    the token or the other."""
    number = int.from_bytes(hashlib.sha256(b"game-password:" + card_token.encode()).digest())
    letters = []
    for _index in range(PASSWORD_LENGTH):
        number, index = divmod(number, len(PASSWORD_ALPHABET))
        letters.append(PASSWORD_ALPHABET[index])
    return "".join(letters)


def random_password(length: int = TEACHER_PASSWORD_LENGTH) -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _index in range(length))


def account_of_pupil(pupil: Pupil) -> GameAccount | None:
    return db.session.scalar(select(GameAccount).where(GameAccount.pupil_id == pupil.id))


def account_of_teacher(teacher: Teacher) -> GameAccount | None:
    return db.session.scalar(select(GameAccount).where(GameAccount.teacher_id == teacher.id))


@dataclass(frozen=True)
class Login:
    """What a player types in Minetest."""

    name: str
    password: str


def pupil_login(pupil: Pupil) -> Login | None:
    """The card's game login, or None without an account or a card."""
    account = account_of_pupil(pupil)
    if account is None or pupil.card_token is None:
        return None
    return Login(account.name, game_password(pupil.card_token))


def teacher_login(teacher: Teacher) -> Login | None:
    account = account_of_teacher(teacher)
    return Login(account.name, account.password) if account and account.password else None


@dataclass(frozen=True)
class Wanted:
    """An account as it should stand in the world."""

    name: str
    password: str
    role: Role
    fingerprint: str


def wanted(account: GameAccount) -> Wanted:
    """What the world should hold for this account. A pupil without a card gets a fresh
    random password each time, so nobody can log in with an old one."""
    if account.teacher_id is not None:
        password, role, seen = account.password or random_password(), "teacher", account.password
    else:
        pupil = db.session.get(Pupil, account.pupil_id)
        token = pupil.card_token if pupil else None
        password = game_password(token) if token else random_password()
        role, seen = "pupil", password if token else "revoked"
    digest = hashlib.sha256(f"{account.name}\n{seen}\n{role}".encode()).hexdigest()
    return Wanted(account.name, password, role, digest)


def in_the_world(account: GameAccount, world: str) -> bool:
    """The world holds this account exactly as the database says (name, password, role)."""
    return account.synced_world == world and account.synced_key == wanted(account).fingerprint


def assign_accounts(school_class: SchoolClass) -> list[str]:
    """Give every pupil of the class and its teacher an account name; returns what the
    teacher should know (a Minecraft name the game cannot use, or one another player has).

    A name, once given, stays until the roster's Minecraft name asks for another; the old
    account is then left without a pupil, so the next update removes it from the world.
    """
    accounts = list(db.session.scalars(select(GameAccount)))
    taken = {account.name.casefold() for account in accounts}
    notes = [note for pupil in school_class.pupils if (note := _name(pupil, accounts, taken))]
    teacher = db.session.get(Teacher, school_class.teacher_id)
    if account_of_teacher(teacher) is None:
        name = names.teacher_name(teacher.name, taken)
        db.session.add(GameAccount(name=name, teacher_id=teacher.id, password=random_password()))
    db.session.flush()
    return notes


def _name(pupil: Pupil, accounts: list[GameAccount], taken: set[str]) -> str | None:
    account = next((a for a in accounts if a.pupil_id == pupil.id), None)
    wish = pupil.minecraft_name
    if wish and account is not None and account.name == wish:
        return None
    problem = _problem_with(wish, pupil, accounts) if wish else None
    if not wish or problem:
        if account is None:
            _give(pupil, names.pupil_name(pupil.nickname, taken), accounts)
        return problem
    if account is not None:
        account.pupil_id = None  # a leftover now: the next update removes it from the world
        db.session.flush()
    taken.add(wish.casefold())
    _give(pupil, wish, accounts)
    return None


def _problem_with(wish: str, pupil: Pupil, accounts: list[GameAccount]) -> str | None:
    if not names.usable_minecraft_name(wish):
        return _(
            "“%(name)s” cannot be a name in the game (letters a–z, digits and _, at most "
            "16), so %(nickname)s plays under the name on the login card.",
            name=wish,
            nickname=pupil.nickname,
        )
    for account in accounts:
        leftover = account.pupil_id is None and account.teacher_id is None
        same = account.name == wish if leftover else account.name.casefold() == wish.casefold()
        if same and account.pupil_id != pupil.id and not leftover:
            return _(
                "Another player in the game world is already called “%(name)s”, so "
                "%(nickname)s plays under the name on the login card.",
                name=wish,
                nickname=pupil.nickname,
            )
        if account.name.casefold() == wish.casefold() and leftover and not same:
            return _(
                "A player called “%(name)s” is still being removed from the game world; "
                "%(nickname)s plays under the name on the login card for now.",
                name=account.name,
                nickname=pupil.nickname,
            )
    return None


def _give(pupil: Pupil, name: str, accounts: list[GameAccount]) -> None:
    """A leftover account of the same name is taken over: the next update gives it this
    pupil's password."""
    leftover = next(
        (a for a in accounts if a.name == name and a.pupil_id is None and a.teacher_id is None),
        None,
    )
    if leftover is not None:
        leftover.pupil_id = pupil.id
        return
    account = GameAccount(name=name, pupil_id=pupil.id)
    db.session.add(account)
    accounts.append(account)
