"""What the connection sends and says when the other end is not the game (issue 11,
point 16): mcpi's own chat path is capped, and a program that does not speak mcpi is named.

No game server is involved: a plain loopback TCP listener records what arrives and answers
what another program on the port would answer.
"""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from click.testing import CliRunner
from mcpi.minecraft import Minecraft

from minecraft_scripts.game_text import CHAT_LIMIT
from minecraft_scripts.server.connection import GameConnection, GameConnectionError, NotMcpi
from teacher_portal.cli import main

pytestmark = pytest.mark.usefixtures("english")


@contextmanager
def line_server(answer: bytes | None) -> Iterator[tuple[int, list[bytes]]]:
    """A loopback server that records each line and answers `answer` (or nothing)."""
    received: list[bytes] = []

    class Handler(socketserver.StreamRequestHandler):
        def handle(self) -> None:
            for line in self.rfile:
                received.append(line)
                if answer is not None:
                    self.wfile.write(answer)

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], received
    finally:
        server.shutdown()
        server.server_close()


def test_mcpi_chat_through_our_connection_is_capped_like_post_to_chat() -> None:
    with line_server(answer=b"0\n") as (port, received):
        connection = GameConnection("127.0.0.1", port, timeout=5)
        Minecraft(connection).postToChat("a" * 10_000 + "\nplayer.setTile(0,0,0)")
        connection.barrier()
        connection.close()
    chat = [line for line in received if line.startswith(b"chat.post(")]
    assert chat == [b"chat.post(" + b"a" * CHAT_LIMIT + b")\n"]


def test_a_program_answering_nonsense_is_named_with_its_address() -> None:
    with line_server(answer=b"Hello from another program\n") as (port, _):
        connection = GameConnection("127.0.0.1", port, timeout=5)
        with pytest.raises(NotMcpi, match=f"127.0.0.1:{port} does not speak mcpi"):
            connection.get_blocks(0, 0, 0, 2, 2, 2)
        connection.set_block(0, 0, 0, 1)
        with pytest.raises(NotMcpi, match="it answered 'Hello from another program'"):
            connection.barrier()
        connection.close()


def test_a_build_against_a_program_answering_nonsense_says_so() -> None:
    with line_server(answer=b"SSH-2.0-OpenSSH_9.2\n") as (port, _):
        result = CliRunner().invoke(
            main, ["build", "mosebollehaven", "--server", f"127.0.0.1:{port}"]
        )
    assert result.exit_code == 2, result.output
    assert f"The program at 127.0.0.1:{port} does not speak mcpi" in result.output
    assert "unmatched data" not in result.output and "Traceback" not in result.output


def test_a_silent_program_times_out_with_a_message() -> None:
    with line_server(answer=None) as (port, _):
        connection = GameConnection("127.0.0.1", port, timeout=0.5)
        with pytest.raises(GameConnectionError, match=f"127.0.0.1:{port}"):
            connection.get_block(0, 0, 0)
        connection.close()
