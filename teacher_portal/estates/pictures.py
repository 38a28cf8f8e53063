"""Before and after pictures of a decision: close-ups of its site in the class's estate state.

Drawing takes a fraction of a second and pages ask again and again, so pictures are kept by
what they show (estate, variants, decisions with their blocks), never by row ids alone.
"""

import hashlib
import json

from minecraft_scripts.estate_state import site_close_up, state_model
from minecraft_scripts.preview import isometric_tile, png_bytes, render_isometric
from teacher_portal.core.extensions import db
from teacher_portal.estates.decisions import decisions_before
from teacher_portal.estates.state import estate_state
from teacher_portal.models import ClassEstate, EstateDecision, PlotCapture

KEPT = 64
_pictures: dict[str, bytes] = {}


def decision_png(decision: EstateDecision, moment: str) -> bytes:
    """The site before the decision, or after it ("before" / "after")."""
    rows = decisions_before(decision)
    if moment == "after":
        rows = [*rows, decision]
    estate = db.session.get(ClassEstate, decision.class_estate_id)
    key = _content_key(estate, rows, decision.site_id)
    if key not in _pictures:
        state = estate_state(estate, rows)
        close_up = site_close_up(state_model(state), state.estate, decision.site_id)
        tile = isometric_tile(close_up, target_width=900)
        _pictures[key] = png_bytes(render_isometric(close_up, tile))
        while len(_pictures) > KEPT:
            _pictures.pop(next(iter(_pictures)))
    return _pictures[key]


def _content_key(estate: ClassEstate, rows: list[EstateDecision], site_id: str) -> str:
    parts = [estate.estate_id, estate.base_variants, site_id]
    for row in rows:
        capture = db.session.get(PlotCapture, row.capture_id) if row.capture_id else None
        blocks = hashlib.sha256(capture.keys_data).hexdigest() if capture else None
        parts.append([row.site_id, row.variant_id, row.anchor, blocks])
    return json.dumps(parts, sort_keys=True)
