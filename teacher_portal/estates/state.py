"""The class's estate now: its rows in the database turned into the pure `EstateState`.

Builds, pictures and exports all ask here, so none of them can forget a decision.
"""

import hashlib
import json
from typing import Any

from sqlalchemy import select

from minecraft_scripts.estate_state import (
    Decision,
    EstateState,
    ProposalDecision,
    VariantDecision,
    state_model,
)
from minecraft_scripts.palette import Edition
from minecraft_scripts.plots import CapturedBuild
from minecraft_scripts.voxels import VoxelModel
from teacher_portal.core.extensions import db
from teacher_portal.estates.catalog import load_estate
from teacher_portal.game.areas import planned_origin
from teacher_portal.lesson_runs.runs import class_phase
from teacher_portal.models import ClassEstate, EstateDecision, PlotCapture, SchoolClass


def class_estate(school_class: SchoolClass, estate_id: str) -> ClassEstate:
    """The class's row for this estate, made (at the class's place) the first time; every
    build places it in the class's area again (`build_jobs.estate_in_area`)."""
    found = stored_estate(school_class, estate_id)
    if found is not None:
        return found
    x, y, z = planned_origin(school_class)
    made = ClassEstate(
        class_id=school_class.id, estate_id=estate_id, origin_x=x, origin_y=y, origin_z=z
    )
    db.session.add(made)
    db.session.flush()
    return made


def stored_estate(school_class: SchoolClass, estate_id: str) -> ClassEstate | None:
    """The class's row for this estate, if it has one (never made here)."""
    return db.session.scalar(
        select(ClassEstate).where(
            ClassEstate.class_id == school_class.id, ClassEstate.estate_id == estate_id
        )
    )


def current_estate_id(school_class: SchoolClass) -> str | None:
    """The estate the class works on: the running lesson's, else the one built last."""
    now = class_phase(school_class)
    if now is not None:
        return now.plan.estate
    last = db.session.scalar(
        select(ClassEstate)
        .where(ClassEstate.class_id == school_class.id)
        .order_by(ClassEstate.built_at.desc().nulls_last(), ClassEstate.id.desc())
    )
    return last.estate_id if last is not None else None


def estate_origin(school_class: SchoolClass, estate_id: str) -> tuple[int, int, int]:
    """Where the class's estate stands (or will stand) in the world."""
    stored = stored_estate(school_class, estate_id)
    return stored.origin if stored is not None else planned_origin(school_class)


def standing_decisions(estate: ClassEstate) -> list[EstateDecision]:
    """The decisions not undone, oldest first (a later one on a site replaces an earlier)."""
    return [decision for decision in estate.decisions if decision.stands]


def captured_build(capture: PlotCapture) -> CapturedBuild:
    return CapturedBuild(capture.plot_id, Edition(capture.edition), capture.keys)


def _as_decision(row: EstateDecision) -> Decision:
    if row.capture_id is None:
        return VariantDecision(row.site_id, row.variant_id or "")
    capture = db.session.get(PlotCapture, row.capture_id)
    return ProposalDecision(row.site_id, captured_build(capture), row.anchor)  # type: ignore[arg-type]


def estate_state(estate: ClassEstate, decisions: list[EstateDecision] | None = None) -> EstateState:
    """The state with the given decisions (default: those standing now)."""
    rows = standing_decisions(estate) if decisions is None else decisions
    return EstateState(
        load_estate(estate.estate_id),
        dict(estate.base_variants or {}),
        tuple(_as_decision(row) for row in rows),
    )


def variants_now(school_class: SchoolClass, estate_id: str) -> dict[str, str]:
    """The variants standing in the class's estate now; the estate's defaults (empty) when
    the class has none stored. What the planner's measures of "now" are taken of."""
    stored = stored_estate(school_class, estate_id)
    return estate_state(stored).variants() if stored is not None else {}


def state_key(estate: ClassEstate, decisions: list[EstateDecision] | None = None) -> str:
    """Names what the state holds (estate, variants, decisions and their blocks), never row
    ids alone: pictures of it can be kept under this key."""
    rows = standing_decisions(estate) if decisions is None else decisions
    parts: list[Any] = [estate.estate_id, estate.base_variants]
    for row in rows:
        capture = db.session.get(PlotCapture, row.capture_id) if row.capture_id else None
        blocks = hashlib.sha256(capture.keys_data).hexdigest() if capture else None
        parts.append([row.site_id, row.variant_id, row.anchor, blocks])
    return json.dumps(parts, sort_keys=True)


def estate_now(school_class: SchoolClass, estate_id: str | None = None) -> VoxelModel | None:
    """The class's estate as it stands now, as voxels: what an exporter writes out."""
    estate_id = estate_id or current_estate_id(school_class)
    estate = stored_estate(school_class, estate_id) if estate_id else None
    if estate is None:
        return None
    return state_model(estate_state(estate))
