"""A class's place in the shared world: areas instead of wrapping build slots, game accounts,
classroom settings.

Existing classes keep the land their newest build stands on, unless a newer build of another
class stands over it (the old slots wrapped around): that class gets a new area at its next
build.

Revision ID: 0008_class_world
Revises: 0007_job_queue
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_class_world"
down_revision = "0007_job_queue"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "world_area",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=True),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("x1", sa.Integer(), nullable=False),
        sa.Column("z1", sa.Integer(), nullable=False),
        sa.Column("x2", sa.Integer(), nullable=False),
        sa.Column("z2", sa.Integer(), nullable=False),
        sa.Column("y", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("world", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["school_class.id"],
            name=op.f("fk_world_area_class_id_school_class"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_world_area")),
        sa.UniqueConstraint("class_id", name=op.f("uq_world_area_class_id")),
    )
    op.create_table(
        "game_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=20), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=True),
        sa.Column("teacher_id", sa.Integer(), nullable=True),
        sa.Column("password", sa.String(length=32), nullable=True),
        sa.Column("synced_key", sa.String(length=64), nullable=True),
        sa.Column("synced_world", sa.String(length=255), nullable=True),
        sa.ForeignKeyConstraint(
            ["pupil_id"], ["pupil.id"], name=op.f("fk_game_account_pupil_id_pupil"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["teacher_id"], ["teacher.id"], name=op.f("fk_game_account_teacher_id_teacher"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_game_account")),
        sa.UniqueConstraint("name", name=op.f("uq_game_account_name")),
        sa.UniqueConstraint("pupil_id", name=op.f("uq_game_account_pupil_id")),
        sa.UniqueConstraint("teacher_id", name=op.f("uq_game_account_teacher_id")),
    )  # fmt: skip
    op.create_table(
        "class_world",
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("frozen", sa.Boolean(), nullable=False),
        sa.Column("muted", sa.Boolean(), nullable=False),
        sa.Column("plots_locked", sa.Boolean(), nullable=False),
        sa.Column("show_phase_text", sa.Boolean(), nullable=False),
        sa.Column("chat_names_unchecked", sa.Boolean(), nullable=False),
        sa.Column("synced_at", sa.DateTime(), nullable=True),
        sa.Column("sync_error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["school_class.id"],
            name=op.f("fk_class_world_class_id_school_class"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("class_id", name=op.f("pk_class_world")),
    )
    _areas_from_builds()
    # Not in batch mode: on SQLite that copies the table and drops the old one, and with
    # foreign keys on the drop would cascade to every pupil, job and vote of every class.
    # SQLite 3.35+ (and PostgreSQL) drop a column in place.
    op.drop_column("school_class", "build_slot")


def _areas_from_builds():
    """Each class's newest finished build becomes its area, newest first, skipping one
    that a newer build of another class has built over."""
    from datetime import datetime

    from minecraft_scripts.generate import model_size
    from worlds.catalog import load_estate
    from worlds.datafile import DataFileError

    connection = op.get_bind()
    newest = connection.execute(
        sa.text(
            "SELECT class_id, estate_id, origin_x, origin_y, origin_z FROM build_job "
            "WHERE id IN (SELECT MAX(id) FROM build_job WHERE state = 'done' AND kind = 'build' "
            "GROUP BY class_id) ORDER BY id DESC"
        )
    ).all()
    servers = dict(
        connection.execute(sa.text("SELECT class_id, host || ':' || port FROM game_server")).all()
    )
    taken = []
    for class_id, estate_id, x, y, z in newest:
        try:
            width, height, depth = model_size(load_estate(estate_id))
        except (DataFileError, LookupError):
            width, height, depth = 200, 0, 200  # the old slot's width
        ground = (x, z, x + width - 1, z + depth - 1)
        if any(not (g[2] < ground[0] or ground[2] < g[0] or g[3] < ground[1] or ground[3] < g[1])
               for g in taken):  # fmt: skip
            continue
        taken.append(ground)
        connection.execute(
            sa.text(
                "INSERT INTO world_area (class_id, key, x1, z1, x2, z2, y, height, world, "
                "created_at) VALUES (:class_id, :key, :x1, :z1, :x2, :z2, :y, :height, "
                ":world, :now)"
            ),
            {
                "class_id": class_id,
                "key": f"class-{class_id}",
                "x1": ground[0],
                "z1": ground[1],
                "x2": ground[2],
                "z2": ground[3],
                "y": y,
                "height": height,
                "world": servers.get(class_id, servers.get(None)),
                "now": datetime.now(),
            },
        )


def downgrade():
    op.add_column(
        "school_class", sa.Column("build_slot", sa.Integer(), nullable=False, server_default="0")
    )
    op.drop_table("class_world")
    op.drop_table("game_account")
    op.drop_table("world_area")
