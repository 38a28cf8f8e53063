"""Before and after pictures of a decision: close-ups of its site in the class's estate state,
drawn once per process for each (decision, moment, state)."""

import json
from functools import lru_cache

from minecraft_scripts.estate_state import site_close_up, state_model
from minecraft_scripts.preview import isometric_tile, png_bytes, render_isometric
from teacher_portal.core.extensions import db
from teacher_portal.estates.decisions import decisions_before
from teacher_portal.estates.state import estate_state
from teacher_portal.models import ClassEstate, EstateDecision


def decision_png(decision: EstateDecision, moment: str) -> bytes:
    """The site before the decision, or after it ("before" / "after")."""
    rows = decisions_before(decision)
    if moment == "after":
        rows = [*rows, decision]
    estate = db.session.get(ClassEstate, decision.class_estate_id)
    key = json.dumps([estate.base_variants, [row.id for row in rows]], sort_keys=True)
    return _cached(estate.id, decision.site_id, key)


@lru_cache(maxsize=64)
def _cached(estate_row_id: int, site_id: str, key: str) -> bytes:
    estate = db.session.get(ClassEstate, estate_row_id)
    ids = json.loads(key)[1]
    rows = [db.session.get(EstateDecision, row_id) for row_id in ids]
    state = estate_state(estate, rows)
    close_up = site_close_up(state_model(state), state.estate, site_id)
    return png_bytes(render_isometric(close_up, isometric_tile(close_up, target_width=900)))
