"""Framing of Minecraft Education's (and Bedrock's) WebSocket protocol: pure functions.

The game connects to us when a player types `/connect HOST:PORT`. Every message is JSON
`{"header": {...}, "body": {...}}`: we send `subscribe` (body `eventName`) and
`commandRequest` (body `commandLine`), each with a fresh `requestId`; the game answers each
command with a `commandResponse` (or an `error`) carrying the same `requestId` and a
`statusCode` (0 = done), and reports subscribed events as `event` messages, e.g.
`PlayerMessage` with the `sender` and the `message` typed in chat. Mojang never documented
the protocol; these formats follow the public write-ups of it (see docs/exports.md).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from minecraft_scripts.game_text import safe_chat_text
from minecraft_scripts.palette import NamedBlock
from minecraft_scripts.voxels import Box

FILL_LIMIT = 32_768
"""`/fill` refuses larger boxes."""
MAX_IN_FLIGHT = 100
"""The game keeps at most about 100 commands waiting for an answer and drops the rest."""
CHAT_EVENT = "PlayerMessage"
CHAT_TYPES = frozenset({"chat"})
"""`PlayerMessage` also reports `say`, `tell`, `me` and titles; votes come as plain chat."""


@dataclass(frozen=True)
class Incoming:
    """A message from the game, reduced to what the toolkit uses."""

    purpose: str
    request_id: str = ""
    status_code: int = 0
    status_message: str = ""
    event_name: str = ""
    sender: str = ""
    message: str = ""
    chat_type: str = ""

    @property
    def is_answer(self) -> bool:
        return self.purpose in ("commandResponse", "error")

    @property
    def is_chat(self) -> bool:
        return (
            self.purpose == "event"
            and self.event_name == CHAT_EVENT
            and self.chat_type in CHAT_TYPES
            and bool(self.sender)
        )


def _envelope(purpose: str, body: dict) -> tuple[str, str]:
    request_id = str(uuid.uuid4())
    header = {
        "version": 1,
        "requestId": request_id,
        "messagePurpose": purpose,
        "messageType": "commandRequest",
    }
    return request_id, json.dumps({"header": header, "body": body}, ensure_ascii=False)


def subscribe(event_name: str = CHAT_EVENT) -> str:
    return _envelope("subscribe", {"eventName": event_name})[1]


def command_request(command_line: str) -> tuple[str, str]:
    """(request id, message) for one command, run as the connected player."""
    body = {"version": 1, "commandLine": command_line, "origin": {"type": "player"}}
    return _envelope("commandRequest", body)


def parse_message(text: str | bytes) -> Incoming:
    """A message from the game; anything unreadable becomes purpose `invalid`."""
    try:
        data = json.loads(text)
        header, body = data.get("header", {}), data.get("body", {})
    except (ValueError, AttributeError):
        return Incoming("invalid")
    if not isinstance(header, dict) or not isinstance(body, dict):
        return Incoming("invalid")
    properties = body.get("properties") if isinstance(body.get("properties"), dict) else {}
    return Incoming(
        purpose=str(header.get("messagePurpose", "")),
        request_id=str(header.get("requestId", "")),
        status_code=_int(body.get("statusCode", 0)),
        status_message=str(body.get("statusMessage", "")),
        event_name=str(header.get("eventName") or body.get("eventName") or ""),
        sender=str(body.get("sender") or properties.get("Sender") or ""),
        message=str(body.get("message") or properties.get("Message") or ""),
        chat_type=str(body.get("type") or properties.get("MessageType") or "chat"),
    )


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return -1


def fill_command(box: Box, block: NamedBlock) -> str:
    """`fill` for one box of at most `FILL_LIMIT` blocks (the planner keeps to that)."""
    if box.volume > FILL_LIMIT:
        raise ValueError(f"{box} holds {box.volume} blocks; fill takes at most {FILL_LIMIT}")
    if box.volume == 1:
        return f"setblock {box.x1} {box.y1} {box.z1} {block.bedrock_command_text}"
    corners = f"{box.x1} {box.y1} {box.z1} {box.x2} {box.y2} {box.z2}"
    return f"fill {corners} {block.bedrock_command_text}"


def chat_command(text: str) -> str:
    """`tellraw @a`: a line in everyone's chat without a sender's name in front."""
    raw = json.dumps({"rawtext": [{"text": safe_chat_text(text)}]}, ensure_ascii=False)
    return f"tellraw @a {raw}"
