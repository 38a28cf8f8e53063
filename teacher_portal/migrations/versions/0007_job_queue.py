"""Jobs on a queue: a job's attempts (its kind came with the plots), the chat listeners' table, and on PostgreSQL
procrastinate's own schema (tables `procrastinate_*`, its types and functions).

Revision ID: 0007_job_queue
Revises: 0006_reports
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_job_queue"
down_revision = "0006_reports"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("build_job") as batch:
        batch.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "chat_listener",
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("holder", sa.String(length=200), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"], ["voting_task.id"],
            name=op.f("fk_chat_listener_task_id_voting_task"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("task_id", name=op.f("pk_chat_listener")),
    )  # fmt: skip
    if op.get_bind().dialect.name == "postgresql":
        from procrastinate.schema import SchemaManager

        # Whole script at once on the driver's connection (inside the migration's transaction):
        # psycopg runs several statements when no parameters are given.
        op.get_bind().connection.driver_connection.execute(SchemaManager.get_schema())


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for table in ("events", "periodic_defers", "jobs", "workers"):
            op.execute(f"DROP TABLE IF EXISTS procrastinate_{table} CASCADE")
        for kind in ("job_event_type", "job_status", "job_to_defer_v1"):
            op.execute(f"DROP TYPE IF EXISTS procrastinate_{kind} CASCADE")
    op.drop_table("chat_listener")
    with op.batch_alter_table("build_job") as batch:
        batch.drop_column("attempts")
