"""Minecraft Education's live link, at the protocol level: a scripted client (Node's `ws`,
another WebSocket implementation than ours) plays the game's part with the published
message formats, simulates the blocks our commands place, and sends chat."""

from __future__ import annotations

import json
import subprocess
import time

import numpy as np
import pytest
from click.testing import CliRunner

from minecraft_scripts.chat_votes import ChatFormat, ChatVote, ChatVoteListener
from minecraft_scripts.exports.named_model import named_model
from minecraft_scripts.generate import generate
from minecraft_scripts.palette import NamedEdition, named_block
from minecraft_scripts.server.connection import CommandFailed
from minecraft_scripts.server.education import _within_fill_limit
from minecraft_scripts.server.education_build import build_in_education
from minecraft_scripts.server.education_protocol import FILL_LIMIT, fill_command, parse_message
from minecraft_scripts.server.education_server import EducationServer
from minecraft_scripts.voxels import Box
from teacher_portal.cli import main
from tests.minecraft_scripts.exports.readers import expected_names, mismatches, require_readers
from tests.real_components import READERS, free_port
from worlds.catalog import load_estate

CLIENT = READERS / "scripted_education_client.js"
AT = (100, -61, 200)
SMALLEST = "mosebollehaven"


class ScriptedGame:
    """The scripted client as a process, started against a running server."""

    def __init__(self, port: int, **options: object) -> None:
        self.process = subprocess.Popen(
            ["node", str(CLIENT), f"ws://127.0.0.1:{port}", json.dumps(options)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip

    def report(self) -> dict:
        out, err = self.process.communicate(timeout=60)
        assert self.process.returncode == 0, err
        return json.loads(out)


@pytest.fixture(scope="module")
def readers() -> None:
    require_readers()


def region_of(model, at=AT) -> list[int]:
    return [*at, *model.size]


def test_builds_the_estate_and_reads_chat_votes(readers) -> None:
    estate = load_estate(SMALLEST)
    model = generate(estate)
    chat = [["Alice", "!stem 2"], ["Bo", "hej alle"], ["Bo", "!stem 3 1"], ["Cem", "!stem x"]]
    with EducationServer("127.0.0.1", 0) as server:
        game = ScriptedGame(server.port, region=region_of(model), chat=chat, replyDelayMs=3)
        conn = server.wait_for_game(timeout=30)
        steps: list[tuple[int, int]] = []
        report = build_in_education(conn, estate, at=AT, progress=lambda d, t: steps.append((d, t)))
        votes: list[ChatVote] = []
        listener = ChatVoteListener(
            conn, lambda vote: votes.append(vote) or f"Tak, {vote.player_name}",
            chat_format=ChatFormat.PYCRAFT,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while len(votes) < 2 and time.monotonic() < deadline:
            listener.poll_once()
            time.sleep(0.05)
        conn.close()
        seen = game.report()
    assert seen["subscriptions"] == ["PlayerMessage"]
    assert seen["violations"] == []
    assert 1 < seen["maxInFlight"] <= 100
    names = np.array(seen["names"] + ["(never set)"], dtype=object)[np.array(seen["voxels"])]
    expected = expected_names(named_model(model, NamedEdition.BEDROCK))
    assert mismatches(names.reshape(model.size), expected) == []
    assert seen["outside"] == 0
    assert report.commands == seen["fills"] + seen["setblocks"]
    assert steps[-1][0] == steps[-1][1] and steps[-1][1] > 0
    assert [(v.player_name, v.choices) for v in votes] == [("Alice", (2,)), ("Bo", (3, 1))]
    assert seen["tellraw"][0] == "Bebyggelsen Mosebøllehaven står færdig."
    assert "Tak, Alice" in seen["tellraw"] and "Tak, Bo" in seen["tellraw"]
    assert any(line.startswith("Cem: skriv fx !stem 2") for line in seen["tellraw"])
    assert any(line.startswith("tickingarea add") for line in seen["other"])


def test_keeps_to_a_smaller_in_flight_limit(readers) -> None:
    estate = load_estate(SMALLEST)
    model = generate(estate)
    with EducationServer("127.0.0.1", 0, max_in_flight=4) as server:
        # Replies slow enough that the window fills even on a loaded machine (with 1 ms the
        # sender sometimes never had 4 out at once, and the test failed on timing alone).
        game = ScriptedGame(server.port, region=region_of(model), maxInFlight=4, replyDelayMs=25)
        conn = server.wait_for_game(timeout=30)
        for x in range(40):
            conn.set_block(AT[0] + x, AT[1], AT[2], 1)
        conn.barrier()
        conn.close()
        seen = game.report()
    assert seen["violations"] == [] and seen["maxInFlight"] == 4 and seen["setblocks"] == 40


@pytest.mark.usefixtures("english")  # asserts the English wording
def test_a_refused_command_is_named(readers) -> None:
    with EducationServer("127.0.0.1", 0) as server:
        game = ScriptedGame(server.port, refuse="glowstone")
        conn = server.wait_for_game(timeout=30)
        conn.set_block(0, 0, 0, 89)  # the lamp: glowstone
        conn.set_block(1, 0, 0, 1)
        with pytest.raises(CommandFailed, match=r"refused 1 commands: setblock 0 0 0 glowstone"):
            conn.barrier()
        conn.close()
        game.report()


def test_a_second_game_is_turned_away(readers) -> None:
    with EducationServer("127.0.0.1", 0) as server:
        first = ScriptedGame(server.port)
        conn = server.wait_for_game(timeout=30)
        second = ScriptedGame(server.port)
        assert second.report()["commands"] == 0  # closed at once
        conn.close()
        first.report()


def test_big_boxes_are_cut_to_the_fill_limit() -> None:
    stone = named_block("stone", NamedEdition.BEDROCK)
    assert fill_command(Box(0, 0, 0, 31, 31, 31), stone) == "fill 0 0 0 31 31 31 smooth_stone"
    with pytest.raises(ValueError, match="at most 32768"):
        fill_command(Box(0, 0, 0, 32, 31, 31), stone)
    parts = _within_fill_limit(Box(0, 0, 0, 199, 40, 199))
    assert all(part.volume <= FILL_LIMIT for part in parts)
    assert sum(part.volume for part in parts) == 200 * 41 * 200


def test_messages_from_old_and_new_games_parse() -> None:
    new = {
        "header": {"messagePurpose": "event", "eventName": "PlayerMessage", "version": 17039360},
        "body": {"message": "!stem 2", "sender": "Alice", "type": "chat", "receiver": ""},
    }
    old = {
        "header": {"messagePurpose": "event", "version": 1},
        "body": {
            "eventName": "PlayerMessage",
            "properties": {"Message": "!stem 1", "Sender": "Bo", "MessageType": "chat"},
        },
    }
    said = {"header": {"messagePurpose": "event", "eventName": "PlayerMessage"},
            "body": {"message": "hi", "sender": "Bo", "type": "say"}}  # fmt: skip
    assert parse_message(json.dumps(new)).is_chat and parse_message(json.dumps(old)).is_chat
    assert parse_message(json.dumps(old)).sender == "Bo"
    assert not parse_message(json.dumps(said)).is_chat
    assert parse_message("not json").purpose == "invalid"
    assert parse_message("[1, 2]").purpose == "invalid"


def test_jagten_education_waits_builds_and_reports(readers) -> None:
    estate = load_estate(SMALLEST)
    model = generate(estate)
    port = free_port()
    game = ScriptedGame(port, region=region_of(model, (0, -61, 0)))
    result = CliRunner().invoke(
        main, ["education", SMALLEST, "--port", str(port), "--host", "127.0.0.1", "--wait", "30"]
    )
    seen = game.report()
    assert result.exit_code == 0, result.output
    assert f"/connect 127.0.0.1:{port}" in result.output
    assert "Bygget Mosebøllehaven i Minecraft Education" in result.output
    names = np.array(seen["names"] + ["(never set)"], dtype=object)[np.array(seen["voxels"])]
    expected = expected_names(named_model(model, NamedEdition.BEDROCK))
    assert mismatches(names.reshape(model.size), expected) == []


@pytest.mark.usefixtures("english")  # asserts the English wording
def test_jagten_education_says_when_no_game_comes() -> None:
    result = CliRunner().invoke(
        main, ["education", SMALLEST, "--port", str(free_port()), "--host", "127.0.0.1",
               "--wait", "1"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "No Minecraft Education connected" in result.output
