"""From the class to the town hall in Chromium: three groups write their message on phones,
the teacher opens the report and makes a share link, a politician answers in a browser of
their own (no login), and the answer reaches the pupils' phones only when the teacher
shows it."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from teacher_portal.core.extensions import db
from teacher_portal.models import LessonRun
from tests.teacher_portal.conftest import PHONE, log_in_in_browser, make_app, serving
from tests.teacher_portal.factories import (
    create_class,
    create_group,
    create_lesson_run,
    create_pupil,
    create_teacher,
)
from tests.teacher_portal.reports.report_factories import (
    ESTATE,
    MESSAGES,
    SITE,
    VARIANT_QUESTION,
    cast_and_close,
)
from tests.teacher_portal.voting.vote_factories import create_task

pytestmark = pytest.mark.browser

ANSWER = "Tak for jeres forslag. Udvalget behandler overgangen på skolevejen i april."
MEASURES_TIMEOUT = 240_000  # ms: the planner's measures are worked out in the background


def _class_writing_its_message(app):
    with app.app_context():
        school_class = create_class(create_teacher(admin=True), "7.B", grade=7)
        writers = []
        for index, name in enumerate(MESSAGES, start=1):
            group = create_group(school_class, name)
            writers.append(create_pupil(school_class, f"Elev{index}", group_id=group.id))
        reader = create_pupil(school_class, "Læser", group_id=group.id)
        run = create_lesson_run(school_class, "til_kommunen")
        vote = create_task(school_class, site=(ESTATE, SITE), question=VARIANT_QUESTION,
                           method="ranked", lesson_run_id=run.id)  # fmt: skip
        cast_and_close(vote, {pupil: ["2", "1"] for pupil in (*writers, reader)})
        db.session.get(LessonRun, run.id).phase_index = 1  # "what shall we ask for?"
        db.session.commit()
    return school_class, writers, reader


def _write_on_phone(chromium, base_url: str, card_token: str, texts: tuple[str, str, str]):
    context = chromium.new_context(**PHONE, locale="da-DK")
    phone = context.new_page()
    phone.goto(f"{base_url}/c/{card_token}")
    phone.get_by_role("link", name="Skriv jeres budskab").click()
    problem, proposal, ask = texts
    phone.get_by_label("Problemet").fill(problem)
    phone.get_by_label("Vores forslag").fill(proposal)
    phone.get_by_label("Det beder vi kommunen om").fill(ask)
    phone.get_by_role("button", name="Gem vores budskab").click()
    phone.get_by_text("Gemt. Alle i jeres gruppe kan se jeres budskab.").wait_for()
    context.close()


def test_messages_report_share_link_answer_shown(
    tmp_path: Path, chromium, screenshot_dir: Path
) -> None:
    app = make_app(tmp_path)
    school_class, writers, reader = _class_writing_its_message(app)
    with serving(app) as base_url:
        for pupil, texts in zip(writers, MESSAGES.values(), strict=True):
            _write_on_phone(chromium, base_url, pupil.card_token, texts)

        teacher_context = chromium.new_context(viewport={"width": 1280, "height": 900},
                                               locale="da-DK")  # fmt: skip
        teacher = teacher_context.new_page()
        log_in_in_browser(teacher, base_url)
        teacher.goto(f"{base_url}/classes/{school_class.id}")
        teacher.get_by_role("link", name="Rapporten og dens links").click()
        teacher.get_by_role("link", name="Åbn rapporten").click()
        for _problem, _proposal, ask in MESSAGES.values():
            expect(teacher.locator("#section-messages")).to_contain_text(ask)
        teacher.locator(".measures-table").first.wait_for(timeout=MEASURES_TIMEOUT)  # reloads
        expect(teacher.locator(".pending")).to_have_count(0)
        teacher.wait_for_load_state("networkidle")  # the pictures
        box = teacher.locator("#section-votes").bounding_box()
        around = {"x": box["x"] - 28, "y": box["y"] - 20, "width": box["width"] + 56,
                  "height": box["height"] + 40}  # fmt: skip
        teacher.screenshot(path=str(screenshot_dir / "report-page.png"), full_page=True,
                           clip=around)  # fmt: skip

        teacher.get_by_role("link", name="Tilbage til rapportens indstillinger").click()
        teacher.get_by_label("Til (en politiker eller et udvalg)").fill("Mette Holm")
        teacher.get_by_label("Rolle, fx „Formand for Teknik- og Miljøudvalget“").fill(
            "Formand for Teknik- og Miljøudvalget"
        )
        teacher.get_by_role("button", name="Lav et delingslink").click()
        share_url = teacher.locator(".share-url").first.inner_text().strip()
        assert "/r/" in share_url

        pupil_context = chromium.new_context(**PHONE, locale="da-DK")
        pupil = pupil_context.new_page()
        pupil.goto(f"{base_url}/c/{reader.card_token}")
        expect(pupil.get_by_text("Dit svar til klassen")).to_have_count(0)

        politician_context = chromium.new_context(locale="da-DK")  # no login, no cookies
        politician = politician_context.new_page()
        politician.goto(share_url)
        expect(politician.get_by_text("En rapport fra 7.B til Mette Holm")).to_be_visible()
        expect(politician.locator("#section-messages")).to_contain_text(
            "En sikker overgang på skolevejen"
        )
        politician.get_by_label("Dit navn").fill("Mette Holm")
        politician.get_by_label("Din rolle, fx medlem af kommunalbestyrelsen").fill(
            "Formand for Teknik- og Miljøudvalget"
        )
        politician.get_by_label("Dit svar til klassen").fill(ANSWER)
        politician.get_by_role("button", name="Send svaret").click()
        politician.get_by_text("Tak! Dit svar er sendt til klassens lærer.").wait_for()
        politician.goto(f"{base_url}/classes/{school_class.id}")
        expect(politician).to_have_url(f"{base_url}/login?next=%2Fclasses%2F{school_class.id}")
        politician_context.close()

        pupil.reload()
        expect(pupil.get_by_text(ANSWER)).to_have_count(0)
        teacher.reload()
        expect(teacher.locator("#answers")).to_contain_text(ANSWER)
        expect(teacher.locator("#answers")).to_contain_text("ikke vist for klassen endnu")
        teacher.get_by_role("button", name="Vis for klassen").click()
        expect(teacher.locator("#answers")).to_contain_text("vist for klassen")
        pupil.get_by_text(ANSWER).wait_for(timeout=15_000)  # the page follows by itself
        pupil_context.close()
        teacher_context.close()
