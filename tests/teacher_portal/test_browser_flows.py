"""Browser tests in Debian's Chromium: what a teacher and a pupil actually click through."""

import re
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import expect
from sqlalchemy import select

from teacher_portal.core.codes import card_code
from teacher_portal.core.extensions import db
from teacher_portal.lesson_runs import plans
from teacher_portal.models import GameServer, SchoolClass
from tests import real_components
from tests.teacher_portal.conftest import log_in_in_browser
from tests.teacher_portal.factories import PASSWORD

pytestmark = pytest.mark.browser
BUILD_TIMEOUT_MS = 240_000


def _shot(page, directory: Path, name: str) -> None:
    page.screenshot(path=str(directory / f"portal_{name}.png"), full_page=True)


def test_first_run_to_a_pupil_signed_in_with_a_card(
    fresh_live_server: str, browser_context, phone_context, screenshot_dir: Path
) -> None:
    page = browser_context.new_page()
    page.goto(fresh_live_server)
    assert page.url.endswith("/setup")
    _shot(page, screenshot_dir, "setup")
    page.get_by_label("Dit navn").fill("Karen Lærer")
    page.get_by_label("E-mail").fill("karen@skole.dk")
    page.get_by_label("Adgangskode", exact=True).fill(PASSWORD)
    page.get_by_label("Gentag adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Opret konto og begynd").click()

    page.get_by_label("Klassens navn").fill("6.B")
    page.get_by_label("Klassetrin").fill("6")
    page.get_by_role("button", name="Opret klasse").click()

    page.get_by_label("Klasselisten, én elev pr. linje").fill("Ali\nBo\n  Cecilie \nali\n")
    page.get_by_role("button", name="Forhåndsvis").click()
    page.get_by_role("button", name="Gem 3 elever").click()
    page.get_by_text("3 elever er tilføjet.").wait_for()
    _shot(page, screenshot_dir, "class")

    page.get_by_role("link", name="Udskriv login-kort").click()
    cards = page.locator(".login-card")
    assert cards.count() == 3
    assert cards.locator("svg").count() == 3
    _shot(page, screenshot_dir, "cards")
    ali_card = cards.filter(has_text="Ali")
    link = ali_card.locator(".login-card-link").get_attribute("href")

    phone = phone_context.new_page()
    phone.goto(link)
    phone.get_by_role("heading", name="Hej, Ali!").wait_for()
    assert "6.B" in phone.content()
    expect(phone.get_by_text("Venter på, at forløbet starter")).to_be_visible()
    _shot(phone, screenshot_dir, "pupil_phone")


def test_class_code_and_name_on_a_phone(
    app: Flask, live_server: str, phone_context, screenshot_dir: Path
) -> None:
    with app.app_context():
        from tests.teacher_portal.factories import create_class, create_pupils, default_teacher

        school_class = create_class(default_teacher(), "7.A")
        _ali, bo = create_pupils(school_class, "Ali", "Bo")
    phone = phone_context.new_page()
    phone.goto(live_server)
    phone.get_by_role("link", name="Jeg er elev").click()
    phone.get_by_label("Klassekode").fill(school_class.class_code.lower())
    _shot(phone, screenshot_dir, "join_phone")
    phone.get_by_role("button", name="Videre").click()
    _shot(phone, screenshot_dir, "pick_name_phone")
    phone.get_by_role("button", name="Bo").click()
    phone.get_by_label("Din egen kode").fill(card_code(bo.card_token).lower())  # from Bo's card
    _shot(phone, screenshot_dir, "card_code_phone")
    phone.get_by_role("button", name="Log ind").click()
    phone.get_by_role("heading", name="Hej, Bo!").wait_for()


def _build_lesson():
    for plan in plans.startable_lessons():
        for index, phase in enumerate(plan.phases):
            if phase.build is not None:
                return plan, index
    pytest.fail("no shipped lesson has a build phase")


@pytest.mark.game_server
def test_lesson_run_builds_on_the_real_server_with_live_progress(
    app: Flask,
    live_server: str,
    browser_context,
    phone_context,
    game_server: real_components.GameServer,
    screenshot_dir: Path,
) -> None:
    from tests.teacher_portal.factories import create_class, create_pupils, default_teacher

    with app.app_context():
        school_class = create_class(default_teacher(), "6.B")
        (ali,) = create_pupils(school_class, "Ali")
        db.session.add(
            GameServer(class_id=school_class.id, host=game_server.host, port=game_server.port)
        )
        db.session.commit()
    plan, build_index = _build_lesson()

    page = browser_context.new_page()
    log_in_in_browser(page, live_server)
    page.get_by_role("link", name="6.B").click()
    page.get_by_role("link", name="Start et forløb").click()
    page.locator(".lesson-card", has_text=plan.title.da).get_by_role(
        "button", name="Start dette forløb"
    ).click()
    page.locator(".phase-steps .current").wait_for()

    phone = phone_context.new_page()
    phone.goto(f"{live_server}/c/{ali.card_token}")
    phone.get_by_text(f"Nu: {plan.phases[0].title.da}").wait_for()

    page.locator(".phase-steps").get_by_role(
        "button", name=f"{build_index + 1}. {plan.phases[build_index].title.da}"
    ).click()
    build_title = plan.phases[build_index].title.da
    phone.get_by_text(f"Nu: {build_title}").wait_for(timeout=15_000)  # the phone follows alone
    shown = re.fullmatch(r"(\d+):[0-5]\d", phone.locator(".timer").inner_text())
    assert shown and int(shown[1]) <= plan.phases[build_index].minutes  # counts down the phase
    _shot(phone, screenshot_dir, "pupil_phase_phone")

    polled: list[str] = []
    page.on(
        "request", lambda request: polled.append(request.url) if "/builds/" in request.url else None
    )
    page.get_by_role("button", name="Byg nu").click()
    page.get_by_text("Bygget! Alt står på plads.").wait_for(timeout=BUILD_TIMEOUT_MS)
    status_urls = {url for url in polled if url.endswith(".json")}
    assert len(status_urls) == 1, "the page followed the build's progress"
    final = page.request.get(status_urls.pop()).json()
    assert (final["state"], final["percent"], final["verified"]) == ("done", 100, True)
    assert page.locator(".build-status progress").get_attribute("value") == "100"
    assert page.locator("img.preview").evaluate("img => img.naturalWidth") > 0
    _shot(page, screenshot_dir, "lesson_build")
    with app.app_context():
        assert db.session.scalar(select(SchoolClass.id)) == school_class.id
