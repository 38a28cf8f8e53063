"""school settings: the address pupils' devices use

Revision ID: 0005_school_settings
Revises: 0004_plots
Create Date: 2026-12-02 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005_school_settings'
down_revision = '0004_plots'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('school_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('public_url', sa.String(length=255), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school_settings'))
    )


def downgrade():
    op.drop_table('school_settings')
