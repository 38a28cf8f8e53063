"""The class's report as one document: its cover and its sections, as a web page or an A4
PDF, in the report's own language (Danish or English, whatever the reader's portal shows).

The web page links its pictures by name; the PDF embeds them, each printed no wider than
its pixels allow at 150 dpi, and waits for the measures a web page shows once ready.
WeasyPrint (`lessons.printing`) lays out the same HTML for print.
"""

import base64
import struct
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Response, abort, current_app, render_template
from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from sqlalchemy import select

from lessons.printing import html_to_pdf
from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db
from teacher_portal.game.previews import picture_response
from teacher_portal.lesson_runs import plans
from teacher_portal.models import ClassReport, LessonRun, SchoolClass
from teacher_portal.reports.scope import Picture, ReportScope
from teacher_portal.reports.sections import report_sections
from worlds.datafile import DataFileError

PRINT_DPI = 160  # a little above the 150 dpi promised, so rounding never falls below it
STYLESHEET = Path(__file__).resolve().parent.parent / "static" / "report.css"


@dataclass(frozen=True)
class Cover:
    title: str
    class_label: str
    school: str
    date_text: str
    lessons: list[str]


@dataclass(frozen=True)
class BuiltSection:
    name: str
    title: str
    template: str
    content: Any
    new_page: bool


@dataclass
class Report:
    scope: ReportScope
    cover: Cover
    sections: list[BuiltSection]


def report_settings(school_class: SchoolClass) -> ClassReport:
    """The class's report settings; unsaved defaults until the teacher saves them."""
    found = db.session.scalar(select(ClassReport).where(ClassReport.class_id == school_class.id))
    return found or ClassReport(
        class_id=school_class.id, lesson_run_id=None, title="", school="", class_label="",
        date_text="", language="da", show_nicknames=False,
    )  # fmt: skip


def scope_runs(school_class: SchoolClass, lesson_run_id: int | None) -> list[LessonRun]:
    """The lesson runs a report covers: one, or (None) all of the class's."""
    query = select(LessonRun).where(LessonRun.class_id == school_class.id)
    if lesson_run_id is not None:
        query = query.where(LessonRun.id == lesson_run_id)
    return list(db.session.scalars(query.order_by(LessonRun.started_at, LessonRun.id)))


@contextmanager
def in_language(settings: ClassReport) -> Iterator[None]:
    """Texts, dates and numbers in the report's language while it is built and rendered."""
    with force_locale(settings.language):
        yield


def build_report(school_class: SchoolClass, *, printing: bool = False) -> Report:
    """Build every section for the class (call inside `in_language`)."""
    settings = report_settings(school_class)
    scope = ReportScope(
        school_class,
        settings,
        scope_runs(school_class, settings.lesson_run_id),
        settings.language,
        printing,
    )
    sections = []
    for section in report_sections(current_app):
        content = section.build(scope)
        if content is not None:
            sections.append(BuiltSection(section.name, str(section.title), section.template,
                                         content, section.new_page))  # fmt: skip
    return Report(scope, cover_of(scope), sections)


def run_title(run: LessonRun, language: str) -> str:
    try:
        title = plans.lesson(run.lesson_id).title.get(language)
    except (DataFileError, LookupError):
        title = run.lesson_id
    return f"{title} ({format_date(run.started_at, 'long')})"


def cover_of(scope: ReportScope) -> Cover:
    settings = scope.settings
    return Cover(
        title=settings.title or _("From the class to the town hall"),
        class_label=settings.class_label or scope.school_class.name,
        school=settings.school,
        date_text=settings.date_text or format_date(utcnow(), "long"),
        lessons=[run_title(run, scope.language) for run in scope.runs],
    )


def render_report(
    report: Report, template: str, picture_url: Callable[[str], str], **context: Any
) -> str:
    """The report as a web page (`template` extends `reports/document.html`)."""
    return render_template(
        template,
        report=report,
        printing=False,
        picture_src=lambda picture: picture_url(picture.name),
        picture_width=lambda picture, max_mm=None: picture.width_mm,
        **context,
    )


def report_pdf(school_class: SchoolClass) -> bytes:
    return html_to_pdf(report_print_html(school_class))


def report_print_html(school_class: SchoolClass) -> str:
    """The report as WeasyPrint prints it: pictures embedded, measures waited for."""
    settings = report_settings(school_class)
    with in_language(settings):
        report = build_report(school_class, printing=True)
        drawn: dict[str, bytes] = {}
        html = render_template(
            "reports/document.html",
            report=report,
            printing=True,
            stylesheet=STYLESHEET.read_text(encoding="utf-8"),
            picture_src=lambda picture: data_uri(_drawn(picture, drawn)),
            picture_width=lambda picture, max_mm=None: printed_width_mm(
                picture, _drawn(picture, drawn), max_mm
            ),
        )
    return html


def _drawn(picture: Picture, drawn: dict[str, bytes]) -> bytes:
    if picture.name not in drawn:
        drawn[picture.name] = picture.draw()
    return drawn[picture.name]


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def printed_width_mm(picture: Picture, png: bytes, max_mm: float | None = None) -> float:
    """The picture's width on paper: as wide as asked (and no wider than `max_mm`), but
    never so wide that it would print at less than `PRINT_DPI` (pixels from the PNG header)."""
    (pixels,) = struct.unpack(">I", png[16:20])
    widest = min(picture.width_mm, max_mm or picture.width_mm)
    return round(min(widest, pixels / PRINT_DPI * 25.4), 1)


def report_picture(school_class: SchoolClass, name: str) -> Response:
    """One picture of the class's report, by name; 404 for any name the report lacks."""
    settings = report_settings(school_class)
    with in_language(settings):
        picture = build_report(school_class).scope.pictures.get(name)
    if picture is None:
        abort(404)
    return picture_response(picture.draw)


def measures_ready(school_class: SchoolClass) -> bool:
    """Whether the report still waits for measures (its web page polls this)."""
    with in_language(report_settings(school_class)):
        return not build_report(school_class).scope.measures_pending
