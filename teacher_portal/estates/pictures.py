"""Pictures of the class's estate state: a decision's site before and after it, and the
whole estate as a lesson's build will build it.

Drawing takes a fraction of a second and pages ask again and again, so pictures are kept by
what they show (estate, variants, decisions with their blocks), never by row ids alone.
"""

import json

from minecraft_scripts.estate_state import site_close_up, state_model
from minecraft_scripts.preview import isometric_tile, png_bytes, render_isometric
from teacher_portal.core.extensions import db
from teacher_portal.estates.decisions import decisions_before
from teacher_portal.estates.state import estate_state, state_key, stored_estate
from teacher_portal.game.previews import preview_png
from teacher_portal.models import ClassEstate, EstateDecision, SchoolClass

KEPT = 64
_pictures: dict[str, bytes] = {}


def decision_png(decision: EstateDecision, moment: str) -> bytes:
    """The site before the decision, or after it ("before" / "after")."""
    rows = decisions_before(decision)
    if moment == "after":
        rows = [*rows, decision]
    estate = db.session.get(ClassEstate, decision.class_estate_id)
    key = f"{state_key(estate, rows)}/{decision.site_id}"
    if key not in _pictures:
        state = estate_state(estate, rows)
        close_up = site_close_up(state_model(state), state.estate, decision.site_id)
        tile = isometric_tile(close_up, target_width=900)
        _keep(key, png_bytes(render_isometric(close_up, tile)))
    return _pictures[key]


def planned_png(
    school_class: SchoolClass, estate_id: str, lesson_variants: dict[str, str]
) -> bytes:
    """The whole estate as a lesson's build will build it: the lesson's variants where the
    class has decided nothing, and the class's decisions."""
    stored = stored_estate(school_class, estate_id)
    if stored is None:
        return preview_png(estate_id, lesson_variants)
    state = estate_state(stored).with_base(lesson_variants)
    key = f"{state_key(stored)}/planned/{json.dumps(lesson_variants, sort_keys=True)}"
    if key not in _pictures:
        _keep(key, png_bytes(render_isometric(state_model(state))))
    return _pictures[key]


def _keep(key: str, picture: bytes) -> None:
    _pictures[key] = picture
    while len(_pictures) > KEPT:
        _pictures.pop(next(iter(_pictures)))
