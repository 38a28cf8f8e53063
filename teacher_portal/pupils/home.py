"""The pupil's own page: who they are, what to do now in the lesson, and how to join the game."""

from flask import Blueprint, current_app, jsonify, render_template
from flask_babel import get_locale
from werkzeug.wrappers import Response

from teacher_portal.core.panels import now_sources
from teacher_portal.core.public_links import public_host
from teacher_portal.game.jobs import latest_finished_build
from teacher_portal.game.servers import join_address, server_for
from teacher_portal.lesson_runs.runs import active_run, current_phase, phase_ends_at
from teacher_portal.models import LessonRun, Pupil
from teacher_portal.pupils.session import current_pupil, pupil_required

bp = Blueprint("home", __name__, url_prefix="/pupil")


@bp.get("/")
@pupil_required
def index() -> str:
    school_class = current_pupil.school_class
    run = active_run(school_class)
    now = current_phase(run) if run else None
    server = server_for(school_class)
    return render_template(
        "pupils/home.html",
        pupil=current_pupil,
        school_class=school_class,
        run=run,
        plan=now.plan if now else None,
        phase=now.phase if now else None,
        ends_at=phase_ends_at(run) if run else None,
        server=server,
        join_address=join_address(server, public_host()),
        estate_build=latest_finished_build(school_class),
        lang=str(get_locale()),
        now_key=now_key(current_pupil, run),
    )


@bp.get("/now.json")
@pupil_required
def now() -> Response:
    """The pupil page's one live channel: it polls this and reloads when the key changes
    (another phase, or any feature's part of the page, e.g. a vote opening)."""
    return jsonify({"key": now_key(current_pupil, active_run(current_pupil.school_class))})


def now_key(pupil: Pupil, run: LessonRun | None) -> str:
    """Changes whenever what the pupil page shows changes: another run, phase or restart."""
    parts = [f"{run.id}:{run.phase_index}:{run.phase_started_at.isoformat()}" if run else "none"]
    parts += [source(pupil) for source in now_sources(current_app)]
    return "|".join(parts)
