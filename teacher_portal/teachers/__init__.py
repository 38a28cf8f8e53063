"""Teachers: first-run set-up, log-in, invitations, and the admins' list of teachers.

One parent blueprint (`teachers`) nests a blueprint per part, so endpoints read
`teachers.auth.login`, `teachers.setup.setup`, `teachers.admin.index`.
"""

from flask import Blueprint

from teacher_portal.teachers import admin, auth, setup

bp = Blueprint("teachers", __name__)
for part in (setup, auth, admin):
    bp.register_blueprint(part.bp)

init_app = setup.init_app
