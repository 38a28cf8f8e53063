"""What a politician reaches through a share link: the class's report as a page and a PDF,
its pictures, and a form for one short answer. Nothing else.

Every route sits under the link's own address (`/r/<token>/…`) and checks the token first;
the pages are standalone (no portal menu, no link anywhere else), and a visit signs nobody
in. The answer form is CSRF-protected like every form of the portal and rate-limited per
address; a link takes one answer.
"""

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    url_for,
)
from flask_babel import gettext as _
from werkzeug.wrappers import Response as BaseResponse

from teacher_portal.core.extensions import db, limiter
from teacher_portal.models import ReportLink, SchoolClass
from teacher_portal.reports import links
from teacher_portal.reports.document import (
    build_report,
    in_language,
    measures_ready,
    render_report,
    report_pdf,
    report_picture,
    report_settings,
)
from teacher_portal.reports.forms import AnswerForm
from teacher_portal.reports.teacher_views import pdf_response

bp = Blueprint("share", __name__, url_prefix="/r/<token>")


def _link_limit() -> str:
    return current_app.config["REPORT_LINK_LIMIT"]


def _answer_limit() -> str:
    return current_app.config["REPORT_ANSWER_LIMIT"]


@bp.url_value_preprocessor
def _open(_endpoint: str | None, values: dict | None) -> None:
    g.share_token = (values or {}).get("token", "")


limiter.limit(_link_limit)(bp)  # per address: nobody tries tokens fast


@bp.before_request
def _only_an_open_link() -> tuple[str, int] | None:
    opened = links.open_link(g.share_token)
    if opened.state is links.LinkState.OPEN:
        g.report_link = opened.link
        return None
    expired = opened.state is links.LinkState.EXPIRED
    return render_template("reports/share_refused.html", expired=expired), 410 if expired else 404


@bp.after_request
def _private(response: Response) -> Response:
    """The token is the key: keep the page out of caches and search engines."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _link() -> ReportLink:
    return g.report_link


def _class() -> SchoolClass:
    return db.session.get(SchoolClass, _link().class_id)


def _page(form: AnswerForm, status: int = 200) -> tuple[str, int]:
    school_class, link = _class(), _link()
    token = link.token
    with in_language(report_settings(school_class)):
        report = build_report(school_class)
        html = render_report(
            report,
            "reports/share.html",
            lambda name: url_for("reports.share.picture", token=token, name=name),
            ready_url=url_for("reports.share.ready", token=token),
            link=link,
            form=form,
        )
    return html, status


@bp.get("")
def page(token: str) -> tuple[str, int]:
    return _page(AnswerForm())


@bp.post("/answer")
@limiter.limit(_answer_limit)
def answer(token: str) -> BaseResponse | tuple[str, int]:
    link = _link()
    form = AnswerForm()
    if link.answer is not None:
        return _page(form, 409)
    if not form.validate_on_submit():
        return _page(form, 422)
    if links.answer(link, form.name.data, form.role.data, form.text.data) is None:
        return _page(form, 409)
    with in_language(report_settings(_class())):
        flash(_("Thank you! Your answer has gone to the class's teacher."), "success")
    return redirect(url_for("reports.share.page", token=token) + "#answer", 303)


@bp.get("/report.pdf")
def pdf(token: str) -> Response:
    return pdf_response(report_pdf(_class()), "report.pdf")


@bp.get("/pictures/<name>.png")
def picture(token: str, name: str) -> Response:
    return report_picture(_class(), name)


@bp.get("/ready.json")
def ready(token: str) -> Response:
    return jsonify({"ready": measures_ready(_class())})
