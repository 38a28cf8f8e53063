"""Two teachers, six classes each, one shared world: no build ever changes another class's
land, read back from the real server before and after every build."""

from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from minecraft_scripts.server.classroom import Classroom
from minecraft_scripts.server.connection import GameConnection
from teacher_portal.core.extensions import db
from teacher_portal.estates.build_jobs import start_estate_build
from teacher_portal.game import jobs
from teacher_portal.game.areas import class_key
from teacher_portal.models import GameAccount, GameServer, SchoolClass, WorldArea
from tests import real_components
from tests.teacher_portal.conftest import make_app
from tests.teacher_portal.factories import create_class, create_teacher

pytestmark = pytest.mark.game_server

BUILD_TIMEOUT = 120
GROUND_LAYERS = 3
"""Every estate lays its ground and paths on the bottom layers of its whole area, so a build
over another class's land changes them; reading three layers is cheap enough for each build."""


def _land(game: GameConnection, area: WorldArea, height: int) -> np.ndarray:
    return game.get_blocks(area.x1, area.y, area.z1, area.x2, area.y + height - 1, area.z2)


def test_no_build_ever_changes_another_class_area(
    tmp_path: Path, game_server: real_components.GameServer, game: GameConnection
) -> None:
    app = make_app(tmp_path, BUILD_REGION_X=5000, BUILD_REGION_WIDTH=1000)
    builds = []
    with app.app_context():
        anna = create_teacher("anna@example.org", name="Anna")
        bo = create_teacher("bo@example.org", name="Bo")
        for number in range(1, 7):
            for teacher, estate_id in ((anna, "rosenhaven"), (bo, "kloeverhusene")):
                school_class = create_class(teacher, f"{number}.{teacher.name}")
                server = GameServer(
                    class_id=school_class.id, host=game_server.host, port=game_server.port
                )
                db.session.add(server)
                builds.append((school_class.id, estate_id))
        db.session.commit()
        for index, (class_id, estate_id) in enumerate(builds):
            others = list(
                db.session.scalars(select(WorldArea).where(WorldArea.class_id != class_id))
            )
            last = index == len(builds) - 1  # Bo's sixth class: the one that built over Anna's
            layers = {a.id: (a.height if last else GROUND_LAYERS) for a in others}
            before = {a.id: _land(game, a, layers[a.id]) for a in others}
            job = start_estate_build(db.session.get(SchoolClass, class_id), estate_id)
            jobs.wait(job.id, BUILD_TIMEOUT)
            db.session.refresh(job)
            assert job.state == "done" and job.verified, job.error
            for area in others:
                after = _land(game, area, layers[area.id])
                changed = int(np.count_nonzero(after != before[area.id]))
                assert changed == 0, f"build {index + 1} changed {changed} blocks of {area.key}"
        areas = db.session.scalars(select(WorldArea)).all()
        assert len(areas) == 12 and all(area.class_id for area in areas)
        room = Classroom(game)  # leave the shared world as it was: open, unprotected
        for school_class in db.session.scalars(select(SchoolClass)):
            room.forget_area(class_key(school_class))
        for name in db.session.scalars(select(GameAccount.name)):
            room.remove_account(name)
        room.close_joining(False)
