"""The pupils' side: signing in (card or class code), the pupil session, and the pupil's page.

One parent blueprint (`pupils`) nests `pupils.login` and `pupils.home`.
"""

from flask import Blueprint

from teacher_portal.pupils import home, login, session

bp = Blueprint("pupils", __name__)
for part in (login, home):
    bp.register_blueprint(part.bp)

init_app = session.init_app
