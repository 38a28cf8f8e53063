"""Voting test data: tasks in a class, opened or not; call inside `app.app_context()`."""

from typing import Any

from teacher_portal.core.extensions import db
from teacher_portal.models import SchoolClass
from teacher_portal.models.voting import VotingTask
from teacher_portal.voting.options import text_options, variant_options

OPTIONS = ["Legeplads", "Køkkenhave", "Bænke"]


def create_task(school_class: SchoolClass, *, state: str = "open", **fields: Any) -> VotingTask:
    """A task with three written options (or `site=(estate, site)` for variants)."""
    site = fields.pop("site", None)
    if site is not None:
        fields.update(estate_id=site[0], site_id=site[1], options=variant_options(*site, "da"))
    fields.setdefault("options", text_options(OPTIONS))
    fields.setdefault("question", "Hvad skal gården have?")
    task = VotingTask(class_id=school_class.id, state=state, **fields)
    db.session.add(task)
    db.session.commit()
    db.session.refresh(task)
    db.session.expunge(task)
    return task
