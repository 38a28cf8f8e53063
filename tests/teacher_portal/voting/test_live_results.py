"""The projector's server-sent events: a new ballot pushes a new results fragment."""

import json
import urllib.request

from flask import Flask

from tests.teacher_portal.conftest import sign_in_pupil
from tests.teacher_portal.factories import PASSWORD, create_class, create_pupils, default_teacher
from tests.teacher_portal.voting.event_stream import stream_events
from tests.teacher_portal.voting.vote_factories import create_task


def test_a_ballot_updates_the_projector_stream(app: Flask, live_server: str) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        ali, _bo = create_pupils(school_class, "Ali", "Bo")
        task = create_task(school_class, method="plurality", secret=False)
    client = app.test_client()
    client.post("/login", data={"email": "teacher@example.org", "password": PASSWORD})
    cookie = client.get_cookie("jagten_session")
    request = urllib.request.Request(
        f"{live_server}/votes/{task.id}/stream",
        headers={"Cookie": f"jagten_session={cookie.value}"},
    )
    with urllib.request.urlopen(request, timeout=20) as stream:
        assert stream.headers["Content-Type"].startswith("text/event-stream")
        events = (payload for name, payload in stream_events(stream) if name == "results")
        first = json.loads(next(events))["html"]
        assert "<strong>0</strong>" in first
        pupil = app.test_client()
        sign_in_pupil(pupil, ali.card_token)
        pupil.post(f"/vote/{task.id}", data={"choice": ["2"]})
        second = json.loads(next(events))["html"]
    assert "<strong>1</strong>" in second
    assert "<svg" in second and "Køkkenhave" in second  # an open ballot shows its tally live
