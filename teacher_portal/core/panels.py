"""Extension points: features add panels to the class page, the pupil's page and the running
lesson's page, and make pupil pages reload when their part changes.

A feature calls `add_panel(app, "class_page", "voting/class_panel.html")` from its `init_app`;
the page includes every registered template with the page's own context (`school_class`,
or `pupil` and `school_class` on the pupil page; `run`, `plan`, `phase` and `school_class`
on the lesson page). `add_now_source(app, source)` adds to the
key the pupil page polls, so the page has one live channel whatever features it shows.
"""

from collections.abc import Callable
from typing import Any

from flask import Flask

NowSource = Callable[[Any], str]
"""`source(pupil)` returns a string that changes whenever that feature's part of the pupil
page changes (e.g. a vote opens)."""

PAGES = ("class_page", "pupil_home", "lesson_page")


def add_panel(app: Flask, page: str, template: str) -> None:
    if page not in PAGES:
        raise ValueError(f"unknown page {page!r}; choose one of {', '.join(PAGES)}")
    panels = app.extensions.setdefault("jagten_panels", {name: [] for name in PAGES})
    if template not in panels[page]:
        panels[page].append(template)


def init_app(app: Flask) -> None:
    app.extensions.setdefault("jagten_panels", {name: [] for name in PAGES})
    app.jinja_env.globals["panels_for"] = lambda page: app.extensions["jagten_panels"][page]


def add_now_source(app: Flask, source: NowSource) -> None:
    app.extensions.setdefault("jagten_now_sources", []).append(source)


def now_sources(app: Flask) -> list[NowSource]:
    return app.extensions.get("jagten_now_sources", [])
