""" "Gården som arkitektur" from start to end in Chromium against the real Minetest.

The teacher runs the lesson from its page: the estate is built, the groups get plots, three
groups' builds stand in their plots (placed through mcpi, as stand-ins for hand-building)
and one plot stays empty, the groups write their arguments on phones, the plots are
captured in one job, the gallery shows three proposals, five pupils vote (ranked, secret),
the vote closes and the winning group's blocks stand in the site, checked with getBlocks
against the capture, with nothing outside the site changed. The next lesson's build phase
leaves the decision standing, and undoing it rebuilds the site as it was.

This part's region of the shared test world: 5000 <= x < 6000 (the class's slot at z = 0).
Run with JAGTEN_SCREENSHOTS=docs/screenshots to refresh the README's pictures.
"""

from pathlib import Path

import numpy as np
import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from minecraft_scripts.estate_state import site_region, state_model
from minecraft_scripts.generate import generate
from minecraft_scripts.palette import Edition
from minecraft_scripts.plots import plot_box, site_placement
from minecraft_scripts.server.readback import expected_keys, read_keys
from teacher_portal.core.extensions import db
from teacher_portal.estates.state import captured_build, estate_state
from teacher_portal.game import jobs
from teacher_portal.lesson_runs import plans
from teacher_portal.models import BuildJob, ClassEstate, EstateDecision, GameServer, PlotCapture
from teacher_portal.models.voting import VotingTask
from tests import real_components
from tests.teacher_portal.conftest import PHONE, log_in_in_browser, make_app, serving
from tests.teacher_portal.factories import (
    create_class,
    create_group,
    create_pupil,
    create_teacher,
)
from worlds.catalog import load_estate

pytestmark = [pytest.mark.browser, pytest.mark.game_server]

LESSON, NEXT_LESSON = "gaarden_som_arkitektur", "afdelingsmoedet"
ESTATE = load_estate("tranebaerparken")
SITE = "legepladsen"
JOB_TIMEOUT = 240
GROUPS = ("Falkene", "Mågerne", "Ravnene", "Uglerne")  # by name, so in gruppe_1 .. gruppe_4
PUPILS = {"Ali": 0, "Bo": 1, "Cem": 2, "Dina": 3, "Emil": 0}
BUILDS = {  # plot → cuboids (dx1, dy1, dz1, dx2, dy2, dz2, id, data) inside the plot
    "gruppe_1": [(3, 0, 3, 6, 3, 6, 45, 0), (3, 4, 3, 6, 4, 6, 20, 0)],
    "gruppe_2": [(1, 0, 1, 8, 0, 8, 35, 14), (2, 1, 2, 3, 3, 3, 35, 5), (6, 1, 6, 7, 2, 7, 85, 0)],
    "gruppe_3": [(0, 0, 5, 12, 0, 6, 5, 0), (5, 1, 2, 7, 3, 4, 18, 0)],
}
PROPOSALS = {
    "Ali": ("Det røde tårn", "Et udkigstårn", "Børn og ældre", "Man kan se hele gården"),
    "Bo": ("Den grønne stue", "Bænke og hegn", "Bedsteforældre og børnebørn", "Skygge og ly"),
    "Cem": ("Stien", "En sti med træer", "Alle, der går forbi", "Folk går her alligevel"),
}
TITLES = [PROPOSALS[name][0] for name in ("Ali", "Bo", "Cem")]
BALLOTS = {  # the green living room wins in the first round (3 of 5 first choices)
    "Ali": ["Den grønne stue", "Det røde tårn", "Stien"],
    "Bo": ["Den grønne stue", "Stien"],
    "Cem": ["Stien", "Den grønne stue"],
    "Dina": ["Den grønne stue"],
    "Emil": ["Det røde tårn", "Stien", "Den grønne stue"],
}


def _shot(page, directory: Path, name: str) -> None:
    page.screenshot(path=str(directory / f"{name}.png"), full_page=True)


def _estate_keys(conn, origin) -> np.ndarray:
    box = generate(ESTATE).bounds.translated(*origin)
    return read_keys(conn, box, Edition.MINETEST)


def _site_mask(shape: tuple[int, int, int]) -> np.ndarray:
    site = site_region(generate(ESTATE), ESTATE, SITE)
    inside = np.zeros(shape, dtype=bool)
    inside[site.slices()] = True
    return inside


def _latest_job(app, kind: str) -> int:
    with app.app_context():
        return db.session.scalar(
            select(BuildJob.id).where(BuildJob.kind == kind).order_by(BuildJob.id.desc())
        )


def _go_to_phase(page, plan, index: int) -> None:
    title = f"{index + 1}. {plan.phases[index].title.da}"
    page.locator(".phase-steps").get_by_role("button", name=title).click()
    page.locator(".phase-steps .current", has_text=plan.phases[index].title.da).wait_for()


def _phase_index(plan, test) -> int:
    return next(index for index, phase in enumerate(plan.phases) if test(phase))


def _start_lesson(page, base_url: str, class_id: int, plan) -> None:
    page.goto(f"{base_url}/classes/{class_id}/lessons")
    page.locator(".lesson-card", has_text=plan.title.da).get_by_role(
        "button", name="Start dette forløb"
    ).click()
    page.locator(".phase-steps .current").wait_for()


def _phone(chromium, base_url: str, token: str):
    context = chromium.new_context(**PHONE, locale="da-DK")
    phone = context.new_page()
    phone.goto(f"{base_url}/c/{token}")
    return context, phone


def test_the_courtyard_as_architecture_runs_in_the_portal(
    tmp_path: Path, chromium, game_server: real_components.GameServer, screenshot_dir: Path
) -> None:
    app = make_app(tmp_path, BUILD_REGION_X=5000)
    with app.app_context():
        school_class = create_class(create_teacher(admin=True), "8.A", grade=8)
        groups = [create_group(school_class, name) for name in GROUPS]
        pupils = {
            name: create_pupil(school_class, name, group_id=groups[group].id)
            for name, group in PUPILS.items()
        }
        db.session.add(
            GameServer(class_id=school_class.id, host=game_server.host, port=game_server.port)
        )
        db.session.commit()
    plan, next_plan = plans.lesson(LESSON), plans.lesson(NEXT_LESSON)

    with serving(app) as base_url:
        teacher = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
        page = teacher.new_page()
        page.on("dialog", lambda dialog: dialog.accept())
        log_in_in_browser(page, base_url)

        # The estate is built in the phase that hands out the plots; the groups get theirs.
        _start_lesson(page, base_url, school_class.id, plan)
        run_url = page.url
        _go_to_phase(page, plan, _phase_index(plan, lambda p: p.build and p.build.plots))
        page.get_by_role("button", name="Byg nu").click()
        page.get_by_text("Bygget! Alt står på plads.").wait_for(timeout=JOB_TIMEOUT * 1000)
        page.get_by_role("button", name="Giv grupperne byggefelter i rækkefølge").click()
        expect(page.get_by_test_id("lesson-plots").locator("li")).to_have_count(4)
        _shot(page, screenshot_dir, "lesson-plots")
        with app.app_context():
            origin = db.session.scalar(select(ClassEstate)).origin
        assert 5000 <= origin[0] < 6000

        # Three groups build (stand-ins through mcpi); Uglerne's plot stays empty.
        with game_server.connect() as conn:
            for plot_id, cuboids in BUILDS.items():
                x, y, z = plot_box(ESTATE, plot_id).translated(*origin).low
                for dx1, dy1, dz1, dx2, dy2, dz2, block, data in cuboids:
                    conn.set_blocks(x + dx1, y + dy1, z + dz1, x + dx2, y + dy2, z + dz2,
                                    block, data)  # fmt: skip
            conn.barrier()

        # The groups write their proposals on phones.
        for name, (title, what, for_whom, why) in PROPOSALS.items():
            context, phone = _phone(chromium, base_url, pupils[name].card_token)
            plot_name = f"Jeres byggefelt: Gruppe {PUPILS[name] + 1}"
            phone.get_by_role("heading", name=plot_name).wait_for()
            if name == "Ali":
                phone.locator("img.plot-map").evaluate("img => img.decode()")
                _shot(phone, screenshot_dir, "pupil-plot-phone")
            phone.get_by_role("link", name="Skriv jeres forslag").click()
            phone.get_by_label("Forslagets titel").fill(title)
            phone.get_by_label("Hvad har I bygget?").fill(what)
            phone.get_by_label("For hvem?").fill(for_whom)
            phone.get_by_label("Hvorfor skal bebyggelsen have det?").fill(why)
            if name == "Bo":
                _shot(phone, screenshot_dir, "proposal-phone")
            phone.get_by_role("button", name="Gem forslaget").click()
            phone.get_by_text("Gruppens forslag er gemt.").wait_for()
            context.close()

        # One click captures every plot, in one job with progress; the empty plot is reported.
        page.goto(run_url)
        _go_to_phase(page, plan, _phase_index(plan, lambda p: p.kind == "build"))
        page.get_by_role("button", name="Fotografér alle felter").click()
        jobs.wait(_latest_job(app, "capture"), JOB_TIMEOUT)
        page.goto(f"{base_url}/classes/{school_class.id}/plots")
        expect(page.get_by_test_id("empty-report")).to_contain_text("Gruppe 4")
        expect(page.get_by_text("4 byggefelter er fotograferet.")).to_be_visible()
        _shot(page, screenshot_dir, "plots-captured")

        # The gallery walk: three proposals, big, for the projector.
        page.goto(run_url)
        _go_to_phase(page, plan, _phase_index(plan, lambda p: p.kind == "present"))
        expect(page.locator("#plots .phase-pictures figure")).to_have_count(3)
        gallery = teacher.new_page()
        gallery.goto(f"{base_url}/classes/{school_class.id}/gallery")
        expect(gallery.locator(".proposal")).to_have_count(3)
        assert gallery.locator(".proposal-title").all_inner_texts() == TITLES
        gallery.wait_for_load_state("networkidle")
        _shot(gallery, screenshot_dir, "gallery-projector")
        gallery.close()

        # The vote, run from the lesson page: made from the template, opened, five vote.
        _go_to_phase(page, plan, _phase_index(plan, lambda p: p.vote is not None))
        page.get_by_role("button", name="Lav afstemningen fra lektionen").click()
        page.get_by_role("button", name="Åbn afstemningen").click()
        page.get_by_text("Afstemningen er åben.").wait_for()
        with game_server.connect() as conn:
            before_vote = _estate_keys(conn, origin)
        for index, (name, order) in enumerate(BALLOTS.items()):
            context, phone = _phone(chromium, base_url, pupils[name].card_token)
            phone.get_by_role("link", name="Stem: Hvilket forslag skal gården have?").click()
            phone.locator(".ballot-form[data-ready]").wait_for()
            for label in order:
                phone.locator(".rank-option", has_text=label).click()
            if index == 0:
                phone.wait_for_load_state("networkidle")
                _shot(phone, screenshot_dir, "ballot-plots-phone")
            phone.get_by_role("button", name="Videre").click()
            phone.get_by_role("button", name="Ja, afgiv min stemme").click()
            phone.get_by_role("heading", name="Tak! Din stemme er talt med.").wait_for()
            context.close()
        page.reload()
        expect(page.get_by_test_id("lesson-turnout")).to_have_text("5 af 5 har stemt.")
        _shot(page, screenshot_dir, "lesson-vote")
        page.get_by_role("button", name="Luk og tæl op").click()
        page.get_by_text("Vinderen bygges nu i spillet.").wait_for()
        expect(page.get_by_text("Vinder: Den grønne stue")).to_be_visible()
        with app.app_context():
            task = db.session.scalar(select(VotingTask))
            assert task.secret and task.result["compare"].keys() == {"plurality", "condorcet"}
            winner_job = task.build_job_id
            decision = db.session.scalar(select(EstateDecision))
            capture = db.session.get(PlotCapture, decision.capture_id)
            assert capture.plot_id == "gruppe_2"
            winning = captured_build(capture)
        jobs.wait(winner_job, JOB_TIMEOUT)
        page.get_by_role("link", name="Vinderen i spillet, før og efter").click()
        page.get_by_text("Bygget! Vinderen står i spillet.").wait_for()
        for alt in ("Bebyggelsen før afstemningen", "Bebyggelsen med vinderen"):
            page.get_by_role("img", name=alt).evaluate("img => img.decode()")
        _shot(page, screenshot_dir, "vote-result-plots")

        # The winning group's blocks stand in the site; nothing outside the site changed.
        with game_server.connect() as conn:
            after_vote = _estate_keys(conn, origin)
        _, region = site_placement(ESTATE, winning, SITE)
        trimmed = winning.trimmed().keys
        bx, by, bz = trimmed.shape
        ox = region.x1 + (region.size[0] - bx) // 2
        oz = region.z1 + (region.size[2] - bz) // 2
        standing = after_vote[ox : ox + bx, region.y1 : region.y1 + by, oz : oz + bz]
        assert np.array_equal(standing, trimmed)  # block for block, as captured
        site_rest = after_vote[region.slices()].copy()
        site_rest[
            ox - region.x1 : ox - region.x1 + bx, :by, oz - region.z1 : oz - region.z1 + bz
        ] = 0
        assert not site_rest.any()  # the old playground gave way
        outside = ~_site_mask(after_vote.shape)
        assert np.array_equal(after_vote[outside], before_vote[outside])
        assert (
            after_vote[_site_mask(after_vote.shape)] != before_vote[_site_mask(after_vote.shape)]
        ).any()

        # The next lesson builds the default playground there, but the decision stands.
        _start_lesson(page, base_url, school_class.id, next_plan)
        _go_to_phase(page, next_plan, _phase_index(next_plan, lambda p: p.build is not None))
        expect(page.get_by_test_id("standing-decisions")).to_contain_text(
            "Lektionen ville bygge „Klassisk legeplads“ her"
        )
        page.get_by_role("button", name="Byg nu").click()
        page.get_by_text("Bygget! Alt står på plads.").wait_for(timeout=JOB_TIMEOUT * 1000)
        _shot(page, screenshot_dir, "decisions-stand")
        with game_server.connect() as conn:
            after_next_lesson = _estate_keys(conn, origin)
        assert np.array_equal(after_next_lesson, after_vote)  # decision and plots untouched

        # Undoing the decision (asked first) rebuilds the site as it was before it.
        page.goto(f"{base_url}/classes/{school_class.id}#estate")
        _shot(page, screenshot_dir, "class-estate-decisions")
        page.get_by_role("button", name="Fortryd denne beslutning").click()
        page.get_by_text("Beslutningen „Den grønne stue“ er fortrudt.").wait_for()
        jobs.wait(_latest_job(app, "build"), JOB_TIMEOUT)
        with app.app_context():
            state = estate_state(db.session.scalar(select(ClassEstate)))
            assert state.decisions == () and state.variants() == {SITE: "klassisk"}
            expected = expected_keys(state_model(state), Edition.MINETEST)
        with game_server.connect() as conn:
            undone = _estate_keys(conn, origin)
        inside = _site_mask(undone.shape)
        assert np.array_equal(undone[inside], expected[inside])  # the classic playground
        assert np.array_equal(undone[~inside], after_vote[~inside])
        teacher.close()
