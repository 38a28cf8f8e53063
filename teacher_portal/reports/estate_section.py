"""The report's estate: each estate the class worked on, before and after its decisions.

A decision is a closed vote on a site's variants with a winner; applied in the order the
votes closed, they turn the estate as it stood before the first one into the estate the
class chose. Both are pictured, measured as a planner would (density, green, step-free
homes, hours of sun) and drawn as shadow maps. An estate without decisions is shown once.
"""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select

from teacher_portal.core.extensions import db
from teacher_portal.estates import measures
from teacher_portal.estates.decisions import decisions_before
from teacher_portal.estates.pictures import state_png
from teacher_portal.estates.state import estate_state, standing_decisions
from teacher_portal.game.previews import preview_png
from teacher_portal.lesson_runs import plans
from teacher_portal.models import ClassEstate, EstateDecision, VotingTask
from teacher_portal.reports.measure_view import MeasureView, measure_view
from teacher_portal.reports.scope import Picture, ReportScope
from worlds.datafile import DataFileError

WIDE = 170  # millimetres: the text width of an A4 page
HALF = 82


@dataclass(frozen=True)
class EstateEntry:
    name: str
    description: str
    before: Picture
    after: Picture | None  # None: no decisions, `before` is the estate as it is
    decisions: list[str]  # "The playground: Natural play", in the order they were made
    measures: MeasureView | None  # None too when a group's own build was chosen (below)
    shadow_before: Picture | None
    shadow_after: Picture | None


def class_decisions(scope: ReportScope) -> dict[str, tuple[ClassEstate, list[EstateDecision]]]:
    """Each estate the class decided about, with the standing decisions the report covers,
    oldest first (an undone decision is not the class's any more)."""
    estates = db.session.scalars(
        select(ClassEstate)
        .where(ClassEstate.class_id == scope.school_class.id)
        .order_by(ClassEstate.id)
    )
    found = {}
    for estate in estates:
        rows = [row for row in standing_decisions(estate) if _covered(scope, row)]
        if rows:
            found[estate.estate_id] = (estate, rows)
    return found


def _covered(scope: ReportScope, decision: EstateDecision) -> bool:
    task = db.session.get(VotingTask, decision.voting_task_id) if decision.voting_task_id else None
    return scope.covers(task.lesson_run_id if task else None, decision.decided_at)


def _estate_ids(scope: ReportScope, decided: list[str]) -> list[str]:
    ids = list(dict.fromkeys(decided))
    for run in scope.runs:
        try:
            estate_id = plans.lesson(run.lesson_id).estate
        except (DataFileError, LookupError):
            continue
        if estate_id not in ids:
            ids.append(estate_id)
    return ids


def build_estates(scope: ReportScope) -> list[EstateEntry] | None:
    decided = class_decisions(scope)
    entries = []
    for estate_id in _estate_ids(scope, list(decided)):
        try:
            if estate_id in decided:
                entries.append(_decided_entry(scope, *decided[estate_id]))
            else:
                entries.append(_undecided_entry(scope, estate_id))
        except (DataFileError, LookupError):
            continue  # an estate file that no longer loads leaves out its part only
    if entries and scope.cover_picture is None:
        scope.cover_picture = entries[0].after or entries[0].before
    return entries or None


def _undecided_entry(scope: ReportScope, estate_id: str) -> EstateEntry:
    estate = scope.estate(estate_id)
    name = estate.name.get(scope.language)
    description = estate.description.get(scope.language) if estate.description else ""
    picture = scope.picture(
        f"estate-{estate_id}-before", lambda: preview_png(estate_id, {}), name, WIDE
    )
    return EstateEntry(name, description, picture, None, [], None, None, None)


def _decided_entry(
    scope: ReportScope, stored: ClassEstate, rows: list[EstateDecision]
) -> EstateEntry:
    estate_id, language = stored.estate_id, scope.language
    estate = scope.estate(estate_id)
    name = estate.name.get(language)
    description = estate.description.get(language) if estate.description else ""
    earlier = decisions_before(rows[0])
    later = [row for row in standing_decisions(stored) if row.id <= rows[-1].id]
    said = [f"{estate.site(row.site_id).name.get(language)}: {row.label}" for row in rows]
    before_alt = _("%(estate)s before the class's decisions", estate=name)
    after_alt = _("%(estate)s with the class's decisions", estate=name)
    before = scope.picture(
        f"estate-{estate_id}-before", lambda: state_png(stored, earlier), before_alt, WIDE
    )
    after = scope.picture(
        f"estate-{estate_id}-after", lambda: state_png(stored, later), after_alt, WIDE
    )
    if any(row.capture_id is not None for row in rows):
        # The measures count designed variants; a group's own build would go unmeasured.
        return EstateEntry(name, description, before, after, said, None, None, None)
    first = estate_state(stored, earlier).variants()
    last = estate_state(stored, later).variants()
    old = scope.measures(estate_id, first, sun_map=True)
    new = scope.measures(estate_id, last, sun_map=True)
    if old is None or new is None:
        return EstateEntry(name, description, before, after, said, None, None, None)
    shadows = [
        _shadow(scope, f"shadow-{estate_id}-{when}", estate_id, variants, alt)
        for when, variants, alt in (
            ("before", first, _("Hours of sun before")),
            ("after", last, _("Hours of sun after")),
        )
    ]
    view = measure_view(old, new, language)
    return EstateEntry(name, description, before, after, said, view, *shadows)


def _shadow(
    scope: ReportScope, name: str, estate_id: str, variants: dict[str, str], alt: str
) -> Picture:
    language = scope.language
    return scope.picture(
        name, lambda: measures.shadow_map(estate_id, variants, language), alt, HALF
    )
