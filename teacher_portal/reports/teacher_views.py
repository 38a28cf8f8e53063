"""The teacher's side of the report: its settings, the report as a page and a PDF, share
links with their invitation letters, the briefing, and the politicians' answers."""

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import login_required
from werkzeug.wrappers import Response as BaseResponse

from teacher_portal.classes.access import own_class_or_404, own_row_or_404
from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db
from teacher_portal.core.public_links import public_url
from teacher_portal.models import ClassReport, ReportAnswer, ReportLink, SchoolClass
from teacher_portal.reports import letters, links
from teacher_portal.reports.document import (
    build_report,
    in_language,
    measures_ready,
    render_report,
    report_pdf,
    report_picture,
    report_settings,
    run_title,
    scope_runs,
)
from teacher_portal.reports.forms import LinkForm, SettingsForm
from teacher_portal.reports.messages import class_messages

bp = Blueprint("teacher", __name__)


@bp.before_request
@login_required
def _teachers_only() -> None:
    """Every page here is a teacher's; politicians come through `reports.share`."""


def pdf_response(data: bytes, filename: str) -> Response:
    response = Response(data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _settings_form(school_class: SchoolClass, settings: ClassReport) -> SettingsForm:
    every_run = scope_runs(school_class, None)
    runs = [(run.id, run_title(run, str(get_locale()))) for run in every_run]
    form = SettingsForm(obj=settings, runs=runs)
    if not form.is_submitted():
        form.scope.data = str(settings.lesson_run_id or "")
    return form


@bp.route("/classes/<int:class_id>/report", methods=["GET", "POST"])
def page(class_id: int) -> str | BaseResponse:
    school_class = own_class_or_404(class_id)
    settings = report_settings(school_class)
    form = _settings_form(school_class, settings)
    if form.validate_on_submit():
        for name in ("title", "school", "class_label", "date_text", "language", "show_nicknames"):
            value = getattr(form, name).data
            setattr(settings, name, value.strip() if isinstance(value, str) else value)
        settings.lesson_run_id = form.chosen_run()
        db.session.add(settings)
        db.session.commit()
        flash(_("Saved."), "success")
        return redirect(url_for("reports.teacher.page", class_id=class_id))
    class_links = links.class_links(school_class)
    return render_template(
        "reports/page.html",
        school_class=school_class,
        form=form,
        link_form=LinkForm(),
        links=class_links,
        link_urls={
            link.id: public_url("reports.share.page", token=link.token) for link in class_links
        },
        answers=links.class_answers(school_class, shown_only=False),
        messages=class_messages(school_class),
        now=utcnow(),
    )


@bp.get("/classes/<int:class_id>/report/view")
def view(class_id: int) -> str:
    school_class = own_class_or_404(class_id)
    with in_language(report_settings(school_class)):
        report = build_report(school_class)
        return render_report(
            report,
            "reports/teacher_view.html",
            lambda name: url_for("reports.teacher.picture", class_id=class_id, name=name),
            ready_url=url_for("reports.teacher.ready", class_id=class_id),
            school_class=school_class,
        )


@bp.get("/classes/<int:class_id>/report.pdf")
def pdf(class_id: int) -> Response:
    school_class = own_class_or_404(class_id)
    return pdf_response(report_pdf(school_class), f"report-{class_id}.pdf")


@bp.get("/classes/<int:class_id>/report/pictures/<name>.png")
def picture(class_id: int, name: str) -> Response:
    return report_picture(own_class_or_404(class_id), name)


@bp.get("/classes/<int:class_id>/report/ready.json")
def ready(class_id: int) -> Response:
    return jsonify({"ready": measures_ready(own_class_or_404(class_id))})


@bp.get("/classes/<int:class_id>/report/briefing.pdf")
def briefing(class_id: int) -> Response:
    school_class = own_class_or_404(class_id)
    return pdf_response(letters.briefing_pdf(school_class), f"briefing-{class_id}.pdf")


@bp.post("/classes/<int:class_id>/report/links")
def new_link(class_id: int) -> BaseResponse:
    school_class = own_class_or_404(class_id)
    form = LinkForm()
    if form.validate_on_submit():
        links.create_link(
            school_class, form.recipient.data, form.recipient_role.data or "",
            form.note.data or "", form.days.data,
        )  # fmt: skip
        flash(_("The link is made. Print the invitation letter with its QR code."), "success")
    else:
        problems = [error for field in form for error in field.errors]
        flash(
            _("The link was not made: %(problems)s", problems=" ".join(map(str, problems))), "error"
        )
    return redirect(url_for("reports.teacher.page", class_id=class_id) + "#links")


@bp.post("/report-links/<int:link_id>/revoke")
def revoke(link_id: int) -> BaseResponse:
    link = own_row_or_404(ReportLink, link_id)
    links.revoke(link)
    flash(_("The link no longer works."), "success")
    return redirect(url_for("reports.teacher.page", class_id=link.class_id) + "#links")


@bp.get("/report-links/<int:link_id>/letter.pdf")
def letter(link_id: int) -> Response:
    link = own_row_or_404(ReportLink, link_id)
    url = public_url("reports.share.page", token=link.token)
    return pdf_response(letters.invitation_pdf(link, url), f"invitation-{link_id}.pdf")


def _own_answer(answer_id: int) -> ReportAnswer:
    answer = db.session.get(ReportAnswer, answer_id)
    if answer is None:
        abort(404)
    own_row_or_404(ReportLink, answer.link_id)  # a plain 404 for another teacher's answer
    return answer


@bp.post("/report-answers/<int:answer_id>/shown")
def shown(answer_id: int) -> BaseResponse:
    answer = _own_answer(answer_id)
    links.show(answer, request.form.get("show") == "1")
    return redirect(url_for("reports.teacher.page", class_id=answer.link.class_id) + "#answers")


@bp.post("/report-answers/<int:answer_id>/delete")
def delete_answer(answer_id: int) -> BaseResponse:
    answer = _own_answer(answer_id)
    class_id = answer.link.class_id
    db.session.delete(answer)
    db.session.commit()
    flash(_("The answer is deleted; the link can be answered again."), "success")
    return redirect(url_for("reports.teacher.page", class_id=class_id) + "#answers")
