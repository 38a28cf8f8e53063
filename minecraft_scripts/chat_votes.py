"""Votes typed in the game chat: `!stem 2` (or `!vote 2`, `!stem 2 3 1` to rank).

The servers report chat as `events.chat.posts` → `entityId,message|entityId,message`.
pycraft (Minetest) escapes `&` as `&amp;` and `|` as `&#124;` inside messages;
RaspberryJuice (Spigot) escapes nothing, so a message with a `|` splits into pieces. We
parse defensively: a piece that does not start with `<entity id>,` continues the message
before it. (A RaspberryJuice message that itself contains `|<digits>,` stays ambiguous.)

Counting is the portal's job: the listener only turns chat into `ChatVote`s, hands each to
a callback and posts the callback's answer back in chat (the connection sanitises it).
"""

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from minecraft_scripts.server.connection import GameConnection, GameConnectionError
from worlds.language import Language, _, using_language

_POST_START = re.compile(r"-?\d+,")
_PYCRAFT_ESCAPE = re.compile(r"&(amp|#124);")
_VOTE_COMMAND = re.compile(r"\s*!\s*(stem|vote)(?![^\W\d])\s*(.*?)\s*", re.IGNORECASE)
_CHOICE_SEPARATOR = re.compile(r"[\s,;]+")


class ChatFormat(Enum):
    """How a server escapes chat messages in `events.chat.posts`."""

    PYCRAFT = "pycraft"
    RASPBERRYJUICE = "raspberryjuice"


@dataclass(frozen=True)
class ChatPost:
    entity_id: int
    message: str


@dataclass(frozen=True)
class ChatVote:
    """A parsed vote: option numbers as shown in the game, 1-based, best first."""

    player_name: str | None
    entity_id: int
    choices: tuple[int, ...]


class InvalidVoteCommand(ValueError):
    """`!stem` followed by something that is not a list of distinct option numbers."""


def parse_chat_posts(reply: str, chat_format: ChatFormat = ChatFormat.PYCRAFT) -> list[ChatPost]:
    """Chat posts from an `events.chat.posts` reply, messages unescaped."""
    pieces: list[list] = []
    for piece in reply.split("|") if reply else []:
        if _POST_START.match(piece):
            entity_id, _, message = piece.partition(",")
            pieces.append([int(entity_id), message])
        elif pieces:
            pieces[-1][1] += "|" + piece
    if chat_format is ChatFormat.PYCRAFT:
        return [ChatPost(entity_id, _unescape_pycraft(text)) for entity_id, text in pieces]
    return [ChatPost(entity_id, text) for entity_id, text in pieces]


def _unescape_pycraft(text: str) -> str:
    """pycraft's `s:gsub("&", "&amp;"):gsub("|", "&#124;")`, reversed in one pass."""
    return _PYCRAFT_ESCAPE.sub(lambda match: "&" if match[1] == "amp" else "|", text)


def parse_vote_command(message: str) -> tuple[int, ...] | None:
    """The option numbers of a `!stem`/`!vote` command, or None for any other chat.

    Case and spacing are free (`! STEM  2, 3`); numbers must be whole, 1 or more and
    distinct, else `InvalidVoteCommand`.
    """
    match = _VOTE_COMMAND.fullmatch(message)
    if match is None:
        return None
    words = [word for word in _CHOICE_SEPARATOR.split(match[2]) if word]
    if not words or not all(word.isascii() and word.isdigit() for word in words):
        raise InvalidVoteCommand(f"not option numbers: {match[2]!r}")
    choices = tuple(int(word) for word in words)
    if 0 in choices or len(set(choices)) != len(choices):
        raise InvalidVoteCommand(f"options must be distinct numbers from 1: {match[2]!r}")
    return choices


class ChatVoteListener:
    """Polls a game server's chat and hands each vote command to `on_vote`.

    `on_vote` returns the answer to post in chat (or None). Player names come from the
    connection's `player_names()` when it has one, otherwise from asking the server for
    the id of each name in `known_names` (pycraft cannot name an entity id).
    """

    def __init__(
        self,
        connection: GameConnection,
        on_vote: Callable[[ChatVote], str | None],
        *,
        interval: float = 1.0,
        chat_format: ChatFormat = ChatFormat.PYCRAFT,
        known_names: Iterable[str] = (),
        language: Language = "da",
    ) -> None:
        self.connection, self.on_vote = connection, on_vote
        self.interval, self.chat_format, self.language = interval, chat_format, language
        self.known_names = tuple(known_names)
        self.names: dict[int, str] = {}
        self.polls = 0

    def poll_once(self) -> list[ChatVote]:
        """Read the chat posts since the last poll and handle them."""
        self.polls += 1
        return self.handle_reply(self.connection.chat_posts_reply())

    def handle_reply(self, reply: str) -> list[ChatVote]:
        """Parse one `events.chat.posts` reply, call `on_vote` for each vote, answer."""
        votes = []
        for post in parse_chat_posts(reply, self.chat_format):
            try:
                choices = parse_vote_command(post.message)
            except InvalidVoteCommand:
                name = self.player_name(post.entity_id) or "?"
                with using_language(self.language):
                    help_line = _("%(name)s: type e.g. !vote 2 (or !vote 2 3 1 to rank)", name=name)
                self.connection.post_to_chat(help_line)
                continue
            if choices is None:
                continue
            vote = ChatVote(self.player_name(post.entity_id), post.entity_id, choices)
            votes.append(vote)
            answer = self.on_vote(vote)
            if answer:
                self.connection.post_to_chat(answer)
        self.connection.barrier()
        return votes

    def player_name(self, entity_id: int) -> str | None:
        """The name of the player with this entity id, refreshing the map when unknown."""
        if entity_id not in self.names:
            self.names = self._current_names()
        return self.names.get(entity_id)

    def _current_names(self) -> dict[int, str]:
        player_names = getattr(self.connection, "player_names", None)
        if callable(player_names):
            return dict(player_names())
        names = {}
        for name in self.known_names:
            entity_id = self.connection.player_id(name)
            if entity_id is not None:
                names[entity_id] = name
        return names

    def run(
        self,
        stop: threading.Event,
        on_error: Callable[[GameConnectionError], None] | None = None,
    ) -> None:
        """Poll every `interval` seconds until `stop` is set; errors go to `on_error`
        (the connection reconnects on its next use), so a server restart does not end it."""
        while not stop.is_set():
            try:
                self.poll_once()
            except GameConnectionError as error:
                if on_error is not None:
                    on_error(error)
            stop.wait(self.interval)
