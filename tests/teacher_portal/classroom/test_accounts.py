"""Game accounts from the class list: names the game accepts and nobody else in the world has,
passwords from the login card (a new card, a new password; a revoked card, none)."""

from flask import Flask
from sqlalchemy import select

from teacher_portal.classroom import names
from teacher_portal.classroom.accounts import (
    account_of_pupil,
    assign_accounts,
    game_password,
    pupil_login,
    wanted,
)
from teacher_portal.core.codes import new_token
from teacher_portal.core.extensions import db
from teacher_portal.models import GameAccount, Pupil, SchoolClass
from tests.teacher_portal.factories import (
    create_class,
    create_pupil,
    create_teacher,
    default_teacher,
)


def test_names_from_nicknames_are_plain_letters_and_numbered_when_taken() -> None:
    taken: set[str] = set()
    assert names.pupil_name("Bjørk", taken) == "Bjoerk"
    assert names.pupil_name("Åse Ærø", taken) == "Aase_Aeroe"
    assert names.pupil_name("Zoë", taken) == "Zoe"
    assert names.pupil_name("bjørk", taken) == "bjoerk2"  # names never differ by case only
    assert names.pupil_name("★★", taken) == "Elev"
    assert names.pupil_name("Christoffer-Alexander", taken) == "Christoffer_A"  # 13 + digits
    assert names.teacher_name("Tina Holm", taken) == "Laerer_Tina"
    assert all(names.usable_minecraft_name(name) for name in taken)


def test_the_game_password_comes_from_the_card_and_changes_with_it() -> None:
    card, other = new_token(), new_token()
    assert game_password(card) == game_password(card)
    assert game_password(card) != game_password(other)
    assert len(game_password(card)) == 6 and game_password(card).isalnum()
    assert game_password(card) not in card  # the card's token is not given away


def _accounts(school_class: SchoolClass) -> dict[str, str]:
    assign_accounts(db.session.get(SchoolClass, school_class.id))
    db.session.commit()
    pupils = db.session.scalars(select(Pupil).where(Pupil.class_id == school_class.id))
    return {pupil.nickname: account_of_pupil(pupil).name for pupil in pupils}


def test_the_roster_minecraft_name_is_the_game_name_when_the_game_can_use_it(app: Flask) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        create_pupil(school_class, "Ali", minecraft_name="AliCraft")
        create_pupil(school_class, "Bo", minecraft_name="Bo the Great!")
        create_pupil(school_class, "Cem")
        notes = assign_accounts(db.session.get(SchoolClass, school_class.id))
        db.session.commit()
        assert _accounts(school_class) == {"Ali": "AliCraft", "Bo": "Bo", "Cem": "Cem"}
    assert notes == [
        "„Bo the Great!“ kan ikke være et navn i spillet (bogstaverne a–z, tal og _, højst 16),"
        " så Bo spiller under navnet på login-kortet."
    ]


def test_a_name_another_class_has_is_not_given_twice(app: Flask) -> None:
    with app.app_context():
        first = create_class(default_teacher(), "6.A")
        second = create_class(create_teacher("bo@example.org", name="Bo"), "6.B")
        create_pupil(first, "Ali", minecraft_name="AliCraft")
        create_pupil(second, "Ali", minecraft_name="alicraft")
        assert _accounts(first) == {"Ali": "AliCraft"}
        notes = assign_accounts(db.session.get(SchoolClass, second.id))
        db.session.commit()
        assert _accounts(second) == {"Ali": "Ali"}
    assert "hedder allerede „alicraft“" in notes[0]


def test_a_new_minecraft_name_leaves_the_old_account_to_be_removed(app: Flask) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        ali = create_pupil(school_class, "Ali")
        assert _accounts(school_class) == {"Ali": "Ali"}
        db.session.get(Pupil, ali.id).minecraft_name = "AliCraft"
        db.session.commit()
        assert _accounts(school_class) == {"Ali": "AliCraft"}
        leftovers = db.session.scalars(
            select(GameAccount.name).where(
                GameAccount.pupil_id.is_(None), GameAccount.teacher_id.is_(None)
            )
        ).all()
    assert leftovers == ["Ali"]


def test_a_revoked_card_has_no_login_and_the_world_gets_a_password_nobody_knows(
    app: Flask, client, auth
) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        ali = create_pupil(school_class, "Ali")
        _accounts(school_class)
        before = pupil_login(db.session.get(Pupil, ali.id))
        assert before.password == game_password(ali.card_token)
    auth.login()
    client.post(f"/classes/{school_class.id}/pupils/{ali.id}/card/revoke")
    with app.app_context():
        pupil = db.session.get(Pupil, ali.id)
        assert pupil_login(pupil) is None
        first, second = (wanted(account_of_pupil(pupil)) for _ in range(2))
        assert first.password != second.password != before.password  # random each time
        assert first.fingerprint == second.fingerprint  # and still "as the world has it"
    client.post(f"/classes/{school_class.id}/pupils/{ali.id}/card/reissue")
    with app.app_context():
        after = pupil_login(db.session.get(Pupil, ali.id))
    assert after.name == before.name and after.password != before.password
