"""Secret ballots on PostgreSQL: what the tables themselves give away to anyone with SQL access.

On SQLite both ballot tables are `WITHOUT ROWID`, ordered by random keys. PostgreSQL has no
such option: every row carries `xmin` (the id of the transaction that wrote it) and `ctid`
(its place in the heap, in arrival order). The roll row and the ballot are written by the
same transaction, so while a vote is open equal `xmin` joins a pupil to their secret ballot.
Closing rewrites the ballots in the closing transaction, in random order: from then on
nothing in the tables joins them.
"""

from pathlib import Path

from sqlalchemy import text

from teacher_portal.core.extensions import db
from teacher_portal.models.voting import VotingTask
from teacher_portal.voting.tally import close
from tests.teacher_portal.conftest import make_app, sign_in_pupil
from tests.teacher_portal.factories import create_class, create_pupils, create_teacher
from tests.teacher_portal.voting.vote_factories import create_task

JOIN_BY_TRANSACTION = text(
    "SELECT r.pupil_id FROM voter_roll r JOIN vote_ballot b ON b.xmin = r.xmin"
)


def test_a_closed_secret_ballot_cannot_be_joined_to_its_voter(
    tmp_path: Path, postgres_url: str
) -> None:
    app = make_app(tmp_path, SQLALCHEMY_DATABASE_URI=postgres_url)
    with app.app_context():
        school_class = create_class(create_teacher(admin=True))
        pupils = create_pupils(school_class, "Ali", "Bo", "Cecilie")
        task = create_task(school_class, method="plurality", secret=True)
    for pupil, choice in zip(pupils, ["3", "1", "3"], strict=True):
        phone = app.test_client()
        sign_in_pupil(phone, pupil.card_token)
        answer = phone.post(f"/vote/{task.id}", data={"choice": [choice]})
        assert "outcome=counted" in answer.location
    with app.app_context():
        assert len(db.session.scalars(JOIN_BY_TRANSACTION).all()) == 3  # open: the known gap
        stored = db.session.execute(text("SELECT ranking FROM vote_ballot")).all()
        assert close(db.session.get(VotingTask, task.id))
        assert db.session.scalars(JOIN_BY_TRANSACTION).all() == []
        rewritten = db.session.execute(text("SELECT ranking FROM vote_ballot")).all()
        assert sorted(map(str, rewritten)) == sorted(map(str, stored))  # same ballots
        assert db.session.get(VotingTask, task.id).result["winners"]
