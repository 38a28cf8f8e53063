"""Voting: tasks the teacher sets, pupils' ballots, live results, chat votes and the winner built.

One parent blueprint (`voting`) nests a blueprint per part, so endpoints read
`voting.tasks.view`, `voting.ballot.cast`, ...; `blueprints.py` registers only `bp`.
"""

from typing import Any

from flask import Blueprint, Flask
from flask.blueprints import BlueprintSetupState

from teacher_portal.classes.export import add_export_section
from teacher_portal.core.panels import add_now_source, add_panel
from teacher_portal.lesson_runs.runs import referred_vote
from teacher_portal.models import SchoolClass
from teacher_portal.voting import ballot, casting, chat, lesson_panel, projector, tasks
from teacher_portal.voting.access import class_tasks
from teacher_portal.voting.forms import METHOD_LABELS, TIE_RULES
from teacher_portal.voting.options import lesson_vote, site_variants

bp = Blueprint("voting", __name__, static_folder=None)
for part in (tasks, ballot, projector, chat):
    bp.register_blueprint(part.bp)


def vote_number(value: float) -> str:
    """Votes as people read them: 3, or 2.67 when household votes are split."""
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0")


def export_votes(school_class: SchoolClass) -> list[dict[str, Any]]:
    """The class export's votes: questions, rules and results; never a ballot."""
    return [
        {
            "question": task.question,
            "options": [option["label"] for option in task.options],
            "method": task.method,
            "secret": task.secret,
            "state": task.state,
            "result": task.result,
        }
        for task in class_tasks(school_class)
    ]


def _init(app: Flask) -> None:
    add_export_section(app, "votes", export_votes)
    add_panel(app, "class_page", "voting/class_panel.html")
    add_panel(app, "pupil_home", "voting/pupil_panel.html")
    add_panel(app, "lesson_page", "voting/lesson_panel.html")
    add_now_source(app, lambda pupil: ballot.open_votes_key(pupil.school_class))
    app.jinja_env.filters["vote_number"] = vote_number
    app.jinja_env.filters["vote_label"] = lambda key, task: task.label_of(key)
    app.jinja_env.globals["method_name"] = lambda method: METHOD_LABELS.get(method, method)
    app.jinja_env.globals["class_votes"] = class_tasks
    app.jinja_env.globals["lesson_vote"] = lesson_vote
    app.jinja_env.globals["tie_rule"] = lambda task: TIE_RULES[task.decision] % {"seed": task.seed}
    app.jinja_env.globals["lesson_vote_of"] = lesson_panel.lesson_vote
    app.jinja_env.globals["referred_vote_of"] = referred_vote
    app.jinja_env.globals["site_variants_of"] = site_variants
    app.jinja_env.globals["pupil_has_voted"] = casting.has_voted


@bp.record_once
def _on_register(state: BlueprintSetupState) -> None:
    _init(state.app)
