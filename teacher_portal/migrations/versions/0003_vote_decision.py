"""What a vote decides (proposal, choice, election, ranking): it sets how a tie ends.

Revision ID: 0003_vote_decision
Revises: 0002_voting
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_vote_decision"
down_revision = "0002_voting"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("voting_task") as batch:
        batch.add_column(
            sa.Column("decision", sa.String(length=20), nullable=False, server_default="choice")
        )


def downgrade():
    with op.batch_alter_table("voting_task") as batch:
        batch.drop_column("decision")
