"""What a build's check covered: blocks only on a server without our mod, also sign text,
node metadata and the save on the managed world.

Revision ID: 0009_build_covers
Revises: 0008_class_world
Create Date: 2026-12-02 05:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_build_covers'
down_revision = '0008_class_world'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('build_job', schema=None) as batch_op:
        batch_op.add_column(sa.Column('covers', sa.JSON(), nullable=False, server_default='[]'))


def downgrade():
    with op.batch_alter_table('build_job', schema=None) as batch_op:
        batch_op.drop_column('covers')
