"""The class's message on phones: a group writes its problem, proposal and ask; the teacher
turns the asks into a ranking vote, or removes a message."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import login_required
from werkzeug.wrappers import Response

from teacher_portal.classes.access import own_row_or_404, own_run_or_404
from teacher_portal.core.extensions import db
from teacher_portal.models import ClassMessage
from teacher_portal.pupils.session import current_pupil, pupil_required
from teacher_portal.reports import messages
from teacher_portal.reports.forms import MessageForm

bp = Blueprint("messages", __name__)


@bp.route("/pupil/message", methods=["GET", "POST"])
@pupil_required
def write() -> str | Response | tuple[str, int]:
    """The group's message; a save over a group mate's newer text shows theirs and keeps
    what this pupil typed in the form."""
    pupil = current_pupil
    run = messages.writing_run(pupil.school_class)
    if run is None or pupil.group is None:
        return render_template("reports/message_closed.html", no_group=run is not None), 409
    stored = messages.group_message(run, pupil.group)
    form = MessageForm(obj=stored)
    if stored is not None and not form.is_submitted():
        form.version.data = str(stored.version)
    if not form.validate_on_submit():
        return render_template("reports/message_form.html", form=form, group=pupil.group), (
            422 if form.is_submitted() else 200
        )
    texts = {name: getattr(form, name).data or "" for name in messages.MESSAGE_FIELDS}
    result = messages.save_message(run, pupil.group, texts, form.version_number())
    if result.outcome is messages.Saved.CONFLICT:
        form.version.data = str(result.message.version)
        page = render_template(
            "reports/message_form.html", form=form, group=pupil.group, theirs=result.message
        )
        return page, 409
    flash(_("Saved. Everyone in your group sees your message."), "success")
    return redirect(url_for("reports.messages.write"))


@bp.post("/runs/<int:run_id>/asks-vote")
@login_required
def asks_vote(run_id: int) -> Response:
    """The groups' asks become a draft ranking vote, with the lesson's rules."""
    run = own_run_or_404(run_id)
    task = messages.asks_vote(run, str(get_locale()))
    if task is None:
        flash(_("At least two groups must have written what they ask for."), "error")
        return redirect(url_for("lesson_runs.view", run_id=run.id) + "#town-hall")
    flash(_("The vote is saved as a draft. Open it when the class is ready."), "success")
    return redirect(url_for("voting.tasks.view", task_id=task.id))


@bp.post("/class-messages/<int:message_id>/delete")
@login_required
def delete(message_id: int) -> Response:
    message = own_row_or_404(ClassMessage, message_id)
    class_id = message.class_id
    db.session.delete(message)
    db.session.commit()
    flash(_("The message is deleted."), "success")
    return redirect(url_for("reports.teacher.page", class_id=class_id) + "#messages")
