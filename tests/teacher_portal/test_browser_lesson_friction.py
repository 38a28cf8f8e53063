"""The first ten minutes of a lesson in Chromium, as a new teacher meets them: a class of 24
set up in five interactions, a line that cannot be read shown before anything is saved,
the address warning until the school's address is set, the projector at 1920×1080 read
from the back row (text sizes measured in the page), and a pupil's phone after voting."""

from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import expect

from teacher_portal.core.extensions import db
from teacher_portal.lesson_runs import plans
from teacher_portal.models import Pupil, SchoolClass, SchoolSettings
from tests.teacher_portal.conftest import PHONE, log_in_in_browser, sign_in_pupil
from tests.teacher_portal.factories import (
    PASSWORD,
    create_class,
    create_lesson_run,
    create_pupils,
    default_teacher,
)
from tests.teacher_portal.voting.test_friction_pages import TIED_RESULT
from tests.teacher_portal.voting.vote_factories import create_task

pytestmark = pytest.mark.browser

NICKNAMES = [
    "Ali", "Bo", "Cecilie", "Dana", "Emil", "Freja", "Gustav", "Hiba", "Ida", "Jonas",
    "Karla", "Liam", "Maja", "Noah", "Olivia", "Oscar", "Rasmus", "Sara", "Theo", "Ulla",
    "Vera", "William", "Yusuf", "Zara",
]  # fmt: skip
# Measured in the page: 1rem is 36 px on a 1920 px wide projector.
BACK_ROW_PX = 30
QUESTION_PX = 60
TEXT_SIZES = """() => {
  const sizes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    const text = walker.currentNode.textContent.trim();
    if (!text || !element || element.closest("script, style, .visually-hidden")) continue;
    if (!element.getClientRects().length) continue;  // not shown
    const style = getComputedStyle(element);
    if (style.visibility === "hidden") continue;
    sizes.push({text: text.slice(0, 50), px: parseFloat(style.fontSize), cls: element.className});
  }
  return sizes;
}"""


class Interactions:
    """What the teacher does, counted: each paste (fill) and each click is one."""

    def __init__(self) -> None:
        self.count = 0

    def fill(self, locator, text: str) -> None:
        locator.fill(text)
        self.count += 1

    def click(self, locator) -> None:
        locator.click()
        self.count += 1


def _log_in(page, base_url: str) -> None:
    log_in_in_browser(page, base_url)
    page.get_by_role("heading", name="Mine klasser").wait_for()


def _new_class(app: Flask, name: str) -> int:
    with app.app_context():
        return create_class(default_teacher(), name).id


def test_a_class_of_24_with_groups_and_households_in_five_interactions(
    app: Flask, live_server: str, browser_context, screenshot_dir: Path
) -> None:
    page = browser_context.new_page()
    _log_in(page, live_server)
    class_id = _new_class(app, "6.B")
    page.goto(f"{live_server}/classes/{class_id}/roster")  # where creating a class leads

    teacher = Interactions()
    teacher.fill(page.get_by_label("Klasselisten, én elev pr. linje"), "\n".join(NICKNAMES))
    teacher.click(page.get_by_role("button", name="Forhåndsvis"))
    expect(page.get_by_test_id("roster-preview").locator("tbody tr")).to_have_count(24)
    teacher.click(page.get_by_role("button", name="Gem 24 elever"))
    page.get_by_text("24 elever er tilføjet.").wait_for()
    teacher.click(page.get_by_role("button", name="Del klassen i grupper"))
    page.get_by_text("Klassen er delt i 6 grupper.").wait_for()
    teacher.click(page.get_by_role("button", name="Lav husstande med 2–3"))
    page.get_by_text("8 husstande med 2–3 elever er lavet.").wait_for()
    assert teacher.count <= 5

    with app.app_context():
        school_class = db.session.get(SchoolClass, class_id)
        assert len(school_class.pupils) == 24
        groups = sorted(len([p for p in school_class.pupils if p.group_id == g.id]) for g in
                        school_class.groups)  # fmt: skip
        households = {len([p for p in school_class.pupils if p.household_id == h.id]) for h in
                      school_class.households}  # fmt: skip
    assert groups == [4] * 6 and households == {3}
    _shot(page.locator("#groups").locator(".."), screenshot_dir, "teacher-groups.png")


def test_a_spreadsheet_pasted_with_a_line_that_cannot_be_read(
    app: Flask, live_server: str, browser_context, screenshot_dir: Path
) -> None:
    page = browser_context.new_page()
    _log_in(page, live_server)
    class_id = _new_class(app, "7.A")
    page.goto(f"{live_server}/classes/{class_id}/roster")
    rows = [
        f"{name}\tGruppe {index % 4 + 1}\tNr. {index // 2 + 1}\t{name.lower()}_mc"
        for index, name in enumerate(NICKNAMES)
    ]
    broken = [*rows[:3], "Bo, Cecilie, Dana", *rows[3:]]  # names on one line, by commas
    heading = "Kaldenavn\tGruppe\tHusstand\tSpilnavn"

    teacher = Interactions()
    teacher.fill(
        page.get_by_label("Klasselisten, én elev pr. linje"), "\n".join([heading, *broken])
    )
    teacher.click(page.get_by_role("button", name="Forhåndsvis"))
    problems = page.get_by_test_id("roster-problems")
    expect(problems).to_contain_text("Linje 5: „Bo, Cecilie, Dana“ har et komma.")
    expect(page.get_by_role("button", name="Gem 24 elever")).to_have_count(0)
    expect(page.get_by_test_id("roster-preview")).not_to_contain_text("Bo, Cecilie")
    page.get_by_text("Linje 1 ligner kolonneoverskrifter; sprunget over.").wait_for()
    _shot(page.locator(".roster-card"), screenshot_dir, "teacher-roster-paste.png")

    teacher.fill(page.get_by_label("Klasselisten, én elev pr. linje"), "\n".join(rows))
    teacher.click(page.get_by_role("button", name="Forhåndsvis igen"))
    expect(page.get_by_test_id("roster-preview").locator("tbody tr")).to_have_count(24)
    page.get_by_text("Nye husstande: Nr. 1, Nr. 2").wait_for()
    teacher.click(page.get_by_role("button", name="Gem 24 elever"))
    page.get_by_text("24 elever er tilføjet.").wait_for()
    assert teacher.count <= 5

    households = page.locator("#households li").all_inner_texts()
    names = [text.splitlines()[0].strip() for text in households]
    assert names == [f"Nr. {number}" for number in range(1, 13)]  # Nr. 2 before Nr. 10
    choices = page.get_by_label("Husstand for Ali").locator("option").all_inner_texts()
    assert choices[1:4] == ["Nr. 1", "Nr. 2", "Nr. 3"] and choices[-1] == "Nr. 12"
    with app.app_context():
        assert db.session.query(Pupil).filter(Pupil.nickname.like("%,%")).count() == 0
        ali = db.session.query(Pupil).filter_by(nickname="Ali").one()
        assert (ali.group.name, ali.household.name, ali.minecraft_name) == (
            "Gruppe 1",
            "Nr. 1",
            "ali_mc",
        )
    with app.app_context():  # as after the next test: the school's address is set
        db.session.add(SchoolSettings(public_url="http://192.168.1.20:5000"))
        db.session.commit()
    page.reload()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(screenshot_dir / "teacher-class.png"))


def test_the_address_warning_until_the_school_address_is_set(
    app: Flask, live_server: str, browser_context, screenshot_dir: Path
) -> None:
    class_id = _new_class(app, "6.B")
    page = browser_context.new_page()
    _log_in(page, live_server)
    page.goto(f"{live_server}/classes/{class_id}")
    warning = page.get_by_test_id("address-warning")
    expect(warning).to_contain_text("Elevernes telefoner kan ikke åbne disse links endnu")
    expect(warning).to_contain_text(live_server)
    page.get_by_role("link", name="Indstil elevernes adresse").click()
    expect(page.get_by_test_id("pupil-address")).to_have_text(live_server)
    page.get_by_label("Adresse til elevernes enheder").fill("192.168.1.20:5000")
    page.get_by_role("button", name="Gem", exact=True).click()
    page.get_by_text("Gemt. Kort, QR-koder og siden til at komme ind bruger nu den nye adresse.")
    expect(page.get_by_test_id("pupil-address")).to_have_text("http://192.168.1.20:5000")
    expect(page.get_by_test_id("address-warning")).to_have_count(0)
    _shot(page.locator("main"), screenshot_dir, "teacher-address.png")
    page.goto(f"{live_server}/classes/{class_id}")
    expect(page.get_by_test_id("address-warning")).to_have_count(0)
    page.get_by_text("http://192.168.1.20:5000/join").wait_for()


def test_the_projector_reads_from_the_back_row(
    app: Flask, live_server: str, chromium, screenshot_dir: Path
) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        pupils = create_pupils(school_class, *NICKNAMES[:6])
        task = create_task(
            school_class, method="plurality", secret=False,
            question="Hvad skal der være i gården ved blok C?",
        )  # fmt: skip
    for pupil, choice in zip(pupils[:4], "1213", strict=True):
        phone = app.test_client()
        sign_in_pupil(phone, pupil.card_token)
        phone.post(f"/vote/{task.id}", data={"choice": [choice]})
    projector_screen = chromium.new_context(viewport={"width": 1920, "height": 1080})
    page = projector_screen.new_page()
    _log_in(page, live_server)
    page.goto(f"{live_server}/votes/{task.id}/projector")
    page.locator(".projector-view[data-version]").wait_for()  # the stream's first update is in

    expect(page.locator(".topbar")).to_be_hidden()  # no teacher menu on the wall
    expect(page.get_by_test_id("projector-class-code")).to_have_text(school_class.class_code)
    assert page.locator(".projector-join-qr svg").bounding_box()["width"] >= 250
    _assert_readable(page.evaluate(TEXT_SIZES))
    page.screenshot(path=str(screenshot_dir / "projector-open.png"))

    teacher = app.test_client()
    teacher.post("/login", data={"email": "teacher@example.org", "password": PASSWORD})
    teacher.post(f"/votes/{task.id}/close")
    page.locator(".winner-banner").filter(has_text="Vinder: Legeplads").wait_for()
    expect(page.locator(".projector-hint")).to_have_count(0)  # no stale "Stem på din side…"
    expect(page.get_by_test_id("projector-class-code")).to_have_count(0)
    _assert_readable(page.evaluate(TEXT_SIZES))
    page.screenshot(path=str(screenshot_dir / "projector-result.png"))
    projector_screen.close()


def _assert_readable(sizes: list[dict]) -> None:
    question = [s["px"] for s in sizes if "projector-question" in s["cls"]]
    assert question and min(question) >= QUESTION_PX, question
    small = [s for s in sizes if s["px"] < BACK_ROW_PX]
    assert not small, f"too small for the back row: {small}"
    turnout = [s["px"] for s in sizes if s["cls"] == "turnout-figure"]
    assert turnout and turnout[0] >= 40


def test_after_voting_the_pupils_page_says_so(
    app: Flask, live_server: str, chromium, screenshot_dir: Path
) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        (ali,) = create_pupils(school_class, "Ali")
        run = create_lesson_run(school_class, "afdelingsmoedet")
        run.phase_index = next(
            i for i, p in enumerate(plans.lesson(run.lesson_id).phases) if p.vote
        )
        db.session.merge(run)
        db.session.add(SchoolSettings(public_url="http://192.168.1.20:5000"))
        db.session.commit()
        open_task = create_task(school_class, method="plurality", question="Hvad skal gården have?")
        create_task(
            school_class, state="closed", result=TIED_RESULT, show_results=True,
            question="Hvor skal bænkene stå?",
        )  # fmt: skip
    context = chromium.new_context(**PHONE, locale="da-DK")
    phone = context.new_page()
    phone.goto(f"{live_server}/c/{ali.card_token}")
    phone.get_by_role("link", name=f"Stem: {open_task.question}").click()
    phone.locator(".option-card", has_text="Køkkenhave").click()
    phone.get_by_role("button", name="Videre").click()
    phone.get_by_role("button", name="Ja, afgiv min stemme").click()
    phone.get_by_role("link", name="Tilbage til min side").click()

    expect(phone.get_by_test_id("voted")).to_have_text("✓ Du har stemt")
    expect(phone.get_by_role("link", name=f"Stem: {open_task.question}")).to_have_count(0)
    expect(phone.get_by_test_id("join-host")).to_have_text("192.168.1.20")  # the school's address
    phone.screenshot(path=str(screenshot_dir / "pupil-phone.png"), full_page=True)

    phone.get_by_role("link", name="Resultat: Hvor skal bænkene stå?").click()
    labels = phone.locator(".bar-label").evaluate_all(
        "labels => labels.map(l => parseFloat(getComputedStyle(l).fontSize))"
    )
    lot = phone.locator(".lot").evaluate("l => parseFloat(getComputedStyle(l).fontSize)")
    assert labels and min(labels) >= 16  # readable on a phone, as the page's own text
    assert lot < min(labels) and lot <= 15  # the tie-break line stays small
    expect(phone.locator(".lot")).to_contain_text("Lodtrækningen valgte Køkkenhave")
    phone.screenshot(path=str(screenshot_dir / "pupil-result-phone.png"), full_page=True)
    context.close()


def _shot(locator, directory: Path, name: str) -> None:
    locator.screenshot(path=str(directory / name))
