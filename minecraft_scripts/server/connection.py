"""The one I/O edge to a game server that speaks the mcpi protocol.

`mcpi.connection.Connection` reads each reply through a new `makefile()` (so lines
buffered by the previous one are lost), sends one command per `sendall`, and cannot say
which pipelined command a `Fail` belongs to. `GameConnection` fixes that: one persistent
reader, pipelined writes with an explicit barrier, failures attributed to their command,
time-outs, reconnection with back-off, and every text argument sanitised. It also offers
mcpi's `send`/`receive`/`sendReceive`/`drain`, so `mcpi.minecraft.Minecraft(conn)` works,
with chat capped as `post_to_chat` caps it. A reply that is not mcpi (another program on
the port) is named as such, with the address.
"""

import contextlib
import socket
import time
from collections import deque
from collections.abc import Iterable, Iterator
from types import TracebackType

import numpy as np

from minecraft_scripts.game_text import safe_chat_text
from minecraft_scripts.server.ports import MCPI_PORT
from minecraft_scripts.server.protocol import (
    SYNC_ARGS,
    SYNC_COMMAND,
    Command,
    encode_command,
    is_fail,
    parse_block_ids,
    parse_blocks_with_data,
    region,
)
from worlds.language import _

FLUSH_BYTES = 64 * 1024
IN_FLIGHT_BYTES = 8 * 1024 * 1024
"""How much `replies` sends ahead of the replies it has read."""
RECONNECT_DELAYS = (0.2, 0.5, 1.0, 2.0, 4.0, 8.0)


class GameConnectionError(Exception):
    """Anything that went wrong talking to the game server."""


class GameServerUnreachable(GameConnectionError):
    """No game server answers at the address."""


class ConnectionLost(GameConnectionError):
    """The server closed the connection or stopped answering."""


class NotMcpi(GameConnectionError):
    """Something answers at the address, but not in the mcpi protocol."""


class CommandFailed(GameConnectionError):
    """The server answered `Fail` to a command (or dropped us while running it)."""

    def __init__(self, message: str, commands: list[Command]) -> None:
        super().__init__(message)
        self.commands = commands


def parse_address(address: str) -> tuple[str, int]:
    """`HOST:PORT` or `HOST` → (host, port), with a message a teacher can act on."""
    host, _colon, port_text = address.strip().rpartition(":")
    if not host:
        return address.strip(), MCPI_PORT
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ValueError(
            _("'%(address)s' is not HOST:PORT, e.g. 127.0.0.1:%(port)s", address=address,
              port=MCPI_PORT)
        )  # fmt: skip
    return host.strip("[]"), int(port_text)


class GameConnection:
    """A pipelined, self-healing connection to one game server."""

    def __init__(
        self, host: str = "127.0.0.1", port: int = MCPI_PORT, *, timeout: float = 10.0
    ) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self._socket: socket.socket | None = None
        self._reader = None
        self._outbox: list[Command] = []
        self._outbox_bytes = 0
        self._unacknowledged: list[Command] = []
        self._connect()

    @classmethod
    def from_address(cls, address: str, *, timeout: float = 10.0) -> "GameConnection":
        host, port = parse_address(address)
        return cls(host, port, timeout=timeout)

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    # -- connecting ---------------------------------------------------------------

    def _connect(self) -> None:
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
        except OSError as error:
            message = _(
                "No game server answers at %(address)s (%(reason)s). Start it (`jagten "
                "minetest`, or Minecraft with RaspberryJuice) and check the address and port.",
                address=self.address,
                reason=error.strerror or str(error),
            )
            raise GameServerUnreachable(message) from error
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._socket, self._reader = sock, sock.makefile("rb")

    def _disconnect(self) -> None:
        for closable in (self._reader, self._socket):
            if closable is not None:
                with contextlib.suppress(OSError):
                    closable.close()
        self._socket = self._reader = None

    def reconnect(self) -> None:
        """Connect again, backing off while the server restarts."""
        self._disconnect()
        self._outbox.clear()
        self._outbox_bytes = 0
        self._unacknowledged.clear()
        for delay in (0.0, *RECONNECT_DELAYS):
            time.sleep(delay)
            try:
                self._connect()
                return
            except GameServerUnreachable as error:
                last_error = error
        raise last_error

    def _ensure_connected(self) -> None:
        if self._socket is None:
            self.reconnect()

    # -- writing and reading --------------------------------------------------------

    def send(self, command: str | bytes, *args: object) -> None:
        """Queue a fire-and-forget command; it goes out with the next flush."""
        self._ensure_connected()
        if command in ("chat.post", b"chat.post"):  # mcpi's postToChat comes this way too
            args = (safe_chat_text(",".join(str(arg) for arg in args)),)
        encoded = encode_command(command, *args)
        self._outbox.append(encoded)
        self._outbox_bytes += len(encoded.line)
        if self._outbox_bytes >= FLUSH_BYTES:
            self.flush()

    def flush(self) -> None:
        """Write everything queued in as few `sendall` calls as possible."""
        if not self._outbox:
            return
        self._ensure_connected()
        batch, self._outbox, self._outbox_bytes = self._outbox, [], 0
        self._unacknowledged.extend(batch)
        data = b"".join(command.line for command in batch)
        try:
            for start in range(0, len(data), FLUSH_BYTES):
                self._socket.sendall(data[start : start + FLUSH_BYTES])
        except OSError as error:
            self._lose(_("while sending %(count)s commands", count=len(batch)), error)

    def _read_line(self) -> str:
        try:
            raw = self._reader.readline()
        except OSError as error:
            self._lose(_("while waiting for a reply"), error)
        if not raw:
            self._lose(_("the server closed the connection"), None)
        return raw.decode("utf-8", "replace").rstrip("\r\n")

    def _lose(self, what: str, error: OSError | None) -> None:
        self._disconnect()
        reason = f": {error}" if error else ""
        message = _("Lost the game server at %(address)s %(what)s", address=self.address, what=what)
        raise ConnectionLost(f"{message}{reason}.")

    def barrier(self) -> None:
        """Return once the server has run every command sent so far.

        Commands on one connection run in order, so the reply to a query sent last
        proves all earlier ones ran. `Fail` lines before it belong to earlier commands.
        """
        self.flush()
        if not self._unacknowledged:
            return
        window = list(self._unacknowledged)
        try:
            self._socket.sendall(encode_command(SYNC_COMMAND, *SYNC_ARGS).line)
            failures = 0
            while is_fail(reply := self._read_line()):
                failures += 1
        except ConnectionLost:
            self._unacknowledged.clear()
            self._raise_for(window, _("dropped the connection while running"))
        self._unacknowledged.clear()
        if not reply.lstrip("-").isdigit():  # the barrier's getBlock answers a block id
            raise self._not_mcpi(reply)
        if failures:
            self._raise_for(window, _("answered Fail to"))

    def _raise_for(self, window: list[Command], what: str) -> None:
        """Name the failing command: replay an idempotent batch one command at a time."""
        culprits = self._find_culprits(window) if len(window) > 1 else window
        shown = "; ".join(str(c) for c in culprits[:3])
        shown = shown or _("one of %(count)s commands", count=len(window))
        message = _("The game server at %(address)s %(what)s: %(commands)s",
                    address=self.address, what=what, commands=shown)  # fmt: skip
        raise CommandFailed(message, culprits)

    def _find_culprits(self, window: list[Command]) -> list[Command]:
        if not all(command.idempotent for command in window):
            return []
        culprits = []
        for command in window:
            self._ensure_connected()
            try:
                self._socket.sendall(command.line + encode_command(SYNC_COMMAND, *SYNC_ARGS).line)
                first = self._read_line()
                if is_fail(first):
                    culprits.append(command)
                    self._read_line()
            except (ConnectionLost, OSError):
                self._disconnect()
                culprits.append(command)
        return culprits

    def query(self, command: str | bytes, *args: object) -> str:
        """Send a command that has a reply and return that reply.

        Earlier commands are settled first, so a `Fail` here belongs to this query.
        Queries change nothing, so one is retried once over a fresh connection.
        """
        self.barrier()
        encoded = encode_command(command, *args)
        for attempt in (1, 2):
            self._ensure_connected()
            try:
                self._socket.sendall(encoded.line)
                reply = self._read_line()
                break
            except (ConnectionLost, OSError):
                self._disconnect()
                if attempt == 2:
                    raise
        if is_fail(reply):
            message = _("The game server at %(address)s refused %(command)s",
                        address=self.address, command=str(encoded))  # fmt: skip
            raise CommandFailed(message, [encoded])
        return reply

    def _not_mcpi(self, reply: str) -> NotMcpi:
        """A reply no mcpi server gives: a web server or another program owns the port."""
        shown = reply if len(reply) <= 60 else reply[:57] + "..."
        return NotMcpi(
            _(
                "The program at %(address)s does not speak mcpi: it answered %(reply)s. Check "
                "the address and port of Minetest with pycraft, or Minecraft with "
                "RaspberryJuice (usually port %(port)s).",
                address=self.address,
                reply=repr(shown),
                port=MCPI_PORT,
            )
        )

    def replies(self, commands: Iterable[Command]) -> Iterator[str]:
        """Pipeline queries: send them ahead (up to `IN_FLIGHT_BYTES`) and yield each reply
        in order, so a server runs many in one step. A lost connection raises at once,
        without reconnecting; stopping early drops the connection, whose unread replies
        would otherwise answer later queries."""
        self.barrier()
        self._ensure_connected()
        pending = iter(commands)
        in_flight: deque[Command] = deque()
        in_flight_bytes = 0
        try:
            while True:
                while in_flight_bytes < IN_FLIGHT_BYTES and (command := next(pending, None)):
                    self._send_now(command)
                    in_flight.append(command)
                    in_flight_bytes += len(command.line)
                if not in_flight:
                    return
                reply = self._read_line()
                command = in_flight.popleft()
                in_flight_bytes -= len(command.line)
                if is_fail(reply):
                    message = _("The game server at %(address)s refused %(command)s",
                                address=self.address, command=str(command))  # fmt: skip
                    raise CommandFailed(message, [command])
                yield reply
        finally:
            if in_flight:
                self._disconnect()

    def _send_now(self, command: Command) -> None:
        try:
            self._socket.sendall(command.line)
        except OSError as error:
            self._lose("while sending", error)

    def query_if_known(self, command: str, *args: object) -> str | None:
        """The reply to a command some servers do not know, or None: pycraft answers an
        unknown command with nothing and RaspberryJuice with `Fail`, so a barrier query
        follows it. The command's own reply must not be a bare number, as the barrier's is."""
        self.barrier()
        self._ensure_connected()
        self._send_now(encode_command(command, *args))
        self._send_now(encode_command(SYNC_COMMAND, *SYNC_ARGS))
        first = self._read_line()
        if first.lstrip("-").isdigit():
            return None
        try:
            barrier = self._read_line()
        except ConnectionLost:
            barrier = ""
        if not barrier.lstrip("-").isdigit():  # no mcpi server answers a barrier so
            raise self._not_mcpi(first)
        return None if is_fail(first) else first

    # -- mcpi compatibility -----------------------------------------------------------

    def receive(self) -> str:
        return self._read_line()

    def sendReceive(self, command: str | bytes, *args: object) -> str:  # mcpi calls it so
        return self.query(command, *args)

    def drain(self) -> None:
        """mcpi calls this before each send; our reader never leaves stray lines."""

    # -- the commands the toolkit uses ------------------------------------------------

    def set_block(self, x: int, y: int, z: int, block_id: int, data: int = 0) -> None:
        self.send("world.setBlock", x, y, z, block_id, data)

    def set_blocks(
        self, x1: int, y1: int, z1: int, x2: int, y2: int, z2: int, block_id: int, data: int = 0
    ) -> None:
        self.send("world.setBlocks", x1, y1, z1, x2, y2, z2, block_id, data)

    def get_block(self, x: int, y: int, z: int) -> int:
        reply = self.query("world.getBlock", x, y, z)
        try:
            return int(reply)
        except ValueError:
            raise self._not_mcpi(reply) from None

    def get_blocks(self, x1: int, y1: int, z1: int, x2: int, y2: int, z2: int) -> np.ndarray:
        """Block ids of a region as an array indexed [x - min x, y - min y, z - min z]."""
        low, high, size = region(x1, y1, z1, x2, y2, z2)
        reply = self.query("world.getBlocks", *low, *high)
        try:
            return parse_block_ids(reply, size)
        except ValueError:
            raise self._not_mcpi(reply) from None

    def get_blocks_with_data(
        self, x1: int, y1: int, z1: int, x2: int, y2: int, z2: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """Ids and data values of a region (pycraft only: RaspberryJuice has no such query)."""
        low, high, size = region(x1, y1, z1, x2, y2, z2)
        reply = self.query("world.getBlocksWithData", *low, *high)
        try:
            return parse_blocks_with_data(reply, size)
        except ValueError:
            raise self._not_mcpi(reply) from None

    def post_to_chat(self, text: str) -> None:
        self.send("chat.post", text)

    def chat_posts_reply(self) -> str:
        """The raw `events.chat.posts` reply; `minecraft_scripts.chat_votes` parses it,
        since the two servers escape `|` and `,` differently."""
        return self.query("events.chat.posts")

    def player_id(self, name: str) -> int | None:
        """The entity id of an online player, or None (both servers answer Fail)."""
        try:
            return int(self.query("world.getPlayerId", name))
        except (CommandFailed, ValueError):
            return None

    def close(self) -> None:
        try:
            if self._socket is not None:
                self.flush()
        except ConnectionLost:
            pass
        self._disconnect()

    def __enter__(self) -> "GameConnection":
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
