"""A teacher's classes: the class pages, the pupils on the roster, and their login cards.

The class pages' blueprint (`classes`, under /classes) nests the roster's and the cards',
so endpoints read `classes.view`, `classes.pupils.roster`, `classes.cards.sheet`.
"""

from flask import Flask

from teacher_portal.classes import cards, pupils, teams, views

bp = views.bp
for part in (pupils, cards):
    bp.register_blueprint(part.bp)


def init_app(app: Flask) -> None:
    app.jinja_env.filters["natural"] = teams.natural
    app.jinja_env.globals["suggested_group_count"] = teams.suggested_group_count
