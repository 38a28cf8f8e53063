"""The report as a list of sections: a later feature adds its own (as the pupils' proposals
and the class's decision history will), in order, with its line in the contents; what a
report covers (one lesson or the course) and whether nicknames appear at all."""

from pathlib import Path

from flask import Blueprint, Flask
from flask.testing import FlaskClient

from teacher_portal.core.extensions import db
from teacher_portal.models import ClassReport, VotingTask
from teacher_portal.reports.scope import ReportScope
from teacher_portal.reports.sections import ReportSection, add_report_section, report_sections
from tests.teacher_portal.conftest import AuthActions
from tests.teacher_portal.factories import create_lesson_run
from tests.teacher_portal.reports.report_factories import MEMBERS, ReportClass, cast_and_close
from tests.teacher_portal.voting.vote_factories import create_task


def _proposals_feature(app: Flask, tmp_path: Path) -> None:
    """A stand-in for the proposals feature: its own template, a picture, an order slot."""
    (tmp_path / "proposals").mkdir()
    (tmp_path / "proposals" / "section.html").write_text(
        "{% for group in content %}<p class='proposal'>{{ group }}</p>{% endfor %}"
        "{{ figure(scope.pictures['proposal-1']) }}"
    )
    app.register_blueprint(Blueprint("proposals", __name__, template_folder=str(tmp_path)))

    def build(scope: ReportScope) -> list[str]:
        scope.picture("proposal-1", lambda: b"", "The build of Gruppe 1")
        return [f"Forslag fra {group.name}" for group in scope.school_class.groups]

    add_report_section(app, ReportSection("proposals", "Gruppernes forslag",
                                          "proposals/section.html", build, order=35))  # fmt: skip
    add_report_section(app, ReportSection("empty", "Nothing here", "proposals/section.html",
                                          lambda scope: None, order=36))  # fmt: skip


def test_a_feature_adds_its_section_in_order(
    app: Flask, client: FlaskClient, auth: AuthActions, report: ReportClass, tmp_path: Path
) -> None:
    _proposals_feature(app, tmp_path)  # as a feature does, before the app serves anything
    auth.login()
    teacher = client
    assert [s.name for s in report_sections(app)] == [
        "framing", "estate", "votes", "proposals", "empty", "messages", "answers",
    ]  # fmt: skip
    page = teacher.get(f"/classes/{report.school_class.id}/report/view").text
    assert "Forslag fra Gruppe 1" in page and 'id="section-proposals"' in page
    assert page.index("Klassens afstemninger") < page.index("Gruppernes forslag")
    assert page.index('id="section-proposals"') < page.index('id="section-messages"')
    assert '<a href="#section-proposals">' in page
    assert "Nothing here" not in page  # a section with nothing to show is left out
    picture = f"/classes/{report.school_class.id}/report/pictures/proposal-1.png"
    assert f'src="{picture}"' in page


def test_nicknames_appear_only_when_the_teacher_chooses(
    app: Flask, teacher: FlaskClient, report: ReportClass
) -> None:
    address = f"/classes/{report.school_class.id}/report/view"
    nicknames = [name for names in MEMBERS.values() for name in names]
    hidden = teacher.get(address).text
    assert not [name for name in nicknames if name in hidden]
    settings = {"scope": "", "language": "da", "show_nicknames": "y", "class_label": "7.b",
                "school": "Tranebærskolen", "date_text": "12. marts 2027", "title": ""}  # fmt: skip
    saved = teacher.post(f"/classes/{report.school_class.id}/report", data=settings)
    assert saved.status_code == 302
    shown = teacher.get(address).text
    assert "Kiwi, Zebra" in shown and "Tranebærskolen" in shown and "12. marts 2027" in shown


def test_a_report_of_one_lesson_leaves_out_the_others(
    app: Flask, teacher: FlaskClient, report: ReportClass
) -> None:
    with app.app_context():
        later = create_lesson_run(report.school_class, "afdelingsmoedet")
        other = create_task(report.school_class, question="Skal vi holde sommerfest?",
                            lesson_run_id=later.id)  # fmt: skip
        cast_and_close(other, {})
    address = f"/classes/{report.school_class.id}/report/view"
    assert "Skal vi holde sommerfest?" in teacher.get(address).text  # the whole course
    teacher.post(f"/classes/{report.school_class.id}/report",
                 data={"scope": str(report.run.id), "language": "da"})  # fmt: skip
    with app.app_context():
        assert db.session.get(ClassReport, 1).lesson_run_id == report.run.id
        assert db.session.get(VotingTask, other.id).state == "closed"
    one = teacher.get(address).text
    assert "Skal vi holde sommerfest?" not in one
    assert "Hvilken legeplads skal gården have?" in one


def test_a_condorcet_vote_shows_its_head_to_head_table(
    app: Flask, teacher: FlaskClient, report: ReportClass
) -> None:
    with app.app_context():
        task = create_task(report.school_class, question="Hvor skal bænkene stå?",
                           method="condorcet", lesson_run_id=report.run.id)  # fmt: skip
        pupils = list(report.pupils.values())
        cast_and_close(task, {pupil: ["3", "1", "2"] for pupil in pupils[:4]}
                       | {pupil: ["1", "2", "3"] for pupil in pupils[4:]})  # fmt: skip
    page = teacher.get(f"/classes/{report.school_class.id}/report/view").text
    vote = page.split("Hvor skal bænkene stå?")[1]
    assert 'class="pairwise"' in vote and "Vinder: Bænke" in vote
