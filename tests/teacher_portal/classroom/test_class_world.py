"""A class put in the real managed world by the portal, and met there by real Minetest clients:
the accounts the world holds, what its engine lets each pupil build, the teacher's controls
reaching the pupils' clients, chat votes counted for the account that typed them, and the
login card's password as the only way in.

One class is built once for the module (building is the slow part); the tests run in file
order on it, as a lesson would: the controls and the vote first, then the logins (which
revoke a card), then roster changes (which remove a pupil).
"""

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from minecraft_scripts.meeting_points import MeetingPoints
from minecraft_scripts.server.classroom import Classroom
from minecraft_scripts.server.connection import GameConnection
from teacher_portal.classroom.plots import PlacedEstate, placed_estate
from teacher_portal.core.extensions import db
from teacher_portal.estates.build_jobs import start_estate_build
from teacher_portal.game import jobs
from teacher_portal.game.areas import build_origin, class_key
from teacher_portal.models import GameAccount, GameServer, Pupil, SchoolClass, Teacher, WorldArea
from teacher_portal.models.voting import CastBallot, VoterRoll
from teacher_portal.voting import chat
from tests import real_components
from tests.real_client import PupilClient, pupil_client, wait_for
from tests.teacher_portal.conftest import AuthActions, make_app, paste_roster, sign_in_pupil
from tests.teacher_portal.factories import create_class, create_group, create_teacher
from tests.teacher_portal.voting.vote_factories import create_task
from worlds.geometry import Rect

pytestmark = pytest.mark.game_server

ESTATE = "gogeurtgaarden"  # a common house and four plots
LESSON = "genbrugsstedet"  # a lesson on that estate
ROSTER = "Asta\nBjørk\nCarl\nDina"
GROUPS = {"Asta": "Gruppe 1", "Bjørk": "Gruppe 2", "Carl": "Gruppe 1", "Dina": "Gruppe 2"}
Position = tuple[float, float, float]
LOG_TAIL = 3000


@dataclass
class World:
    """The module's class in the managed world, and the teacher's browser on it."""

    app: Flask
    teacher: FlaskClient
    class_id: int
    game_port: int
    world_dir: Path

    def url(self, path: str) -> str:
        return f"/classes/{self.class_id}{path}"

    def post(self, path: str, **data: str) -> str:
        return self.teacher.post(self.url(path), data=data, follow_redirects=True).text

    def pupil(self, nickname: str) -> Pupil:
        with self.app.app_context():
            return db.session.scalar(
                select(Pupil).where(Pupil.class_id == self.class_id, Pupil.nickname == nickname)
            )

    def phone_login(self, nickname: str) -> tuple[str, str]:
        """The game name and password the pupil's phone page shows."""
        phone = self.app.test_client()
        sign_in_pupil(phone, self.pupil(nickname).card_token)
        home = phone.get("/pupil/").text
        name = re.search(r'data-testid="game-name">([^<]+)<', home)[1]
        return name, re.search(r'data-testid="game-password">([^<]+)<', home)[1]

    def placed(self) -> PlacedEstate:
        with self.app.app_context():
            return placed_estate(db.session.get(SchoolClass, self.class_id))

    def points(self) -> MeetingPoints:
        with self.app.app_context():
            return placed_estate(db.session.get(SchoolClass, self.class_id)).points()

    def accounts_in_the_world(self) -> set[str]:
        """The names the engine's own auth database holds (not the mod's view of them):
        `auth.txt` lines `name:hash:privileges:last login`, or `auth.sqlite`."""
        if "auth_backend = sqlite3" in (self.world_dir / "world.mt").read_text():
            uri = f"file:{self.world_dir / 'auth.sqlite'}?mode=ro"
            with sqlite3.connect(uri, uri=True) as auth:
                return {name for (name,) in auth.execute("SELECT name FROM auth")}
        lines = (self.world_dir / "auth.txt").read_text().splitlines()
        return {line.split(":", 1)[0] for line in lines if line}


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory, game_server: real_components.GameServer
) -> Iterator[World]:
    if game_server.managed is None:
        real_components.require("the class world tests need the managed world")
    app = make_app(tmp_path_factory.mktemp("class-world"), BUILD_REGION_X=8000)
    with app.app_context():
        school_class = create_class(create_teacher(admin=True), "7.A")
        db.session.add(
            GameServer(class_id=school_class.id, host=game_server.host, port=game_server.port)
        )
        db.session.commit()
    teacher = app.test_client()
    AuthActions(teacher).login()
    world = World(
        app, teacher, school_class.id, game_server.managed.game_port, game_server.managed.world_dir
    )
    paste_roster(teacher, world.url("/roster"), ROSTER)
    with app.app_context():
        groups = {name: create_group(school_class, name).id for name in set(GROUPS.values())}
        for nickname, group in GROUPS.items():
            db.session.get(Pupil, world.pupil(nickname).id).group_id = groups[group]
        db.session.commit()
        job = start_estate_build(db.session.get(SchoolClass, school_class.id), ESTATE)
        jobs.wait(job.id, 120)
        db.session.refresh(job)
        assert job.state == "done", job.error
    world.post("/plots/in-order")  # the groups get their plots; the world follows
    yield world
    with app.app_context(), GameConnection(game_server.host, game_server.port) as conn:
        room = Classroom(conn)
        for setting in (room.close_joining, room.freeze, room.mute, room.lock_plots):
            setting(False)
        room.forget_area(class_key(school_class))
        for name in db.session.scalars(select(GameAccount.name)):
            room.remove_account(name)


def _middle(ground: Rect) -> tuple[int, int]:
    return (ground.x1 + ground.x2) // 2, (ground.z1 + ground.z2) // 2


def test_the_world_holds_the_class_as_the_portal_has_it(world: World, game: GameConnection) -> None:
    assert {"Asta", "Bjoerk", "Carl", "Dina", "Laerer_Tina"} <= world.accounts_in_the_world()
    placed = world.placed()
    plots = placed.plots()
    y = placed.origin[1] + 2
    own, other = _middle(plots["gruppe_1"]), _middle(plots["gruppe_2"])
    estate = placed.ground(placed.estate.features[0].outer())  # a building, in no plot
    assert not any(_inside(_middle(estate), plot) for plot in plots.values())
    room = Classroom(game)

    def builds(name: str, at: tuple[int, int]) -> bool:
        return room.can_build(name, at[0], y, at[1])

    assert builds("Asta", own) and builds("Carl", own) and builds("Bjoerk", other)
    assert not builds("Asta", other) and not builds("Bjoerk", own)
    assert not builds("Asta", _middle(estate))
    assert builds("Laerer_Tina", _middle(estate)) and builds("Laerer_Tina", other)
    world.post("/world/settings/plots_locked", on="1")
    assert not builds("Asta", own) and builds("Laerer_Tina", own)
    world.post("/world/settings/plots_locked", on="0")
    assert builds("Asta", own)
    with world.app.app_context():
        task = create_task(db.session.get(SchoolClass, world.class_id), state="draft")
    world.teacher.post(f"/votes/{task.id}/open")
    assert not builds("Asta", own)  # nobody changes a proposal while the class votes
    world.teacher.post(f"/votes/{task.id}/close")
    assert builds("Asta", own)


def _inside(point: tuple[int, int], ground: Rect) -> bool:
    return ground.x1 <= point[0] <= ground.x2 and ground.z1 <= point[1] <= ground.z2


def _near(position: Position | None, target: Position) -> bool:
    """Within a block of the target on the ground plan (players fall to the ground)."""
    if position is None:
        return False
    return abs(position[0] - target[0]) < 1.0 and abs(position[2] - target[2]) < 1.0


def _said(client: PupilClient, text: str) -> bool:
    return any(text in line for line in client.received_chat())


def _class_on_a_server_the_toolkit_does_not_run(world: World, game: GameConnection) -> int:
    """Another class of the teacher's, whose server the portal treats as RaspberryJuice (it is
    the same world: only what every mcpi server has is used)."""
    with world.app.app_context():
        teacher = db.session.get(SchoolClass, world.class_id).teacher_id
        other = create_class(db.session.get(Teacher, teacher), "7.B")
        server = GameServer(
            class_id=other.id, kind="raspberryjuice", host=game.host, port=game.port
        )
        db.session.add(server)
        db.session.commit()
    return other.id


def test_the_teacher_steers_the_class_and_a_chat_vote_is_the_typists(
    world: World, game: GameConnection, tmp_path: Path
) -> None:
    (asta, asta_password), (bjoerk, bjoerk_password) = map(world.phone_login, ("Asta", "Bjørk"))
    room = Classroom(game)
    with (
        pupil_client(tmp_path, world.game_port, asta, asta_password) as asta_client,
        pupil_client(tmp_path, world.game_port, bjoerk, bjoerk_password) as bjoerk_client,
    ):
        assert wait_for(lambda: {"Asta", "Bjoerk"} <= set(room.online()))
        points = world.points()
        assert "2 elever blev hentet til mødestedet" in world.post("/world/meet")
        for client in (asta_client, bjoerk_client):
            assert wait_for(lambda c=client: _near(c.position(), points.meeting))
        world.post("/world/plots")
        assert wait_for(lambda: _near(asta_client.position(), points.plots["gruppe_1"]))
        assert wait_for(lambda: _near(bjoerk_client.position(), points.plots["gruppe_2"]))

        world.post("/world/settings/frozen", on="1")
        assert wait_for(lambda: any("Lyt til din lærer" in t for t in asta_client.screen_texts()))
        world.post("/world/message", text="Kom hen til fælleshuset")
        assert wait_for(lambda: _said(bjoerk_client, "[Lærer] Kom hen til fælleshuset"))
        world.post("/world/settings/frozen", on="0")
        other = _class_on_a_server_the_toolkit_does_not_run(world, game)
        world.teacher.post(f"/classes/{other}/world/message", data={"text": "Hej fra 7.B"})
        assert wait_for(lambda: _said(asta_client, "Hej fra 7.B"))  # chat.post, as anywhere
        world.teacher.post(world.url("/lessons"), data={"lesson": LESSON})
        assert wait_for(lambda: any("Genbrug" in t for t in asta_client.screen_texts()))
        world.post("/world/settings/muted", on="1")
        asta_client.say("hej")
        assert wait_for(lambda: _said(asta_client, "permission to shout"))
        world.post("/world/settings/muted", on="0")

        with world.app.app_context():
            task = create_task(
                db.session.get(SchoolClass, world.class_id), state="draft", secret=False
            )
        world.teacher.post(f"/votes/{task.id}/open")
        world.teacher.post(f"/votes/{task.id}/chat/start")
        bjoerk_client.say("!stem 3")
        asta_client.say("!stem 2")
        assert wait_for(lambda: _said(asta_client, "Tak, Asta! Din stemme er talt."))
        asta_client.say("!stem 1")
        assert wait_for(lambda: _said(asta_client, "Asta: du har allerede stemt"))
        assert wait_for(lambda: _said(bjoerk_client, "Tak, Bjoerk!"))
        world.teacher.post(f"/votes/{task.id}/close")
    with world.app.app_context():
        assert not chat.is_listening(task.id)
        ballots = db.session.execute(
            select(CastBallot.pupil_id, CastBallot.ranking).where(CastBallot.task_id == task.id)
        ).all()
        voters = db.session.scalars(select(VoterRoll.channel).where(VoterRoll.task_id == task.id))
        assert sorted(voters) == ["chat", "chat"]
    assert sorted(ballots) == sorted(
        [(world.pupil("Asta").id, ["2"]), (world.pupil("Bjørk").id, ["3"])]
    )


def test_only_the_card_password_gets_in_and_a_revoked_card_shuts_it_out(
    world: World, game: GameConnection, tmp_path: Path
) -> None:
    room = Classroom(game)
    with pupil_client(tmp_path, world.game_port, "Fremmed", "hemmelig") as stranger:
        assert_told(stranger, "Dit navn står ikke på klassens liste")
    name, password = world.phone_login("Asta")
    asta = world.pupil("Asta")
    with pupil_client(tmp_path, world.game_port, name, password) as pupil:
        assert wait_for(lambda: name in room.online()), pupil.log[-LOG_TAIL:]
        world.post(f"/pupils/{asta.id}/card/revoke")  # e.g. the card was lost: out she goes
        assert_told(pupil, "Din adgangskode til spillet er skiftet")
        assert name not in room.online()
    with pupil_client(tmp_path, world.game_port, name, password) as old_card:
        assert_told(old_card, "Access denied. Reason: Invalid password")
        assert name not in room.online()


def assert_told(client: PupilClient, text: str) -> None:
    """The client's log shows `text` in time; a failure shows the log's end."""
    assert wait_for(lambda: text in client.log), client.log[-LOG_TAIL:]


def test_roster_changes_reach_the_world(world: World, game: GameConnection) -> None:
    carl, dina = world.pupil("Carl"), world.pupil("Dina")
    world.post(f"/pupils/{carl.id}/delete")
    form = {f"minecraft-{dina.id}": "DinaBygger"}
    with world.app.app_context():
        for pupil in db.session.scalars(select(Pupil).where(Pupil.class_id == world.class_id)):
            form.setdefault(f"group-{pupil.id}", str(pupil.group_id or ""))
    world.post("/pupils", **form)
    accounts = world.accounts_in_the_world()
    assert "Carl" not in accounts and "Dina" not in accounts and "DinaBygger" in accounts
    placed, room = world.placed(), Classroom(game)
    y = placed.origin[1] + 2
    (x1, z1), (x2, z2) = (_middle(placed.plots()[plot]) for plot in ("gruppe_1", "gruppe_2"))
    assert room.can_build("DinaBygger", x2, y, z2)
    assert not room.can_build("Carl", x1, y, z1)


def test_deleting_the_class_clears_its_land_and_frees_its_area(
    world: World, game: GameConnection
) -> None:
    with world.app.app_context():
        area = db.session.scalar(select(WorldArea).where(WorldArea.class_id == world.class_id))
        land = (area.x1, area.y + 1, area.z1, area.x2, area.y + area.height - 1, area.z2)
        corner = (area.x1, area.y, area.z1)
    assert (game.get_blocks(*land) != 0).any()  # the estate stands
    page = world.teacher.post(world.url("/delete"), follow_redirects=True).text
    assert "er slettet" in page
    assert (game.get_blocks(*land) == 0).all()  # bare land for the next class
    assert not {"Asta", "Bjoerk", "DinaBygger"} & world.accounts_in_the_world()
    with world.app.app_context():
        assert db.session.scalar(select(WorldArea)) is None
        newcomer = create_class(create_teacher("ny@example.org", name="Nina"), "5.A")
        db.session.add(GameServer(class_id=newcomer.id, host=game.host, port=game.port))
        db.session.commit()
        assert build_origin(db.session.get(SchoolClass, newcomer.id), ESTATE) == corner
