"""The plots loop on PostgreSQL: the decisions' history and state read back alike, and
deleting a class removes its estate, decisions, plots, proposals and captures through
`ON DELETE CASCADE` while another class keeps all of its own."""

from pathlib import Path

from sqlalchemy import func, select

import teacher_portal.models as models
from teacher_portal.core.extensions import db
from teacher_portal.estates.state import estate_state, standing_decisions
from teacher_portal.models import ClassEstate
from tests.teacher_portal.conftest import AuthActions, make_app
from tests.teacher_portal.factories import create_class, create_teacher
from tests.teacher_portal.plots.plot_factories import PLOT_TABLES, fill_plots_loop


def test_decisions_and_deletion_on_postgres(tmp_path: Path, postgres_url: str) -> None:
    app = make_app(tmp_path, SQLALCHEMY_DATABASE_URI=postgres_url)
    with app.app_context():
        teacher = create_teacher(admin=True)
        doomed = create_class(teacher, "Slettes")
        kept = create_class(teacher, "Bliver")
        fill_plots_loop(doomed)
        kept_estate = fill_plots_loop(kept).id
        estate = db.session.get(ClassEstate, kept_estate)
        standing = [d.label for d in standing_decisions(estate)]
        assert standing == ["Naturlegeplads", "Den grønne stue"]
        captured = estate_state(estate).decisions[1].captured
        assert captured.block_count() == 27  # the capture's blocks survive the round trip
    client = app.test_client()
    AuthActions(client).login()
    assert client.post(f"/classes/{doomed.id}/delete").location == "/classes/"
    with app.app_context():
        for name in PLOT_TABLES:
            model = getattr(models, name)
            left = db.session.scalar(select(func.count()).select_from(model))
            per_class = {"EstateDecision": 3, "PlotAssignment": 2, "PlotCapture": 2}.get(name, 1)
            assert left == per_class, name
