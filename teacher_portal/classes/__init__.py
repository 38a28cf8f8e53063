"""A teacher's classes: the class pages, the pupils on the roster, and their login cards.

The class pages' blueprint (`classes`, under /classes) nests the roster's and the cards',
so endpoints read `classes.view`, `classes.pupils.roster`, `classes.cards.sheet`.
"""

from teacher_portal.classes import cards, pupils, views

bp = views.bp
for part in (pupils, cards):
    bp.register_blueprint(part.bp)
