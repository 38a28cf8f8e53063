"""The groups' plots: which group builds where, their proposals written on phones, captures
of what they built (one job for all plots), and the gallery for the projector and phones.

One parent blueprint (`plots`) nests `plots.teacher` and `plots.pupil`. A vote on the
proposals takes its options from `proposals.plot_options`.
"""

from flask import Blueprint, Flask
from flask.blueprints import BlueprintSetupState

from teacher_portal.core.panels import add_now_source, add_panel
from teacher_portal.models import Pupil
from teacher_portal.plots import captures, pupil_views, teacher_views
from teacher_portal.plots.assignments import plot_table
from teacher_portal.plots.lesson_panel import lesson_plots
from teacher_portal.plots.pupil_views import group_plot, plot_panel
from teacher_portal.plots.teacher_views import groups_without_plot_text, plots_estate

bp = Blueprint("plots", __name__)
for part in (teacher_views, pupil_views):
    bp.register_blueprint(part.bp)


def pupil_key(pupil: Pupil) -> str:
    """Changes when the pupil's plot changes or a capture finishes (the gallery may have
    grown): the pupil page reloads once, not at every step of a capture."""
    where = group_plot(pupil)
    job = captures.latest_capture_job(pupil.school_class, finished=True)
    return f"plot:{where.plot.id if where else '-'}:{job.id if job else 0}"


def _init(app: Flask) -> None:
    captures.init_app()
    add_panel(app, "class_page", "plots/class_panel.html")
    add_panel(app, "pupil_home", "plots/pupil_panel.html")
    add_panel(app, "lesson_page", "plots/lesson_panel.html")
    add_now_source(app, pupil_key)
    app.jinja_env.globals.update(
        plots_estate=plots_estate,
        plot_table=plot_table,
        plot_panel=plot_panel,
        lesson_plots=lesson_plots,
        groups_without_plot_text=groups_without_plot_text,
    )


@bp.record_once
def _on_register(state: BlueprintSetupState) -> None:
    _init(state.app)
