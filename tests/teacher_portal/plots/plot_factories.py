"""Plot test data without a game server: a built estate row, groups in plots, captures made
from key arrays, proposals; call inside `app.app_context()`."""

import numpy as np

from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db
from teacher_portal.models import (
    ClassEstate,
    Group,
    PlotAssignment,
    PlotCapture,
    Proposal,
    SchoolClass,
)
from tests.teacher_portal.factories import saved

ESTATE = "tranebaerparken"


def built_estate(school_class: SchoolClass, estate_id: str = ESTATE) -> ClassEstate:
    """The class's estate as if a build had finished."""
    estate = ClassEstate(
        class_id=school_class.id,
        estate_id=estate_id,
        origin_x=5000,
        origin_y=0,
        origin_z=0,
        built_at=utcnow(),
    )
    return saved(estate)


def tower_keys(height: int = 4, key: int = 45 * 16, size: tuple = (14, 24, 14)) -> np.ndarray:
    keys = np.zeros(size, dtype=np.int32)
    keys[3:6, :height, 3:6] = key
    return keys


def store_capture(
    school_class: SchoolClass, plot_id: str, keys: np.ndarray, estate_id: str = ESTATE
) -> PlotCapture:
    capture = PlotCapture(
        class_id=school_class.id, estate_id=estate_id, plot_id=plot_id, edition="minetest"
    )
    capture.keys = keys
    return saved(capture)


def group_in_plot(
    school_class: SchoolClass, name: str, plot_id: str, estate_id: str = ESTATE
) -> Group:
    group = Group(class_id=school_class.id, name=name)
    db.session.add(group)
    db.session.flush()
    db.session.add(
        PlotAssignment(
            class_id=school_class.id, estate_id=estate_id, plot_id=plot_id, group_id=group.id
        )
    )
    db.session.commit()
    db.session.refresh(group)
    db.session.expunge(group)
    return group


def write_proposal(group: Group, title: str, estate_id: str = ESTATE, **argument: str) -> Proposal:
    proposal = Proposal(
        class_id=group.class_id, estate_id=estate_id, group_id=group.id, title=title, **argument
    )
    return saved(proposal)


def fill_plots_loop(school_class: SchoolClass) -> ClassEstate:
    """A class through the whole loop: groups in plots, proposals, captures, a vote on them
    and three decisions (a variant, a group's build, one undone)."""
    from teacher_portal.models import EstateDecision
    from teacher_portal.models.voting import VotingTask

    estate = built_estate(school_class)
    group = group_in_plot(school_class, "Ravnene", "gruppe_1")
    group_in_plot(school_class, "Mågerne", "gruppe_2")
    write_proposal(group, "Den grønne stue")
    capture = store_capture(school_class, "gruppe_1", tower_keys(3))
    store_capture(school_class, "gruppe_2", tower_keys(0))
    task = VotingTask(
        class_id=school_class.id,
        question="Hvilket forslag?",
        estate_id=ESTATE,
        site_id="legepladsen",
        options=[{"key": "1", "label": "Den grønne stue", "variant": None, "capture": capture.id}],
    )
    db.session.add(task)
    db.session.flush()
    for fields in (
        {"variant_id": "natur", "label": "Naturlegeplads"},
        {"capture_id": capture.id, "label": "Den grønne stue", "voting_task_id": task.id},
        {"variant_id": "aktiv", "label": "Aktivitetsplads", "undone_at": utcnow()},
    ):
        db.session.add(EstateDecision(class_estate_id=estate.id, site_id="legepladsen", **fields))
    db.session.commit()
    return estate


PLOT_TABLES = ("ClassEstate", "EstateDecision", "PlotAssignment", "PlotCapture", "Proposal")
"""The plots loop's models; a class's deletion takes its rows in all of them."""
