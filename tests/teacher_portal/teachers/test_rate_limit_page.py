"""Too many tries: a teacher reads why log-in paused and what to do; a pupil a short word."""

from pathlib import Path

from tests.teacher_portal.conftest import make_app
from tests.teacher_portal.factories import create_teacher


def test_the_teachers_page_is_in_an_adult_tone(tmp_path: Path) -> None:
    app = make_app(
        tmp_path, RATELIMIT_ENABLED=True, TEACHER_LOGIN_LIMIT="1 per minute",
        CLASS_CODE_LIMIT="1 per minute",
    )  # fmt: skip
    with app.app_context():
        create_teacher()
    client = app.test_client()
    for _attempt in range(2):
        answer = client.post("/login", data={"email": "x@skole.dk", "password": "forkert"})
    assert answer.status_code == 429
    assert "For mange loginforsøg" in answer.text
    assert "bed portalens administrator om hjælp" in answer.text
    assert "Rolig nu" not in answer.text
    for _attempt in range(2):
        answer = client.post("/join", data={"code": "ABC"})
    assert answer.status_code == 429
    assert "Vent lidt" in answer.text and "loginforsøg" not in answer.text
