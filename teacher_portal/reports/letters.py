"""What the teacher prints for the politician besides the report: the invitation letter
with the QR code of the politician's share link, and a one-page briefing with the class's
asks in the class's order, its decisions and the questions it will ask."""

import segno
from flask import render_template
from markupsafe import Markup

from lessons.printing import html_to_pdf
from lessons.schema import PhaseKind
from teacher_portal.core.extensions import db
from teacher_portal.lesson_runs import plans
from teacher_portal.models import ReportLink, SchoolClass
from teacher_portal.reports.document import (
    STYLESHEET,
    cover_of,
    in_language,
    report_settings,
    scope_runs,
)
from teacher_portal.reports.framing import build_framing
from teacher_portal.reports.messages_section import build_messages
from teacher_portal.reports.scope import ReportScope
from teacher_portal.reports.votes_section import closed_tasks
from teacher_portal.voting.result_view import results_view
from worlds.datafile import DataFileError


def qr_svg(link: str) -> Markup:
    """The link as an inline SVG QR code (vector, so it prints sharp at any size)."""
    return Markup(segno.make(link, error="m").svg_inline(scale=6, border=4, omitsize=True))


def _scope(school_class: SchoolClass) -> ReportScope:
    settings = report_settings(school_class)
    return ReportScope(
        school_class, settings, scope_runs(school_class, settings.lesson_run_id), settings.language
    )


def _print(template: str, **context) -> bytes:
    html = render_template(template, stylesheet=STYLESHEET.read_text(encoding="utf-8"), **context)
    return html_to_pdf(html)


def invitation_pdf(link: ReportLink, url: str) -> bytes:
    school_class = db.session.get(SchoolClass, link.class_id)
    scope = _scope(school_class)
    with in_language(scope.settings):
        return _print(
            "reports/letter.html",
            link=link,
            url=url,
            qr=qr_svg(url),
            cover=cover_of(scope),
            language=scope.language,
            school_class=school_class,
        )


def _questions(scope: ReportScope) -> list[str]:
    """The questions the class will put to the politician: its presenting phases'."""
    questions = []
    for run in scope.runs:
        try:
            phases = plans.lesson(run.lesson_id).phases
        except (DataFileError, LookupError):
            continue
        for phase in phases:
            if phase.kind is PhaseKind.PRESENT:
                questions += [question.get(scope.language) for question in phase.questions]
    return list(dict.fromkeys(questions))


def briefing_pdf(school_class: SchoolClass) -> bytes:
    scope = _scope(school_class)
    with in_language(scope.settings):
        decisions = [(task, results_view(task)) for task in closed_tasks(scope)]
        return _print(
            "reports/briefing.html",
            cover=cover_of(scope),
            language=scope.language,
            messages=build_messages(scope),
            decisions=decisions,
            questions=_questions(scope),
            facts=build_framing(scope)[:2],
        )
