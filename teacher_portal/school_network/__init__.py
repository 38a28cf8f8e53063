"""The address pupils' devices use: the administrator's settings page, and a warning on the
teacher's pages while that address is one only this machine can open."""

from teacher_portal.school_network import views

bp = views.bp
init_app = views.init_app
