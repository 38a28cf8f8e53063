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
