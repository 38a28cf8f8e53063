"""From the class to the town hall: the class's report to the municipality as a web page and
an A4 PDF, the groups' message written on phones, and share links through which a local
politician reads the report and answers.

One parent blueprint (`reports`) nests `reports.teacher` (the teacher's pages),
`reports.messages` (the groups' message) and `reports.share` (all a share link reaches).
The report is a list of sections (`sections.add_report_section`): later features add theirs.
"""

from typing import Any

from flask import Blueprint, Flask
from flask.blueprints import BlueprintSetupState
from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from teacher_portal.classes.export import add_export_section
from teacher_portal.core.panels import add_now_source, add_panel
from teacher_portal.models import SchoolClass
from teacher_portal.reports import (
    answers_section,
    estate_section,
    framing,
    links,
    message_views,
    messages,
    messages_section,
    panels,
    share_views,
    teacher_views,
    votes_section,
)
from teacher_portal.reports.sections import ReportSection, add_report_section

bp = Blueprint("reports", __name__)
for part in (teacher_views, message_views, share_views):
    bp.register_blueprint(part.bp)

SECTIONS = (
    ReportSection("framing", _l("Resident democracy in figures"), "reports/sections/framing.html",
                  framing.build_framing, order=10, new_page=False),
    ReportSection("estate", _l("The estate"), "reports/sections/estate.html",
                  estate_section.build_estates, order=20),
    ReportSection("votes", _l("The class's votes"), "reports/sections/votes.html",
                  votes_section.build_votes, order=30),
    ReportSection("messages", _l("Our message to the municipality"),
                  "reports/sections/messages.html", messages_section.build_messages, order=60),
    ReportSection("answers", _l("The politicians' answers"), "reports/sections/answers.html",
                  answers_section.build_answers, order=70),
)  # fmt: skip

DEFAULTS = {
    "REPORT_ANSWER_LIMIT": "10 per hour",  # answers sent from one address
    "REPORT_LINK_LIMIT": "120 per minute",  # share-link requests from one address
}


def export_report(school_class: SchoolClass) -> dict[str, Any]:
    """The class export's part: messages, links (never their tokens) and answers."""
    return {
        "messages": [
            {"group": m.group.name, "problem": m.problem, "proposal": m.proposal, "ask": m.ask}
            for m in messages.class_messages(school_class)
        ],
        "links": [
            {
                "recipient": link.recipient,
                "role": link.recipient_role,
                "expires_at": link.expires_at.isoformat(),
                "revoked": link.revoked_at is not None,
                "answer": (
                    {"name": link.answer.name, "role": link.answer.role, "text": link.answer.text}
                    if link.answer
                    else None
                ),
            }
            for link in links.class_links(school_class)
        ],
    }


def _init(app: Flask) -> None:
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)
    for section in SECTIONS:
        add_report_section(app, section)
    add_export_section(app, "report", export_report)
    add_panel(app, "class_page", "reports/class_panel.html")
    add_panel(app, "lesson_page", "reports/lesson_panel.html")
    add_panel(app, "pupil_home", "reports/pupil_panel.html")
    add_now_source(app, lambda pupil: links.shown_answers_key(pupil.school_class))
    app.jinja_env.globals["report_class_panel"] = panels.class_panel
    app.jinja_env.globals["report_lesson_panel"] = panels.lesson_panel
    app.jinja_env.globals["report_pupil_panel"] = panels.pupil_panel
    app.jinja_env.filters["report_date"] = lambda value: format_date(value, "long")


@bp.record_once
def _on_register(state: BlueprintSetupState) -> None:
    _init(state.app)
