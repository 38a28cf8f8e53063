"""A vote on a site's variants shows what each variant would do, in the planner's measures:
an effect line on the pupil's ballot and the teacher's vote page once the measures are ready
(never waiting for them), and shadow maps of the estate now and with each variant.

Kløverhusene is the quickest shipped estate to measure (a few tenths of a second a set);
its square's play variant changes the sun on the lawns by hours.
"""

import threading
from collections.abc import Iterator

import pytest
from flask import Flask
from playwright.sync_api import expect

from minecraft_scripts.measures import measure
from minecraft_scripts.measures.phrasing import compare
from teacher_portal.core.extensions import db
from teacher_portal.estates import measures
from teacher_portal.estates.catalog import load_estate
from teacher_portal.estates.decisions import decide
from teacher_portal.models import ClassEstate, VotingTask
from tests.teacher_portal.conftest import AuthActions, log_in_in_browser, sign_in_pupil
from tests.teacher_portal.factories import create_class, create_pupil, default_teacher
from tests.teacher_portal.plots.plot_factories import built_estate
from tests.teacher_portal.voting.vote_factories import create_task

ESTATE, SITE = "kloeverhusene", "pladsen"
STANDING = {SITE: "leg"}  # what the class's estate has on the site now


@pytest.fixture
def vote(app: Flask) -> dict:
    """An open vote between the square's variants, in a class whose square has the play
    variant now; the pupil's card and the ids."""
    with app.app_context():
        school_class = create_class(default_teacher())
        stored = built_estate(school_class, ESTATE)
        db.session.get(ClassEstate, stored.id).base_variants = STANDING
        db.session.commit()
        pupil = create_pupil(school_class, "Ali")
        task = create_task(school_class, site=(ESTATE, SITE), method="plurality")
        keys = {option["variant"]: option["key"] for option in task.options}
        labels = [option["label"] for option in task.options]
    return {"card": pupil.card_token, "task": task.id, "keys": keys, "labels": labels,
            "class": school_class.id}  # fmt: skip


@pytest.fixture
def busy_worker() -> Iterator[threading.Event]:
    """The measures' one worker kept busy until the event is set: measures stay pending
    (none kept from an earlier test of the same run)."""
    measures.forget()
    gate = threading.Event()
    measures._worker.submit(gate.wait, 60)
    yield gate
    gate.set()


def _said(before: dict[str, str], after: dict[str, str]) -> str:
    """The most telling change, worked out here without the portal."""
    estate = load_estate(ESTATE)
    return compare(measure(estate, before), measure(estate, after), "da")[0]


def test_the_ballot_shows_each_variants_effect_once_measured(
    app: Flask, vote: dict, busy_worker: threading.Event, client, auth: AuthActions
) -> None:
    phone = app.test_client()
    sign_in_pupil(phone, vote["card"])
    pending = phone.get(f"/vote/{vote['task']}")
    assert pending.status_code == 200 and "option-effect" not in pending.text
    assert all(label in pending.text for label in vote["labels"])  # the ballot, without lines

    busy_worker.set()
    for variants in (STANDING, *({SITE: variant} for variant in vote["keys"])):
        assert measures.measures(ESTATE, variants, wait=120) is not None
    ballot = phone.get(f"/vote/{vote['task']}").text
    expected = _said(STANDING, {SITE: "bare"})  # the bare square takes the play area's sun
    assert f'<span class="option-effect">{expected}</span>' in ballot
    assert "mindre sol" in expected
    assert ballot.count('class="option-effect"') == 2  # the play variant stands: no change

    auth.login()
    page = client.get(f"/votes/{vote['task']}").text
    assert f'<span class="option-effect">{expected}</span>' in page
    assert f"/vote/{vote['task']}/shadow.png" in page
    assert "Timer med sol i bebyggelsen, som den står nu" in page  # the map's alt text


def test_a_decided_vote_is_measured_against_the_estate_before_its_decision(
    app: Flask, vote: dict, client, auth: AuthActions
) -> None:
    with app.app_context():
        task = db.session.get(VotingTask, vote["task"])
        task.state = "closed"
        decide(task, "Fliser som i dag", variant_id="bare")  # now the square is bare
        db.session.commit()
    for variants in (STANDING, {SITE: "bare"}):
        assert measures.measures(ESTATE, variants, wait=120) is not None
    auth.login()
    page = client.get(f"/votes/{vote['task']}").text
    expected = _said(STANDING, {SITE: "bare"})
    assert f'<span class="option-effect">{expected}</span>' in page  # not "no change"
    assert "<figcaption>Før</figcaption>" in page and "Timer med sol før" in page


def test_a_ballot_on_an_estate_that_no_longer_loads_shows_without_effects(
    app: Flask, vote: dict
) -> None:
    with app.app_context():
        db.session.get(VotingTask, vote["task"]).estate_id = "no_such_estate"
        db.session.commit()
    phone = app.test_client()
    sign_in_pupil(phone, vote["card"])
    ballot = phone.get(f"/vote/{vote['task']}")
    assert ballot.status_code == 200 and "option-effect" not in ballot.text
    assert phone.get(f"/vote/{vote['task']}/shadow.png").status_code == 404


def test_the_shadow_maps_are_pictures_that_differ_between_variants(
    app: Flask, vote: dict, client, auth: AuthActions
) -> None:
    auth.login()
    task, keys = vote["task"], vote["keys"]
    bare = client.get(f"/vote/{task}/options/{keys['bare']}/shadow.png")
    play = client.get(f"/vote/{task}/options/{keys['leg']}/shadow.png")
    now = client.get(f"/vote/{task}/shadow.png")
    assert bare.mimetype == play.mimetype == now.mimetype == "image/png"
    assert bare.data.startswith(b"\x89PNG") and bare.data != play.data
    assert now.data == play.data  # the play variant is what stands now
    assert client.get(f"/vote/{task}/options/9/shadow.png").status_code == 404

    phone = app.test_client()
    sign_in_pupil(phone, vote["card"])
    assert phone.get(f"/vote/{task}/shadow.png").data == now.data
    assert app.test_client().get(f"/vote/{task}/shadow.png").status_code == 404


def test_the_gallery_shows_the_estates_shadow_map_now(
    app: Flask, vote: dict, client, auth: AuthActions
) -> None:
    auth.login()
    gallery = client.get(f"/classes/{vote['class']}/gallery").text
    assert f"/classes/{vote['class']}/gallery/shadow.png" in gallery
    assert "Gruppernes egne byggerier er ikke målt" in gallery
    picture = client.get(f"/classes/{vote['class']}/gallery/shadow.png")
    assert picture.mimetype == "image/png"
    phone = app.test_client()
    sign_in_pupil(phone, vote["card"])
    assert phone.get("/pupil/gallery/shadow.png").data == picture.data


def test_a_phone_shows_the_effect_line_inside_its_option(
    app: Flask, vote: dict, live_server: str, phone_context, screenshot_dir
) -> None:
    for variants in (STANDING, *({SITE: variant} for variant in vote["keys"])):
        assert measures.measures(ESTATE, variants, wait=120) is not None
    phone = phone_context.new_page()
    phone.goto(f"{live_server}/c/{vote['card']}")
    phone.goto(f"{live_server}/vote/{vote['task']}")
    line = phone.locator(".option-effect").first
    line.wait_for()
    assert "mindre sol" in line.inner_text()
    card = line.locator("xpath=ancestor::label[1]").bounding_box()
    box = line.bounding_box()
    assert card["x"] <= box["x"] and box["x"] + box["width"] <= card["x"] + card["width"]
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll
    phone.wait_for_load_state("networkidle")  # the variants' pictures
    phone.screenshot(path=str(screenshot_dir / "voting-ballot-measures-phone.png"), full_page=True)


def test_the_teachers_shadow_maps_are_drawn_when_opened(
    app: Flask, vote: dict, live_server: str, browser_context, screenshot_dir
) -> None:
    page = browser_context.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    log_in_in_browser(page, live_server)
    page.goto(f"{live_server}/votes/{vote['task']}")
    page.wait_for_load_state("networkidle")
    assert not [url for url in asked if url.endswith("shadow.png")]  # closed: not drawn
    page.get_by_text("Sol og skygge").click()
    maps = page.locator("#sun img")
    expect(maps).to_have_count(1 + len(vote["keys"]))  # now, and each variant
    for index in range(maps.count()):  # each drawn and shown (the page's policy allows no
        expect(maps.nth(index)).to_have_js_property("complete", True, timeout=120_000)  # eval)
        assert maps.nth(index).evaluate("picture => picture.naturalWidth") > 0
    page.screenshot(path=str(screenshot_dir / "voting-shadow-maps.png"), full_page=True)
