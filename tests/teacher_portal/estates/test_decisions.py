"""The class's decisions in the database: their history, the state they make, undo (never
silent), the class page and export; deleting a class deletes its decisions, proposals and
captures. PostgreSQL runs the deletion too (tests/teacher_portal/postgres/test_pg_plots.py)."""

from flask import Flask
from sqlalchemy import func, select

import teacher_portal.models as models
from minecraft_scripts.estate_state import ProposalDecision, VariantDecision
from teacher_portal.core.extensions import db
from teacher_portal.estates.decisions import Undo, decide, decisions_before, undo_last
from teacher_portal.estates.state import estate_state, standing_decisions
from teacher_portal.game import jobs
from teacher_portal.models import ClassEstate, EstateDecision, GameServer, SchoolClass
from teacher_portal.models.voting import VotingTask
from tests.real_components import free_port
from tests.teacher_portal.conftest import AuthActions
from tests.teacher_portal.factories import create_class, default_teacher
from tests.teacher_portal.plots.plot_factories import PLOT_TABLES, fill_plots_loop


def _class_with_decisions(app: Flask) -> tuple[SchoolClass, int]:
    with app.app_context():
        school_class = create_class(default_teacher())
        db.session.add(GameServer(class_id=school_class.id, host="127.0.0.1", port=free_port()))
        estate = fill_plots_loop(school_class)
        return school_class, estate.id


def test_the_history_keeps_every_decision_and_the_state_keeps_those_standing(app: Flask) -> None:
    _, estate_id = _class_with_decisions(app)
    with app.app_context():
        estate = db.session.get(ClassEstate, estate_id)
        assert [d.label for d in estate.decisions] == [
            "Naturlegeplads",
            "Den grønne stue",
            "Aktivitetsplads",
        ]
        standing = [d.label for d in standing_decisions(estate)]
        assert standing == ["Naturlegeplads", "Den grønne stue"]
        state = estate_state(estate)
        assert isinstance(state.decisions[0], VariantDecision)
        assert isinstance(state.decisions[1], ProposalDecision)
        assert state.decisions[1].captured.block_count() == 3 * 3 * 3
        newest = estate.decisions[-1]
        assert [d.label for d in decisions_before(newest)] == ["Naturlegeplads", "Den grønne stue"]


def test_a_vote_decides_once(app: Flask) -> None:
    _class_with_decisions(app)
    with app.app_context():
        task = db.session.scalar(select(VotingTask))
        first = decide(task, "Den grønne stue")
        again = decide(task, "Noget andet")
        assert first.id == again.id and again.label == "Den grønne stue"


def test_undo_takes_back_the_newest_standing_decision_and_rebuilds(app: Flask) -> None:
    _, estate_id = _class_with_decisions(app)
    with app.app_context():
        result = undo_last(db.session.get(ClassEstate, estate_id))
        assert result.outcome is Undo.UNDONE and result.decision.label == "Den grønne stue"
        job = db.session.get(models.BuildJob, result.decision.build_job_id)
        assert (job.kind, list(job.sites)) == ("build", ["legepladsen"])  # the site, rebuilt
        jobs.wait(job.id, 30)
        estate = db.session.get(ClassEstate, estate_id)
        assert [d.label for d in standing_decisions(estate)] == ["Naturlegeplads"]
        assert undo_last(estate).outcome is Undo.UNDONE
        assert undo_last(estate).outcome is Undo.NOTHING


def test_the_class_page_shows_the_history_and_undoes_only_after_asking(
    app: Flask, client, auth: AuthActions
) -> None:
    school_class, _ = _class_with_decisions(app)
    auth.login()
    page = client.get(f"/classes/{school_class.id}").text
    assert "Klassens bebyggelse" in page
    assert page.count("Fortryd denne beslutning") == 1  # only the newest standing one
    assert "Fortryd beslutningen? Stedet bygges igen" in page  # asked before it happens
    assert "fortrudt" in page  # the undone one stays in the history
    with app.app_context():
        decision = db.session.scalar(select(EstateDecision).order_by(EstateDecision.id))
    for moment in ("before", "after"):
        picture = client.get(f"/decisions/{decision.id}/{moment}.png")
        assert picture.mimetype == "image/png"
    with app.app_context():
        row = db.session.scalar(select(ClassEstate))
    answer = client.post(
        f"/classes/{school_class.id}/estates/{row.id}/undo", follow_redirects=True
    ).text
    assert "Beslutningen „Den grønne stue“ er fortrudt" in answer
    exported = client.get(f"/classes/{school_class.id}/export.json").json
    assert [d["undone_at"] is not None for d in exported["estates"][0]["decisions"]] == [
        False,
        True,
        True,
    ]


def test_another_teacher_reaches_no_decision(app: Flask, client, auth: AuthActions) -> None:
    from tests.teacher_portal.factories import create_teacher

    school_class, estate_id = _class_with_decisions(app)
    with app.app_context():
        create_teacher("other@example.org")
        decision_id = db.session.scalar(select(EstateDecision.id))
    auth.login("other@example.org")
    assert client.get(f"/decisions/{decision_id}/before.png").status_code == 404
    for action in ("undo", "build"):
        url = f"/classes/{school_class.id}/estates/{estate_id}/{action}"
        assert client.post(url).status_code == 404
    with app.app_context():
        undone = db.session.scalars(select(EstateDecision.undone_at).order_by(EstateDecision.id))
        assert [when is None for when in undone] == [True, True, False]  # as they were


def test_deleting_a_class_deletes_its_decisions_proposals_and_captures(
    app: Flask, client, auth: AuthActions
) -> None:
    doomed, _ = _class_with_decisions(app)
    _class_with_decisions(app)
    auth.login()
    assert client.post(f"/classes/{doomed.id}/delete").location == "/classes/"
    with app.app_context():
        for name in PLOT_TABLES:
            model = getattr(models, name)
            left = db.session.scalar(select(func.count()).select_from(model))
            per_class = {"EstateDecision": 3, "PlotAssignment": 2, "PlotCapture": 2}.get(name, 1)
            assert left == per_class, name
