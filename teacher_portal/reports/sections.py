"""The report's content is a list of sections, so any feature can add its own.

A feature calls, from its `init_app`::

    add_report_section(app, ReportSection(
        name="proposals", title=lazy_gettext("The groups' proposals"),
        template="plots/report_section.html", build=proposals_for_report, order=35))

`build(scope)` gets a `ReportScope` (the class, the lessons the report covers, its language,
whether nicknames may appear, pictures and measures) and returns what the section's
template shows as `content`, or None when the section has nothing for this class: then it
is left out, with its line in the contents. Sections appear by `order`; the shipped ones
use 10 (framing facts), 20 (estate), 30 (votes), 60 (the class's message) and 70 (answers),
so a feature slots in between.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Flask

from teacher_portal.reports.scope import ReportScope

_KEY = "jagten_report_sections"


@dataclass(frozen=True)
class ReportSection:
    """One part of the report: a heading, a template, and what to show in it."""

    name: str  # unique; the section's HTML id is `section-<name>`
    title: Any  # a (lazy) text, read in the report's language
    template: str  # rendered with `content`, `scope`, `picture` and the section's `title`
    build: Callable[[ReportScope], Any]
    order: int = 50
    new_page: bool = True  # start on a new printed page


def add_report_section(app: Flask, section: ReportSection) -> None:
    """Add (or replace, by name) a section of every class's report."""
    app.extensions.setdefault(_KEY, {})[section.name] = section


def report_sections(app: Flask) -> list[ReportSection]:
    return sorted(app.extensions.get(_KEY, {}).values(), key=lambda section: section.order)
