"""The whole vote in Chromium: the teacher opens a ranked vote between two variants of a
shipped estate site, three pupils vote on phones, the projector follows live, the teacher
closes it, and the winning variant stands in the real Minetest world."""

from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from minecraft_scripts.generate import generate, site_box
from minecraft_scripts.server.build import build_estate, detect_edition, expected_keys, read_keys
from teacher_portal.core.extensions import db
from teacher_portal.game import areas, jobs
from teacher_portal.models import GameServer
from teacher_portal.models.voting import VotingTask
from tests import real_components
from tests.teacher_portal.conftest import PHONE, log_in_in_browser, make_app, serving
from tests.teacher_portal.factories import create_class, create_pupils, create_teacher
from worlds.catalog import load_estate

pytestmark = [pytest.mark.browser, pytest.mark.game_server]

ESTATE, SITE = "mosebollehaven", "legepladsen"
BUILD_TIMEOUT = 240
GYNGER, LEGEHUS = "Gynger og sandkasse", "Legehus og klatrestativ"
BALLOTS = {"Ali": [LEGEHUS, GYNGER], "Bo": [LEGEHUS], "Cem": [GYNGER, LEGEHUS]}


def _site_keys(conn, variants: dict[str, str], origin: tuple[int, int, int]):
    """What stands on the site in the world, and what the model with `variants` puts there."""
    estate = load_estate(ESTATE)
    model = generate(estate, variants)
    box = site_box(estate, SITE)
    edition = detect_edition(conn)
    standing = read_keys(conn, box.translated(*origin), edition)
    expected = expected_keys(model, edition)[
        box.x1 : box.x2 + 1, box.y1 : box.y2 + 1, box.z1 : box.z2 + 1
    ]
    return standing, expected


def _vote_on_phone(chromium, base_url: str, card_token: str, order: list[str], shots: Path | None):
    context = chromium.new_context(**PHONE, locale="da-DK")
    phone = context.new_page()
    phone.goto(f"{base_url}/c/{card_token}")
    phone.get_by_role("link", name="Stem: Hvilken legeplads skal gården have?").click()
    phone.locator(".ballot-form[data-ready]").wait_for()  # tap-to-rank is set up
    for label in order:
        phone.locator(".rank-option", has_text=label).click()
    expect(phone.locator("#rank-status")).to_have_text(f"{order[-1]} er nummer {len(order)}.")
    if shots:
        phone.wait_for_load_state("networkidle")  # the variants' pictures
        phone.screenshot(path=str(shots / "voting-ballot-phone.png"), full_page=True)
    phone.get_by_role("button", name="Videre").click()
    expect(phone.locator(".review-list li")).to_have_text(order)  # waits for the review page
    phone.get_by_role("button", name="Ja, afgiv min stemme").click()
    phone.get_by_role("heading", name="Tak! Din stemme er talt med.").wait_for()
    context.close()


def test_a_ranked_site_vote_from_phones_to_the_built_winner(
    tmp_path: Path, chromium, game_server: real_components.GameServer, screenshot_dir: Path
) -> None:
    app = make_app(tmp_path, BUILD_REGION_X=3000)
    with app.app_context():
        school_class = create_class(create_teacher(admin=True))
        pupils = create_pupils(school_class, *BALLOTS)
        db.session.add(
            GameServer(class_id=school_class.id, host=game_server.host, port=game_server.port)
        )
        db.session.commit()
        origin = areas.build_origin(school_class, ESTATE)
        db.session.commit()
    assert 3000 <= origin[0] < 4000
    with game_server.connect() as conn:  # the estate as it stands before the vote
        build_estate(conn, load_estate(ESTATE), at=origin, diff=True)

    with serving(app) as base_url:
        teacher = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
        page = teacher.new_page()
        page.on("dialog", lambda dialog: dialog.accept())
        log_in_in_browser(page, base_url)
        page.goto(f"{base_url}/classes/{school_class.id}")
        page.get_by_role("link", name="Ny afstemning").click()
        page.get_by_label("Spørgsmål").fill("Hvilken legeplads skal gården have?")
        page.get_by_label("Varianter af et sted i bebyggelsen").check()
        page.get_by_label("Sted i bebyggelsen", exact=True).select_option(f"{ESTATE}/{SITE}")
        page.get_by_label("Afstemningsmetode").select_option("ranked")
        page.get_by_role("button", name="Gem som kladde").click()
        page.get_by_role("button", name="Åbn afstemningen").click()
        page.get_by_text("Afstemningen er åben.").wait_for()
        task_url = page.url

        projector = teacher.new_page()
        projector.goto(task_url + "/projector")
        turnout = projector.locator(".turnout-figure strong")
        for index, pupil in enumerate(pupils):
            shots = screenshot_dir if index == 0 else None
            _vote_on_phone(chromium, base_url, pupil.card_token, BALLOTS[pupil.nickname], shots)
            turnout.filter(has_text=str(index + 1)).wait_for()  # pushed by the stream

        page.goto(task_url)
        page.get_by_role("button", name="Luk og tæl op").click()
        projector.locator(".winner-banner").filter(has_text=f"Vinder: {LEGEHUS}").wait_for()
        assert projector.locator(".round").count() >= 1
        projector.screenshot(path=str(screenshot_dir / "voting-projector.png"), full_page=True)
        with app.app_context():
            task = db.session.scalar(select(VotingTask))
            assert task.result["winners"] == ["2"]
            job_id = task.build_job_id
        jobs.wait(job_id, BUILD_TIMEOUT)
        # The page follows the build and reloads itself when it is done (live.js): a reload
        # from here as well would race it (net::ERR_ABORTED under load).
        page.get_by_text("Bygget! Vinderen står i spillet.").wait_for()
        expect(page.get_by_role("img", name="Bebyggelsen før afstemningen")).to_be_visible()
        expect(page.get_by_role("img", name="Bebyggelsen med vinderen")).to_be_visible()
        page.screenshot(path=str(screenshot_dir / "voting-result-teacher.png"), full_page=True)
        teacher.close()

    with game_server.connect() as conn:
        standing, winner = _site_keys(conn, {SITE: "legehus"}, origin)
        _, loser = _site_keys(conn, {SITE: "gynger"}, origin)
    assert (winner != loser).any()  # the two variants really differ on the site
    assert (standing == winner).all()
