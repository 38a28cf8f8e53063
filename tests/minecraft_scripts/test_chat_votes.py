"""Chat votes: parsing both servers' `events.chat.posts` replies and `!stem` commands,
and the listener's polling and answers against the real game server."""

import re
import threading

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from minecraft_scripts.chat_votes import (
    ChatFormat,
    ChatPost,
    ChatVote,
    ChatVoteListener,
    InvalidVoteCommand,
    parse_chat_posts,
    parse_vote_command,
)

# Recorded replies. pycraft's Lua: id .. "," .. s:gsub("&", "&amp;"):gsub("|", "&#124;").
PYCRAFT_REPLY = "1,!stem 2|2,hej &amp; farvel &#124; ok|1,!VOTE  3 1 2|3,&amp;#124;"
RASPBERRYJUICE_REPLY = "12,!stem 2|34,a|b, c|56,!vote 1,2"


def test_pycraft_reply_is_split_and_unescaped() -> None:
    assert parse_chat_posts(PYCRAFT_REPLY, ChatFormat.PYCRAFT) == [
        ChatPost(1, "!stem 2"),
        ChatPost(2, "hej & farvel | ok"),
        ChatPost(1, "!VOTE  3 1 2"),
        ChatPost(3, "&#124;"),
    ]


def test_raspberryjuice_pipes_inside_a_message_stay_in_it() -> None:
    assert parse_chat_posts(RASPBERRYJUICE_REPLY, ChatFormat.RASPBERRYJUICE) == [
        ChatPost(12, "!stem 2"),
        ChatPost(34, "a|b, c"),
        ChatPost(56, "!vote 1,2"),
    ]


def test_empty_reply_has_no_posts() -> None:
    assert parse_chat_posts("", ChatFormat.PYCRAFT) == []
    assert parse_chat_posts("", ChatFormat.RASPBERRYJUICE) == []


messages = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
posts = st.lists(st.tuples(st.integers(-5, 10**6), messages), max_size=6)


def _pycraft_reply(items: list[tuple[int, str]]) -> str:
    return "|".join(
        f"{entity},{text.replace('&', '&amp;').replace('|', '&#124;')}" for entity, text in items
    )


@given(posts)
def test_pycraft_round_trip(items: list[tuple[int, str]]) -> None:
    parsed = parse_chat_posts(_pycraft_reply(items), ChatFormat.PYCRAFT)
    assert [(post.entity_id, post.message) for post in parsed] == items


@given(posts)
def test_raspberryjuice_round_trip(items: list[tuple[int, str]]) -> None:
    """Unescaped: exact unless a message itself holds `|<digits>,` (truly ambiguous)."""
    assume(not any(re.search(r"\|-?\d+,", text) for _, text in items))
    reply = "|".join(f"{entity},{text}" for entity, text in items)
    parsed = parse_chat_posts(reply, ChatFormat.RASPBERRYJUICE)
    assert [(post.entity_id, post.message) for post in parsed] == items


@pytest.mark.parametrize(
    ("message", "choices"),
    [
        ("!stem 2", (2,)),
        ("!vote 2", (2,)),
        ("  !STEM   2  ", (2,)),
        ("! Vote 3", (3,)),
        ("!stem2", (2,)),
        ("!stem 2 3 1", (2, 3, 1)),
        ("!stem 2,3, 1", (2, 3, 1)),
        ("hej med dig", None),
        ("!stemme 2", None),
        ("stem 2", None),
    ],
)
def test_vote_commands(message: str, choices: tuple[int, ...] | None) -> None:
    assert parse_vote_command(message) == choices


@pytest.mark.parametrize("message", ["!stem", "!stem to", "!stem 0", "!stem 2 2", "!vote -1"])
def test_malformed_vote_commands(message: str) -> None:
    with pytest.raises(InvalidVoteCommand):
        parse_vote_command(message)


@given(
    st.lists(st.integers(1, 99), min_size=1, max_size=6, unique=True),
    st.sampled_from(["!stem ", "!vote ", "! STEM ", "!Vote\t"]),
    st.sampled_from([" ", ",", " , ", "  "]),
)
def test_vote_command_round_trip(choices: list[int], command: str, separator: str) -> None:
    assert parse_vote_command(command + separator.join(map(str, choices))) == tuple(choices)


@pytest.mark.game_server
def test_listener_polls_the_real_server_until_stopped(game) -> None:
    listener = ChatVoteListener(game, lambda vote: None, interval=0.05)
    stop, errors = threading.Event(), []
    thread = threading.Thread(target=listener.run, args=(stop, errors.append))
    thread.start()
    while listener.polls < 3 and thread.is_alive():
        stop.wait(0.05)
    stop.set()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert errors == []
    assert listener.polls >= 3


@pytest.mark.game_server
def test_listener_hands_votes_over_and_answers_in_the_real_chat(game) -> None:
    """The server cannot fake player chat, so a recorded pycraft reply is fed in; the
    answers and the help text go to the real server, which must accept them."""
    received: list[ChatVote] = []

    def on_vote(vote: ChatVote) -> str:
        received.append(vote)
        return f"Tak, {vote.player_name or 'ukendt'}: stemme på {vote.choices[0]}\nsay hi"

    listener = ChatVoteListener(game, on_vote, known_names=["NoSuchPupil"])
    votes = listener.handle_reply("7,!stem 2|7,ikke en stemme|8,!stem x|9,! VOTE 3 1")
    assert votes == received == [ChatVote(None, 7, (2,)), ChatVote(None, 9, (3, 1))]
    assert listener.poll_once() == []
