"""The class's world, met by a real Minetest client: who gets in, what a pupil can change,
and the teacher's controls (freeze, bring, text, chat), checked in the server."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from minecraft_scripts.chat_votes import ChatVoteListener
from minecraft_scripts.server.classroom import Classroom, ClassroomError
from minecraft_scripts.server.connection import GameConnection
from tests.real_client import pupil_client, wait_for
from tests.real_components import GameServer, require
from worlds.geometry import Rect

pytestmark = pytest.mark.game_server

# A corner of the shared test world of its own (other tests build near the origin).
X, Z = -3000, 3000
ESTATE = Rect(X, Z, X + 30, Z + 30)
PLOT_ALI = Rect(X + 2, Z + 2, X + 8, Z + 8)
PLOT_BO = Rect(X + 12, Z + 2, X + 18, Z + 8)


@pytest.fixture
def managed(game_server: GameServer) -> GameServer:
    if game_server.managed is None:
        require("the classroom tests need the managed world (unset JAGTEN_TEST_SERVER)")
    return game_server


@pytest.fixture
def classroom(game: GameConnection) -> Iterator[Classroom]:
    """The class of Ali (pupil), Bo (pupil) and Lærer (teacher), undone afterwards."""
    room = Classroom(game)
    room.set_account("Ali", "ravn23")
    room.set_account("Bo", "ugne45")
    room.set_account("Laerer", "taarn67", role="teacher")
    room.protect_area("test-class", ESTATE)
    room.set_plot("test-class/gruppe_1", PLOT_ALI, ["Ali"])
    room.set_plot("test-class/gruppe_2", PLOT_BO, ["Bo"])
    yield room
    for setting in (room.close_joining, room.freeze, room.mute, room.lock_plots):
        setting(False)
    room.show_text("")
    room.forget_area("test-class")
    for name in ("Ali", "Bo", "Laerer"):
        room.remove_account(name)


def test_the_engine_protects_the_estate_and_other_groups_plots(classroom: Classroom) -> None:
    inside_estate = (X + 25, 1, Z + 25)
    in_alis_plot = (X + 4, 1, Z + 4)
    in_bos_plot = (X + 14, 1, Z + 4)
    assert not classroom.can_build("Ali", *inside_estate)
    assert classroom.can_build("Ali", *in_alis_plot)
    assert not classroom.can_build("Ali", *in_bos_plot)
    assert classroom.can_build("Bo", *in_bos_plot)
    assert classroom.can_build("Laerer", *inside_estate)
    assert classroom.can_build("Ali", X - 50, 1, Z - 50)  # outside the class's area
    classroom.lock_plots()
    assert not classroom.can_build("Ali", *in_alis_plot)
    assert classroom.can_build("Laerer", *in_alis_plot)


def test_toolkit_builds_are_not_stopped_by_protection(
    classroom: Classroom, game: GameConnection
) -> None:
    game.set_blocks(X + 20, 1, Z + 20, X + 22, 3, Z + 22, 1)
    game.barrier()
    assert (game.get_blocks(X + 20, 1, Z + 20, X + 22, 3, Z + 22) == 1).all()


def test_names_and_passwords_that_could_break_the_protocol_are_refused(
    classroom: Classroom,
) -> None:
    for name, password in [("Ali,Bo", "ravn23"), ("Ali", "a,b(c)"), ("Ali)", "ravn23")]:
        with pytest.raises(ClassroomError):
            classroom.set_account(name, password)


def test_only_the_class_gets_in_with_its_card_password(
    classroom: Classroom, managed: GameServer, tmp_path: Path
) -> None:
    classroom.close_joining()
    port = managed.managed.game_port
    with pupil_client(tmp_path, port, "Fremmed", "hemmelig") as stranger:
        assert wait_for(lambda: "Dit navn står ikke på klassens liste" in stranger.log)
    with pupil_client(tmp_path, port, "Bo", "forkert9") as impostor:
        assert wait_for(
            lambda: impostor.process.poll() is not None or "password" in impostor.log.lower()
        )
        assert "Bo" not in classroom.online()
    with pupil_client(tmp_path, port, "Ali", "ravn23"):
        assert wait_for(lambda: "Ali" in classroom.online())


def test_a_pupil_in_the_real_client_is_brought_frozen_and_told(
    classroom: Classroom, managed: GameServer, game: GameConnection, tmp_path: Path
) -> None:
    with pupil_client(tmp_path, managed.managed.game_port, "Ali", "ravn23") as ali:
        assert wait_for(lambda: "Ali" in classroom.online())
        assert classroom.bring(X + 5.5, 3, Z + 5.5) == 1
        assert wait_for(lambda: _near(ali.position(), (X + 5.5, 3, Z + 5.5)))
        classroom.freeze()
        classroom.message("Kom til fælleshuset")
        assert wait_for(lambda: any("Kom til fælleshuset" in line for line in ali.received_chat()))
        classroom.show_text("Fase 2: Byg jeres forslag")
        assert wait_for(lambda: any("Byg jeres forslag" in text for text in ali.screen_texts()))
        assert any("Lyt til din lærer" in text for text in ali.screen_texts())
        listener = ChatVoteListener(game, lambda vote: None, known_names=["Ali", "Bo"])
        ali.say("!stem 2")
        votes: list = []
        assert wait_for(lambda: votes.extend(listener.poll_once()) or votes, timeout=20)
        assert [(vote.player_name, vote.choices) for vote in votes] == [("Ali", (2,))]


Position = tuple[float, float, float]


def _near(position: Position | None, target: Position) -> bool:
    """Within a block of the target on the ground plan (players fall to the ground)."""
    if position is None:
        return False
    (x, _y, z), (tx, _ty, tz) = position, target
    return abs(x - tx) < 1.0 and abs(z - tz) < 1.0


STONE = 1


def _stand_on(game: GameConnection, classroom: Classroom, x: int, z: int) -> None:
    """Put a stone at (x, 1, z) and Ali on top of it, looking straight down at it."""
    game.set_block(x, 1, z, STONE)
    classroom.bring(x + 0.5, 2, z + 0.5, ["Ali"])
    game.send("entity.setPitch", game.player_id("Ali"), 90)
    game.barrier()


def test_a_pupil_digs_in_her_plot_but_not_in_the_estate(
    classroom: Classroom, managed: GameServer, game: GameConnection, tmp_path: Path
) -> None:
    with pupil_client(tmp_path, managed.managed.game_port, "Ali", "ravn23") as ali:
        assert wait_for(lambda: "Ali" in classroom.online())
        _stand_on(game, classroom, X + 25, Z + 25)
        assert wait_for(lambda: _near(ali.position(), (X + 25.5, 2, Z + 25.5)))
        ali.hold_dig(1.5)
        assert game.get_block(X + 25, 1, Z + 25) == STONE
        _stand_on(game, classroom, X + 4, Z + 4)
        assert wait_for(lambda: _near(ali.position(), (X + 4.5, 2, Z + 4.5)))
        ali.hold_dig(1.5)
        assert wait_for(lambda: game.get_block(X + 4, 1, Z + 4) == 0, timeout=5)


def test_a_frozen_pupil_cannot_walk_away(
    classroom: Classroom, managed: GameServer, tmp_path: Path
) -> None:
    with pupil_client(tmp_path, managed.managed.game_port, "Ali", "ravn23") as ali:
        assert wait_for(lambda: "Ali" in classroom.online())
        classroom.bring(X + 15.5, 2, Z + 20.5, ["Ali"])
        assert wait_for(lambda: _near(ali.position(), (X + 15.5, 2, Z + 20.5)))
        classroom.freeze()
        ali.walk(1.5)
        assert _near(ali.position(), (X + 15.5, 2, Z + 20.5))
        classroom.freeze(False)
        ali.walk(1.5)
        assert not _near(ali.position(), (X + 15.5, 2, Z + 20.5))


def test_a_chat_vote_belongs_to_the_account_that_typed_it(
    classroom: Classroom, managed: GameServer, game: GameConnection, tmp_path: Path
) -> None:
    port = managed.managed.game_port
    listener = ChatVoteListener(game, lambda vote: None, known_names=["Ali", "Bo"])
    listener.poll_once()  # forget older chat
    with (
        pupil_client(tmp_path, port, "Ali", "ravn23"),
        pupil_client(tmp_path, port, "Bo", "ugne45") as bo,
    ):
        assert wait_for(lambda: {"Ali", "Bo"} <= set(classroom.online()))
        bo.say("!stem 3")
        votes: list = []
        assert wait_for(lambda: votes.extend(listener.poll_once()) or votes, timeout=20)
    assert [(vote.player_name, vote.choices) for vote in votes] == [("Bo", (3,))]
