"""The pupil's ballot on a phone: choose, confirm, cast once; and results when shown.

Choosing happens on the page (tap-to-rank is a little script on real buttons); the review
step is a server round trip with no write, so the confirmation works without the script
too. Casting answers with a redirect (post/redirect/get), so a reload never re-sends.
"""

from flask import (
    Blueprint,
    Response,
    abort,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from sqlalchemy.engine import Row

from teacher_portal.core.extensions import db, limiter
from teacher_portal.game.previews import picture_response, site_png
from teacher_portal.models import PlotCapture
from teacher_portal.plots.captures import capture_png
from teacher_portal.pupils.session import current_pupil, pupil_required, signed_in_pupil
from teacher_portal.voting import casting
from teacher_portal.voting.access import class_tasks, pupil_task_or_404, viewer_task_or_404
from teacher_portal.voting.casting import InvalidChoice, Outcome
from teacher_portal.voting.result_view import results_view

bp = Blueprint("ballot", __name__)

PROBLEMS = {
    "unknown_option": lambda task: _("That option is not on this ballot."),
    "repeated_option": lambda task: _("Each option can be chosen only once."),
    "one_only": lambda task: _("Choose one option."),
    "too_many": lambda task: _("Choose at most %(seats)d.", seats=task.seats),
}


def _choices() -> list[str]:
    """The options in the order chosen; `blank` votes blank on purpose."""
    if request.form.get("blank") == "1":
        return []
    return [value for value in request.form.getlist("choice") if value]


def _ballot_page(task, message: str | None = None, status: int = 200) -> tuple[str, int]:
    return (
        render_template(
            "voting/ballot.html",
            task=task,
            voted=casting.has_voted(task, current_pupil),
            may_change=casting.may_change(task),
            message=message,
        ),
        status,
    )


def open_votes_key(school_class) -> str:
    """Changes when a vote opens or closes, or results are shown, in the pupil's class: part
    of the pupil page's live key (`core.panels.add_now_source`)."""
    tasks = class_tasks(school_class, include_drafts=False)
    return ",".join(f"{t.id}:{t.state}:{int(t.show_results)}" for t in tasks)


@bp.get("/vote/<int:task_id>")
@pupil_required
def ballot(task_id: int) -> tuple[str, int]:
    return _ballot_page(pupil_task_or_404(task_id))


@bp.post("/vote/<int:task_id>/review")
@pupil_required
def review(task_id: int) -> tuple[str, int]:
    """Show what will be cast and ask once more; nothing is stored yet."""
    task = pupil_task_or_404(task_id)
    chosen = _choices()
    if not chosen and request.form.get("blank") != "1":
        return _ballot_page(task, _("Choose before you continue."), 422)
    try:
        chosen = casting.checked_ranking(task, chosen)
    except InvalidChoice as problem:
        return _ballot_page(task, PROBLEMS[str(problem)](task), 422)
    return render_template("voting/review.html", task=task, chosen=chosen), 200


def _pupil_task_rules_or_404(task_id: int) -> Row:
    """`pupil_task_or_404`'s checks on the lean row casting needs: a whole class casts at once."""
    rules = casting.task_rules(task_id)
    if rules is None or rules.class_id != signed_in_pupil().class_id or rules.state == "draft":
        abort(404)
    return rules


@bp.post("/vote/<int:task_id>")
@limiter.exempt  # a class behind one school address votes at once; the roll allows one ballot
@pupil_required
def cast(task_id: int) -> Response | tuple[str, int]:
    """Answer with a bare redirect (post/redirect/get): no page is rendered for a cast."""
    rules = _pupil_task_rules_or_404(task_id)
    result = casting.cast(rules, signed_in_pupil(), _choices())
    if result.outcome is Outcome.INVALID:
        task = pupil_task_or_404(task_id)
        return _ballot_page(task, PROBLEMS[result.problem](task), 422)
    return redirect(
        url_for("voting.ballot.done", task_id=task_id, outcome=result.outcome.value), 303
    )


@bp.get("/vote/<int:task_id>/done")
@pupil_required
def done(task_id: int) -> str:
    task = pupil_task_or_404(task_id)
    outcome = request.args.get("outcome", Outcome.COUNTED.value)
    if outcome not in {o.value for o in Outcome}:
        outcome = Outcome.COUNTED.value
    return render_template("voting/done.html", task=task, outcome=outcome)


@bp.get("/vote/<int:task_id>/results")
@pupil_required
def results(task_id: int) -> str:
    task = pupil_task_or_404(task_id)
    if not task.show_results:
        abort(404)
    return render_template("voting/pupil_results.html", task=task, results=results_view(task))


@bp.get("/vote/<int:task_id>/options/<key>.png")
def option_picture(task_id: int, key: str) -> Response:
    """The option's picture for the ballot and the projector: a close-up of the site with its
    variant, or what the group built in its plot."""
    task = viewer_task_or_404(task_id)
    option = next((o for o in task.options if o["key"] == key), None)
    if option is not None and option.get("capture"):
        capture = db.session.get(PlotCapture, option["capture"])
        if capture is None or capture.class_id != task.class_id:
            abort(404)
        return picture_response(lambda: capture_png(capture))
    if option is None or not task.builds or not option["variant"]:
        abort(404)
    return picture_response(lambda: site_png(task.estate_id, task.site_id, option["variant"]))
