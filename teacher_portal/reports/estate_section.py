"""The report's estate: each estate the class worked on, before and after its decisions.

A decision is a closed vote on a site's variants with a winner; applied in the order the
votes closed, they turn the estate as it stood before the first one into the estate the
class chose. Both are pictured, measured as a planner would (density, green, step-free
homes, hours of sun) and drawn as shadow maps. An estate without decisions is shown once.
"""

from dataclasses import dataclass

from flask_babel import gettext as _

from teacher_portal.game.previews import preview_png
from teacher_portal.lesson_runs import plans
from teacher_portal.reports import measures
from teacher_portal.reports.measure_view import MeasureView, measure_view
from teacher_portal.reports.scope import Picture, ReportScope
from teacher_portal.reports.votes_section import before_variants, closed_tasks
from teacher_portal.voting.winner import winning_variant
from worlds.datafile import DataFileError

WIDE = 170  # millimetres: the text width of an A4 page
HALF = 82


@dataclass(frozen=True)
class Decision:
    """The class's choice of one variant for one site, and the vote that made it."""

    estate_id: str
    site_id: str
    variant_id: str
    question: str


@dataclass(frozen=True)
class EstateEntry:
    name: str
    description: str
    before: Picture
    after: Picture | None  # None: no decisions, `before` is the estate as it is
    decisions: list[str]  # "The playground: Natural play", in the order they were made
    measures: MeasureView | None
    shadow_before: Picture | None
    shadow_after: Picture | None


def class_decisions(scope: ReportScope) -> list[tuple[Decision, dict[str, str]]]:
    """Each decision with the variants that stood before it."""
    found = []
    for task in closed_tasks(scope):
        variant = winning_variant(task) if task.builds else None
        if variant:
            decision = Decision(task.estate_id, task.site_id, variant, task.question)
            found.append((decision, before_variants(task)))
    return found


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
    decisions = class_decisions(scope)
    entries = []
    for estate_id in _estate_ids(scope, [decision.estate_id for decision, _b in decisions]):
        own = [(d, before) for d, before in decisions if d.estate_id == estate_id]
        try:
            entries.append(_entry(scope, estate_id, own))
        except (DataFileError, LookupError):
            continue  # an estate file that no longer loads leaves out its part only
    if entries and scope.cover_picture is None:
        scope.cover_picture = entries[0].after or entries[0].before
    return entries or None


def _entry(
    scope: ReportScope, estate_id: str, decisions: list[tuple[Decision, dict[str, str]]]
) -> EstateEntry:
    estate = scope.estate(estate_id)
    language = scope.language
    name = estate.name.get(language)
    description = estate.description.get(language) if estate.description else ""
    if not decisions:
        picture = _picture(scope, f"estate-{estate_id}-before", estate_id, {}, name)
        return EstateEntry(name, description, picture, None, [], None, None, None)
    first = dict(decisions[0][1])
    last = dict(first)
    said = []
    for decision, _before in decisions:
        last[decision.site_id] = decision.variant_id
        site = estate.site(decision.site_id)
        variant = site.variant(decision.variant_id)
        said.append(f"{site.name.get(language)}: {variant.name.get(language)}")
    before = _picture(scope, f"estate-{estate_id}-before", estate_id, first,
                      _("%(estate)s before the class's decisions", estate=name))  # fmt: skip
    after = _picture(scope, f"estate-{estate_id}-after", estate_id, last,
                     _("%(estate)s with the class's decisions", estate=name))  # fmt: skip
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


def _picture(
    scope: ReportScope, name: str, estate_id: str, variants: dict[str, str], alt: str
) -> Picture:
    return scope.picture(name, lambda: preview_png(estate_id, variants), alt, WIDE)


def _shadow(
    scope: ReportScope, name: str, estate_id: str, variants: dict[str, str], alt: str
) -> Picture:
    language = scope.language
    return scope.picture(
        name, lambda: measures.shadow_map(estate_id, variants, language), alt, HALF
    )
