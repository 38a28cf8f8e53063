"""A vote's live results: every change that the projector shows announces itself.

Casting, opening, closing and showing the result call `changed(task_id)` inside their
transaction; projectors in every process wait with `wait_for_change`
(`teacher_portal.background.live`: LISTEN/NOTIFY on PostgreSQL, in memory on SQLite).
"""

from teacher_portal.background import live


def topic(task_id: int) -> str:
    return f"vote:{task_id}"


def changed(task_id: int) -> None:
    live.announce(topic(task_id))


def version(task_id: int) -> int:
    return live.version(topic(task_id))


def wait_for_change(task_id: int, seen: int, timeout: float) -> int:
    return live.wait(topic(task_id), seen, timeout)
