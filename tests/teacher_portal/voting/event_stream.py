"""Reading the projector's live results as a browser's EventSource does."""

from collections.abc import Iterator


def stream_events(response) -> Iterator[tuple[str, str]]:
    """(event, data) pairs from a text/event-stream response, as they arrive."""
    event, data = "message", []
    for raw in response:
        line = raw.decode().rstrip("\n")
        if not line:
            if data:
                yield event, "\n".join(data)
            event, data = "message", []
        elif line.startswith("event: "):
            event = line[7:]
        elif line.startswith("data: "):
            data.append(line[6:])
