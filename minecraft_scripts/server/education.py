"""Minecraft Education as a game connection: a WebSocket server the game connects to.

A teacher types `/connect HOST:PORT` in a world with cheats on; the game is the client and
we are the server (`education_server`). `EducationConnection` then offers what the builder
and the chat-vote listener use of `GameConnection`: `set_blocks` and `set_block` with the
legacy ids the builder sends to a Java server (it detects no Minetest here), turned into
`fill`/`setblock` with Bedrock's block names; `barrier`; `post_to_chat`; and chat as an
`events.chat.posts` reply in pycraft's escaping, with `player_names`. Commands are paced
so that no more than `MAX_IN_FLIGHT` await an answer, as the game requires.

What the protocol cannot do: read blocks back (so a build here is never verified) and set
a sign's text (signs stand, blank). Nothing here has met a real Minecraft Education client
yet; the tests play the game's part with a scripted client that follows the published
message formats.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from numbers import Integral
from types import TracebackType

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import ServerConnection

from minecraft_scripts.palette import NamedEdition, named_block_for_legacy
from minecraft_scripts.server.connection import CommandFailed, ConnectionLost
from minecraft_scripts.server.education_protocol import (
    FILL_LIMIT,
    MAX_IN_FLIGHT,
    chat_command,
    command_request,
    fill_command,
    parse_message,
)
from minecraft_scripts.server.protocol import Command, encode_command
from minecraft_scripts.voxels import Box
from worlds.language import N_, _, number

ANSWER_TIMEOUT = 30.0
"""Seconds to wait for the game to answer before we call the connection lost."""


class EducationConnection:
    """One connected game; the builder's and the chat listener's `GameConnection` stand-in."""

    def __init__(
        self, websocket: ServerConnection, *, max_in_flight: int = MAX_IN_FLIGHT,
        timeout: float = ANSWER_TIMEOUT,
    ) -> None:  # fmt: skip
        self.websocket, self.max_in_flight, self.timeout = websocket, max_in_flight, timeout
        self._state = threading.Condition()
        self._waiting: dict[str, str] = {}
        self._failures: list[tuple[str, str]] = []
        self._chat: deque[tuple[str, str]] = deque(maxlen=10_000)
        self._entity_ids: dict[str, int] = {}
        self._closed = False
        self.commands_sent = 0
        self.most_in_flight = 0

    @property
    def address(self) -> str:
        host, port, *_ = self.websocket.remote_address
        return f"{host}:{port}"

    @property
    def closed(self) -> bool:
        return self._closed

    # -- the reader: runs in the server's thread for this connection ------------------

    def read_until_closed(self) -> None:
        """Sort every message from the game: answers release waiting commands, chat is
        kept for `chat_posts_reply`. Returns when the game disconnects."""
        try:
            for raw in self.websocket:
                self._receive(raw)
        except ConnectionClosed:
            pass
        finally:
            with self._state:
                self._closed = True
                self._state.notify_all()

    def _receive(self, raw: str | bytes) -> None:
        message = parse_message(raw)
        with self._state:
            if message.is_answer and message.request_id in self._waiting:
                command = self._waiting.pop(message.request_id)
                if message.purpose == "error" or message.status_code != 0:
                    self._failures.append((command, message.status_message))
                self._state.notify_all()
            elif message.is_chat:
                self._chat.append((message.sender, message.message))

    # -- sending commands -------------------------------------------------------------

    def run(self, command_line: str) -> None:
        """Send one command, waiting first while `max_in_flight` await an answer."""
        with self._state:
            self._wait_for(lambda: len(self._waiting) < self.max_in_flight, N_("a free slot"))
            request_id, text = command_request(command_line)
            self._waiting[request_id] = command_line  # before sending: the answer may be quick
            self.commands_sent += 1
            self.most_in_flight = max(self.most_in_flight, len(self._waiting))
        try:
            self.websocket.send(text)
        except ConnectionClosed as error:
            with self._state:
                self._closed = True
                self._state.notify_all()
            raise ConnectionLost(self._left()) from error

    def _left(self) -> str:
        return _("Minecraft Education at %(address)s left.", address=self.address)

    def _wait_for(self, ready, what: str) -> None:
        if not self._state.wait_for(lambda: self._closed or ready(), timeout=self.timeout):
            raise ConnectionLost(
                _(
                    "Minecraft Education at %(address)s gave no answer for %(seconds)s s "
                    "(waiting for %(what)s, %(count)s commands unanswered).",
                    address=self.address,
                    seconds=number(self.timeout),
                    what=_(what),
                    count=len(self._waiting),
                )
            )
        if self._closed:
            raise ConnectionLost(self._left())

    def barrier(self) -> None:
        """Return once the game has answered every command; raise if any failed."""
        with self._state:
            if self._waiting:
                self._wait_for(lambda: not self._waiting, N_("the last answers"))
            failures, self._failures = self._failures, []
        if failures:
            shown = "; ".join(f"{command}: {why}" for command, why in failures[:3])
            message = _("Minecraft Education at %(address)s refused %(count)s commands:",
                        address=self.address, count=len(failures))  # fmt: skip
            refused = [Command(command, command.encode()) for command, _why in failures]
            raise CommandFailed(f"{message} {shown}", refused)

    def flush(self) -> None:
        """Commands go out as they are sent."""

    # -- what the builder sends (mcpi commands with legacy ids) ---------------------------

    def set_blocks(
        self, x1: int, y1: int, z1: int, x2: int, y2: int, z2: int, block_id: int, data: int = 0
    ) -> None:
        block = named_block_for_legacy(block_id, data, NamedEdition.BEDROCK)
        for part in _within_fill_limit(Box.spanning((x1, y1, z1), (x2, y2, z2))):
            self.run(fill_command(part, block))

    def set_block(self, x: int, y: int, z: int, block_id: int, data: int = 0) -> None:
        self.set_blocks(x, y, z, x, y, z, block_id, data)

    def send(self, command: str | bytes, *args: object) -> None:
        """The mcpi commands the builder and the listener send, as Bedrock commands. A
        sign's text cannot be set by a command: the sign stands blank."""
        name = encode_command(command, *args).name
        numbers = [int(arg) for arg in args[:8] if isinstance(arg, Integral)]
        if name == "world.setBlocks":
            self.set_blocks(*numbers)
        elif name in ("world.setBlock", "world.setSign"):
            self.set_block(*numbers[:5])
        elif name == "chat.post":
            self.post_to_chat(" ".join(str(arg) for arg in args))
        else:
            raise CommandFailed(_("%(name)s has no Minecraft Education counterpart", name=name), [])

    def query(self, command: str | bytes, *args: object) -> str:
        """Nothing can be asked this way; `detect_edition` reads the refusal as "not
        Minetest", so the builder sends Java's legacy ids, which `set_blocks` names."""
        message = _("Minecraft Education cannot answer %(command)s over its WebSocket",
                    command=str(command))  # fmt: skip
        raise CommandFailed(message, [])

    def query_if_known(self, command: str, *args: object) -> str | None:
        """No command of the toolkit's Minetest mod exists here: the builder takes the
        cuboid path, as for any server without the mod."""
        return None

    def get_blocks(self, *corners: int):
        raise CommandFailed(
            _(
                "Minecraft Education cannot read blocks back over its WebSocket: build without "
                "a check (verify=False)"
            ),
            [],
        )

    get_blocks_with_data = get_blocks

    # -- chat -------------------------------------------------------------------------

    def post_to_chat(self, text: str) -> None:
        self.run(chat_command(text))

    def chat_posts_reply(self) -> str:
        """The chat since the last call, as pycraft answers `events.chat.posts`, so the
        chat-vote parser reads it unchanged (`ChatFormat.PYCRAFT`)."""
        with self._state:
            posts, self._chat = list(self._chat), deque(maxlen=self._chat.maxlen)
        return "|".join(
            f"{self._entity_id(sender)},{_pycraft_escaped(message)}" for sender, message in posts
        )

    def _entity_id(self, name: str) -> int:
        return self._entity_ids.setdefault(name, len(self._entity_ids) + 1)

    def player_names(self) -> dict[int, str]:
        return {entity_id: name for name, entity_id in self._entity_ids.items()}

    def player_id(self, name: str) -> int | None:
        return self._entity_ids.get(name)

    def close(self) -> None:
        with contextlib.suppress(ConnectionClosed, OSError):
            self.websocket.close()

    def __enter__(self) -> EducationConnection:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _pycraft_escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("|", "&#124;")


def _within_fill_limit(box: Box) -> list[Box]:
    """The box cut into slabs along x of at most `FILL_LIMIT` blocks each."""
    if box.volume <= FILL_LIMIT:
        return [box]
    _, sy, sz = box.size
    if sy * sz > FILL_LIMIT:
        return [part for y in range(box.y1, box.y2 + 1) for part in
                _within_fill_limit(Box(box.x1, y, box.z1, box.x2, y, box.z2))]  # fmt: skip
    width = FILL_LIMIT // (sy * sz)
    return [
        Box(x, box.y1, box.z1, min(box.x2, x + width - 1), box.y2, box.z2)
        for x in range(box.x1, box.x2 + 1, width)
    ]
