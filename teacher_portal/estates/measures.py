"""The planner's measures of an estate with chosen variants, worked out in the background
and kept: the report, the ballot and the vote page all ask here.

`measure()` casts the sun's rays through the voxels of the whole estate: about a second for
a small estate and ten for Tranebærparken on a busy two-core school server, too long for a
web request. So the first page that needs a set of measures queues it on one worker thread
of the portal process and shows itself without them: the report reloads itself when they
are ready (`report.js`), a ballot shows an option's effect once they are, and a PDF waits
for them. Results are kept per estate and variant choice for the life of the process.
"""

import io
import json
import logging
import math
import threading
from collections import OrderedDict
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as WaitTimeout
from functools import lru_cache

from minecraft_scripts.generate import generate
from minecraft_scripts.measures import Measures, measure
from minecraft_scripts.measures.shadow_map import render_shadow_map
from teacher_portal.estates.catalog import load_estate

log = logging.getLogger(__name__)

PRINT_WAIT = 300.0
"""Seconds a PDF waits for one set of measures before it prints without them."""
KEPT = 64
"""Sets of measures kept; the oldest go first (a sun map is a float per cell)."""
SHADOW_MAP_PIXELS = 1000
"""The shadow map is drawn at least this wide, enough for 150 dpi across 17 cm."""

Key = tuple[str, str, bool]

_lock = threading.Lock()
_futures: OrderedDict[Key, Future] = OrderedDict()
_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="estate-measures")


def _key(estate_id: str, variants: Mapping[str, str], sun_map: bool) -> Key:
    return estate_id, json.dumps(dict(variants), sort_keys=True), sun_map


def _compute(estate_id: str, variants_json: str, sun_map: bool) -> Measures:
    estate = load_estate(estate_id)
    return measure(estate, json.loads(variants_json), sun_everywhere=sun_map)


def _future(estate_id: str, variants: Mapping[str, str], sun_map: bool) -> Future:
    """The computation of these measures, queued once; measures with a sun map serve a
    request without one too (the places' sun is the same)."""
    with _lock:
        for key in (_key(estate_id, variants, True), _key(estate_id, variants, sun_map)):
            if key in _futures:
                _futures.move_to_end(key)
                return _futures[key]
        key = _key(estate_id, variants, sun_map)
        future = _worker.submit(_compute, *key)
        _futures[key] = future
        while len(_futures) > KEPT:
            _futures.popitem(last=False)
        return future


def measures(
    estate_id: str, variants: Mapping[str, str], *, sun_map: bool = False, wait: float = 0
) -> Measures | None:
    """The measures if they are ready within `wait` seconds; None while they are being
    worked out, or when they cannot be (logged: the page goes on without them)."""
    future = _future(estate_id, variants, sun_map)
    try:
        return future.result(timeout=wait)
    except WaitTimeout:
        return None
    except Exception:  # a page without measures beats no page; the log says why
        log.exception("no measures of %s with %s", estate_id, dict(variants))
        return None


def forget() -> None:
    """Drop every kept set of measures (e.g. after an estate file changed); sets being worked
    out finish, but nobody waits for them any more."""
    with _lock:
        _futures.clear()


def pending(estate_id: str, variants: Mapping[str, str], *, sun_map: bool = False) -> bool:
    """Whether these measures are still being worked out."""
    return not _future(estate_id, variants, sun_map).done()


def shadow_map(estate_id: str, variants: Mapping[str, str], language: str) -> bytes:
    """The shadow map as PNG (waits for its measures); raises `LookupError` without them."""
    return _shadow_map(estate_id, json.dumps(dict(variants), sort_keys=True), language)


@lru_cache(maxsize=16)
def _shadow_map(estate_id: str, variants_json: str, language: str) -> bytes:
    variants = json.loads(variants_json)
    found = measures(estate_id, variants, sun_map=True, wait=PRINT_WAIT)
    if found is None or found.sun_map is None:
        raise LookupError(f"no sun map of {estate_id}")
    model = generate(load_estate(estate_id), variants)
    scale = math.ceil(SHADOW_MAP_PIXELS / max(model.size[0], model.size[2]))
    buffer = io.BytesIO()
    picture = render_shadow_map(model, found, language, min(scale, 12))
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
