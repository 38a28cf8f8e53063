"""The game: which server a class builds on, build jobs in the background, their pages and
pictures.

One parent blueprint (`game`) nests `game.builds` and `game.settings`.
"""

from flask import Blueprint

from teacher_portal.game import builds, settings

bp = Blueprint("game", __name__)
for part in (builds, settings):
    bp.register_blueprint(part.bp)
