"""Before a lesson starts: its place in the course, and its teacher guide to read first."""

from flask import abort
from flask_babel import get_locale

from lessons.course_order import course_number
from lessons.guide import render_guide
from teacher_portal.classes.access import own_class_or_404
from teacher_portal.game import previews
from teacher_portal.lesson_runs import plans
from teacher_portal.lesson_runs.views import bp

bp.add_app_template_global(course_number, "course_number")


@bp.get("/classes/<int:class_id>/lessons/<lesson_id>/guide")
def guide_preview(class_id: int, lesson_id: str) -> str:
    own_class_or_404(class_id)
    lesson = next((plan for plan in plans.startable_lessons() if plan.id == lesson_id), None)
    if lesson is None:
        abort(404)
    return render_guide(lesson, get_locale().language, picture=previews.estate_picture)
