"""One pupil, one vote: the class code alone never makes anyone a named pupil, a revoked
pupil has no way back, and every code-guessing path is rate-limited (issue 11, points 1–3)."""

from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from teacher_portal.core.codes import card_code
from teacher_portal.core.extensions import db
from teacher_portal.models import Pupil
from tests.teacher_portal.conftest import AuthActions, make_app, sign_in_pupil
from tests.teacher_portal.factories import create_class, create_pupils, default_teacher
from tests.teacher_portal.voting.vote_factories import create_task


def _class(app: Flask, *nicknames: str) -> tuple[Any, list[Pupil], Any]:
    with app.app_context():
        school_class = create_class(default_teacher(), "6.B")
        pupils = create_pupils(school_class, *nicknames)
        task = create_task(school_class)
    return school_class, pupils, task


def _join(client: FlaskClient, code: str, pupil: Pupil, typed: str | None) -> Any:
    data: dict[str, Any] = {"pupil": pupil.id}
    if typed is not None:
        data["card_code"] = typed
    return client.post(f"/join/{code}", data=data)


def test_the_class_code_and_a_tapped_name_do_not_make_a_stranger_that_pupil(
    app: Flask, client: FlaskClient
) -> None:
    """The attack of issue 11: a stranger with the class code taps "Carl" and votes."""
    school_class, (_ali, carl), task = _class(app, "Ali", "Carl")
    names = client.get(f"/join/{school_class.class_code}")
    assert "Carl" in names.text
    tapped = _join(client, school_class.class_code, carl, None)
    assert tapped.status_code == 200 and "Skriv koden fra dit login-kort" in tapped.text
    for guess in ("", "AAAAA", card_code(carl.card_token)[:4]):
        refused = _join(client, school_class.class_code, carl, guess)
        assert refused.location is None
    assert client.get("/pupil/").location == "/join"  # nobody is signed in
    assert client.post(f"/vote/{task.id}", data={"choice": "1"}).status_code == 302
    real_carl = app.test_client()
    sign_in_pupil(real_carl, carl.card_token)
    assert "Du har stemt" not in real_carl.get(f"/vote/{task.id}").text


def test_another_pupils_card_code_does_not_sign_in_as_carl(app: Flask, client) -> None:
    school_class, (ali, carl), _task = _class(app, "Ali", "Carl")
    response = _join(client, school_class.class_code, carl, card_code(ali.card_token))
    assert response.location is None
    assert "Det er ikke koden på dit kort" in response.text


def test_revoked_pupil_cannot_come_back_by_any_route(
    app: Flask, client: FlaskClient, auth: AuthActions
) -> None:
    school_class, (carl,), task = _class(app, "Carl")
    by_card, by_code = app.test_client(), app.test_client()
    sign_in_pupil(by_card, carl.card_token)
    assert _join(by_code, school_class.class_code, carl, card_code(carl.card_token)).location
    auth.login()
    client.post(f"/classes/{school_class.id}/pupils/{carl.id}/card/revoke")

    assert by_card.get("/pupil/").location == "/join"  # both sessions are over
    assert by_code.post(f"/vote/{task.id}", data={"choice": "1"}).location == "/join"
    again = app.test_client()
    assert sign_in_pupil(again, carl.card_token).status_code == 404  # the card link
    for typed in (None, card_code(carl.card_token)):  # the class code, with the old code too
        refused = _join(again, school_class.class_code, carl, typed)
        assert refused.status_code == 403
        assert "Carl, dit kort er spærret" in refused.text
    assert again.get("/pupil/").location == "/join"
    with app.app_context():
        assert db.session.get(Pupil, carl.id).card_token is None


def test_a_new_card_brings_a_new_code_and_the_old_one_stops(
    app: Flask, client: FlaskClient, auth: AuthActions
) -> None:
    school_class, (carl,), _task = _class(app, "Carl")
    auth.login()
    client.post(f"/classes/{school_class.id}/pupils/{carl.id}/card/reissue")
    with app.app_context():
        new_token = db.session.get(Pupil, carl.id).card_token
    sheet = client.get(f"/classes/{school_class.id}/cards").text
    assert card_code(new_token) in sheet and card_code(carl.card_token) not in sheet
    pupil = app.test_client()
    assert _join(pupil, school_class.class_code, carl, card_code(carl.card_token)).location is None
    assert _join(pupil, school_class.class_code, carl, card_code(new_token)).location == "/pupil/"


def _limited_app(tmp_path: Path, **limits: str) -> Flask:
    app = make_app(tmp_path, RATELIMIT_ENABLED=True, **limits)
    with app.app_context():
        from tests.teacher_portal.factories import create_teacher

        create_teacher()
    return app


def test_guessing_class_codes_in_the_address_bar_is_rate_limited(tmp_path: Path) -> None:
    """Point 3: `GET /join/CODE` answered 2,600 guesses in 13.7 s."""
    app = _limited_app(tmp_path, CLASS_CODE_LIMIT="5 per minute")
    school_class, _pupils, _task = _class(app, "Ali")
    guesser, classmates = app.test_client(), app.test_client()
    statuses = [guesser.get(f"/join/GUESS{n}").status_code for n in range(6)]
    assert statuses == [404] * 5 + [429]
    assert guesser.get(f"/join/{school_class.class_code}").status_code == 429  # even right ones
    assert guesser.post("/join", data={"code": "GUESS9"}).status_code == 429  # one bucket
    assert guesser.get("/c/not-a-card-token").status_code == 429
    assert guesser.get("/invite/not-an-invitation").status_code == 429
    # The limit is per address: the test clients share one, as a class behind one NAT does;
    # right answers never count, so a whole class gets in once the window has passed.
    assert classmates.get(f"/join/{school_class.class_code}").status_code == 429


def test_right_answers_cost_nothing_so_a_whole_class_gets_in(tmp_path: Path) -> None:
    app = _limited_app(
        tmp_path, CLASS_CODE_LIMIT="3 per minute", CARD_CODE_CLASS_LIMIT="3 per minute"
    )
    school_class, pupils, _task = _class(app, *[f"Elev{n:02d}" for n in range(28)])
    for pupil in pupils:
        phone = app.test_client()
        assert phone.post("/join", data={"code": school_class.class_code}).status_code == 302
        assert phone.get(f"/join/{school_class.class_code}").status_code == 200
        signed_in = _join(phone, school_class.class_code, pupil, card_code(pupil.card_token))
        assert signed_in.location == "/pupil/"
        assert sign_in_pupil(phone, pupil.card_token).location == "/pupil/"


@pytest.mark.parametrize(
    ("limits", "spread"),
    [
        ({"CARD_CODE_PUPIL_LIMIT": "3 per minute"}, False),  # one pupil's code
        ({"CARD_CODE_CLASS_LIMIT": "3 per minute"}, True),  # any pupil's in one class
    ],
)
def test_guessing_card_codes_is_rate_limited_per_pupil_and_per_class(
    tmp_path: Path, limits: dict[str, str], spread: bool
) -> None:
    app = _limited_app(tmp_path, **limits)
    school_class, pupils, _task = _class(app, "Ali", "Bo", "Carl", "Dina")
    code = school_class.class_code
    targets = pupils if spread else [pupils[0]] * 4
    statuses = [  # "01" and "001" are pupil 1 as well: no way round the pupil's limit
        app.test_client().post(
            f"/join/{code}", data={"pupil": "0" * n + str(p.id), "card_code": "WRONG"}
        )
        for n, p in enumerate(targets[:3])
    ]
    assert [response.status_code for response in statuses] == [200, 200, 200]
    target = targets[3]
    blocked = _join(app.test_client(), code, target, card_code(target.card_token))
    assert blocked.status_code == 429  # even the right code waits: no guess is confirmed
    assert "Scan QR-koden på dit kort" in blocked.text
    if not spread:  # another pupil of the class is not held up by Ali's guesser
        other = pupils[1]
        assert _join(app.test_client(), code, other, card_code(other.card_token)).location
