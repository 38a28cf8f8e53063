"""The pupil's own page: who they are, what to do now in the lesson, and how to join the game."""

from collections.abc import Callable

from flask import Blueprint, Flask, current_app, jsonify, render_template
from flask_babel import get_locale
from werkzeug.wrappers import Response

from teacher_portal import lesson_plans
from teacher_portal.build_jobs import latest_finished_build
from teacher_portal.game_servers import join_address, server_for
from teacher_portal.lesson_runs import active_run, phase_ends_at
from teacher_portal.models import LessonRun, Pupil
from teacher_portal.public_links import public_host
from teacher_portal.pupil_session import current_pupil, pupil_required

bp = Blueprint("pupil_home", __name__, url_prefix="/pupil")


@bp.get("/")
@pupil_required
def index() -> str:
    school_class = current_pupil.school_class
    run = active_run(school_class)
    plan = lesson_plans.lesson(run.lesson_id) if run else None
    server = server_for(school_class)
    return render_template(
        "pupil_home/index.html",
        pupil=current_pupil,
        school_class=school_class,
        run=run,
        plan=plan,
        phase=lesson_plans.phase_at(plan, run.phase_index) if run and plan else None,
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
    """What the pupil page shows; the page polls this and reloads when it changes."""
    return jsonify({"key": now_key(current_pupil, active_run(current_pupil.school_class))})


NowSource = Callable[[Pupil], str]


def add_now_source(app: Flask, source: NowSource) -> None:
    """Let a feature make pupil pages reload, e.g. when a vote opens: `source(pupil)` returns a
    string that changes whenever that feature's part of the pupil page changes."""
    app.extensions.setdefault("jagten_now_sources", []).append(source)


def now_key(pupil: Pupil, run: LessonRun | None) -> str:
    """Changes whenever what the pupil page shows changes: another run, phase or restart."""
    parts = [f"{run.id}:{run.phase_index}:{run.phase_started_at.isoformat()}" if run else "none"]
    parts += [source(pupil) for source in current_app.extensions.get("jagten_now_sources", [])]
    return "|".join(parts)
