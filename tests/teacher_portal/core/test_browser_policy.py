"""In Chromium, under the policy that runs no inline script: inline code is refused, and the
pages' confirmations, printing and live parts still work from the static files."""

import pytest
from flask import Flask

from teacher_portal.core.extensions import db
from teacher_portal.models import Pupil, SchoolClass
from tests.teacher_portal.conftest import log_in_in_browser
from tests.teacher_portal.factories import create_class, create_pupils, default_teacher

pytestmark = pytest.mark.browser

# Playwright's init scripts run outside the page's policy: they record what the policy blocks
# and stand in for the printer.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (event) => window.__violations.push(event.violatedDirective + " " + event.blockedURI));
window.print = () => { window.__printed = (window.__printed || 0) + 1; };
"""

INJECT_INLINE = """() => {
  const script = document.createElement("script");
  script.textContent = "window.__inline = 'ran'";
  document.body.append(script);
  return window.__inline || "blocked";
}"""


def _violations(page) -> list[str]:
    return page.evaluate("window.__violations")


def test_inline_script_is_refused_and_the_pages_still_work(
    app: Flask, live_server: str, browser_context
) -> None:
    with app.app_context():
        school_class = create_class(default_teacher(), "6.B")
        create_pupils(school_class, "Ali", "Bo")
    browser_context.add_init_script(WATCH)
    page = browser_context.new_page()
    log_in_in_browser(page, live_server)
    page.get_by_role("link", name="6.B").click()

    assert page.evaluate(INJECT_INLINE) == "blocked"
    assert any(v.startswith("script-src") for v in _violations(page))

    dialogs: list[str] = []

    def answer(dialog, accept: bool) -> None:
        dialogs.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    old_code = school_class.class_code
    page.once("dialog", lambda dialog: answer(dialog, accept=False))
    page.get_by_role("button", name="Ny kode").click()
    assert page.get_by_test_id("class-code").inner_text() == old_code  # "no" keeps it
    page.once("dialog", lambda dialog: answer(dialog, accept=True))
    page.get_by_role("button", name="Ny kode").click()
    page.get_by_text("Klassen har fået en ny kode").wait_for()
    assert page.get_by_test_id("class-code").inner_text() != old_code
    page.once("dialog", lambda dialog: answer(dialog, accept=True))
    page.locator("tr", has_text="Bo").get_by_role("button", name="Fjern").click()
    page.get_by_text("Bo er fjernet fra klassen.").wait_for()
    assert dialogs == [
        "Den gamle kode holder op med at virke. Fortsæt?",
        "Den gamle kode holder op med at virke. Fortsæt?",
        "Fjern Bo fra klassen?",
    ]

    page.get_by_role("link", name="Udskriv login-kort").click()
    page.get_by_role("button", name="Udskriv").click()
    assert page.evaluate("window.__printed") == 1

    page.goto(f"{live_server}/classes/{school_class.id}")
    page.get_by_role("link", name="Start et forløb").click()
    page.locator(".lesson-card").first.get_by_role("button", name="Start dette forløb").click()
    page.locator(".phase-steps .current").wait_for()
    page.get_by_test_id("timer").filter(has_text=":").wait_for()  # live.js runs
    guide = browser_context.new_page()
    guide.goto(page.url + "/guide")
    assert guide.locator("h1").count() >= 1
    assert _violations(page) == [] and _violations(guide) == []
    with app.app_context():
        assert [p.nickname for p in db.session.get(SchoolClass, school_class.id).pupils] == ["Ali"]
        assert db.session.query(Pupil).count() == 1
