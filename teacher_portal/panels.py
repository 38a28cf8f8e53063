"""Extension points: later features add panels to the class page and the pupil's page.

A feature calls `add_panel(app, "class_page", "voting/class_panel.html")` from its `init_app`;
the page includes every registered template with the page's own context (`school_class`,
or `pupil` and `school_class` on the pupil page).
"""

from flask import Flask

PAGES = ("class_page", "pupil_home")


def add_panel(app: Flask, page: str, template: str) -> None:
    if page not in PAGES:
        raise ValueError(f"unknown page {page!r}; choose one of {', '.join(PAGES)}")
    panels = app.extensions.setdefault("jagten_panels", {name: [] for name in PAGES})
    if template not in panels[page]:
        panels[page].append(template)


def init_app(app: Flask) -> None:
    app.extensions.setdefault("jagten_panels", {name: [] for name in PAGES})
    app.jinja_env.globals["panels_for"] = lambda page: app.extensions["jagten_panels"][page]
