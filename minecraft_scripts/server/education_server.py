"""The WebSocket server Minecraft Education connects to with `/connect HOST:PORT`.

One game at a time: a second connection is turned away while the first is open. Each
connection's messages are read in the server's thread for it; the toolkit gets the
connection from `wait_for_game` and talks to it from its own thread.
"""

from __future__ import annotations

import queue
import threading
from types import TracebackType

from websockets.sync.server import Server, ServerConnection, serve

from minecraft_scripts.server.connection import GameConnectionError
from minecraft_scripts.server.education import ANSWER_TIMEOUT, EducationConnection
from minecraft_scripts.server.education_protocol import MAX_IN_FLIGHT, subscribe
from minecraft_scripts.server.ports import EDUCATION_PORT
from worlds.language import _, number


class EducationError(GameConnectionError):
    """The WebSocket server could not start, or no game connected in time."""


class EducationServer:
    """Listens for Minecraft Education's `/connect` and hands out the connected game."""

    def __init__(
        self, host: str = "0.0.0.0", port: int = EDUCATION_PORT, *,
        max_in_flight: int = MAX_IN_FLIGHT, timeout: float = ANSWER_TIMEOUT,
    ) -> None:  # fmt: skip
        self.host, self.port = host, port
        self.max_in_flight, self.timeout = max_in_flight, timeout
        self._arrivals: queue.Queue[EducationConnection] = queue.Queue()
        self._current: EducationConnection | None = None
        self._server: Server | None = None

    def start(self) -> None:
        try:
            self._server = serve(
                self._handle, self.host, self.port, ping_interval=None, max_size=2**20
            )
        except OSError as error:
            address, reason = f"{self.host}:{self.port}", error.strerror or str(error)
            message = _(
                "Cannot listen on %(address)s (%(reason)s): another program uses the port; "
                "choose another with --port.",
                address=address, reason=reason,
            )  # fmt: skip
            raise EducationError(message) from error
        self.port = self._server.socket.getsockname()[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def _handle(self, websocket: ServerConnection) -> None:
        if self._current is not None and not self._current.closed:
            websocket.close(1013, "another game is already connected")
            return
        connection = EducationConnection(
            websocket, max_in_flight=self.max_in_flight, timeout=self.timeout
        )
        self._current = connection
        websocket.send(subscribe())
        self._arrivals.put(connection)
        connection.read_until_closed()

    def wait_for_game(self, timeout: float | None = None) -> EducationConnection:
        """The next game to connect; `EducationError` if none does within `timeout` s."""
        try:
            return self._arrivals.get(timeout=timeout)
        except queue.Empty:
            message = _("No Minecraft Education connected to port %(port)s within %(seconds)s s.",
                        port=self.port, seconds=number(timeout or 0))  # fmt: skip
            raise EducationError(message) from None

    def stop(self) -> None:
        if self._current is not None:
            self._current.close()
        if self._server is not None:
            self._server.shutdown()
            self._server = None

    def __enter__(self) -> EducationServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
