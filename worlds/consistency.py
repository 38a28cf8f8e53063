"""Rules of an estate file that span several fields.

pydantic checks each value on its own; here we check that features lie inside
the estate and their site, that ids are unique, that sites do not overlap and
that every site's default names one of its variants; then (once those hold) that
buildings, plots and sites do not overlap (``worlds.overlaps``). Each issue names
the field to fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from worlds.datafile import FieldIssue
from worlds.error_messages import did_you_mean
from worlds.geometry import Rect
from worlds.language import _
from worlds.overlaps import overlap_issues

if TYPE_CHECKING:
    from worlds.schema import Estate

Loc = tuple[str | int, ...]


def estate_issues(estate: Estate) -> list[FieldIssue]:
    """Every cross-field problem of ``estate``, in file order."""
    bounds = Rect(0, 0, estate.size[0] - 1, estate.size[1] - 1)
    where = _("the estate (%(area)s)", area=bounds.describe())
    issues = features_issues(estate.features, ("features",), bounds, where)
    issues += unique_ids(_feature_ids(estate), _("feature"))
    sites = ((("sites", i, "id"), s.id) for i, s in enumerate(estate.sites))
    issues += unique_ids(sites, _("site"))
    issues += unique_ids(
        ((("plots", i, "id"), p.id) for i, p in enumerate(estate.plots)), _("plot")
    )
    for index, site in enumerate(estate.sites):
        issues += _site_issues(site, ("sites", index), bounds, where)
    issues += _overlapping_sites(estate)
    for index, plot in enumerate(estate.plots):
        issues += _outside(plot.footprint(), bounds, ("plots", index, "at"), where)
    issues += _terrain_issues(estate, bounds, where)
    if estate.meeting_point is not None:
        point = Rect.at(estate.meeting_point, (1, 1))
        issues += _outside(point, bounds, ("meeting_point",), where)
    if not issues:
        issues += overlap_issues(estate)
    return issues


def _terrain_issues(estate: Estate, bounds: Rect, where: str) -> list[FieldIssue]:
    """Terraces and slopes inside the estate; ponds no deeper than the land under them."""
    if estate.terrain is None:
        heights = None
        issues = []
    else:
        issues = [FieldIssue(("terrain", *i.loc), i.message) for i in estate.terrain.issues()]
        for field in ("terraces", "slopes"):
            for index, part in enumerate(getattr(estate.terrain, field)):
                issues += _outside(part.footprint(), bounds, ("terrain", field, index, "at"), where)
        heights = None if issues else estate.terrain.heights(estate.size)
    for loc, feature in _located_features(estate):
        if getattr(feature, "type", "") != "pond" or not bounds.contains(feature.footprint()):
            continue
        water = feature.water()
        ground = 0
        if heights is not None:
            r = water.rect
            ground = int(heights[r.x1 : r.x2 + 1, r.z1 : r.z2 + 1][water.cells].min())
        if feature.depth > ground + 1:
            message = _(
                "the pond is %(depth)s deep but the ground there lies at %(ground)s: make it "
                "at most %(most)s deep, or raise the land with a terrace",
                depth=feature.depth, ground=ground, most=ground + 1,
            )  # fmt: skip
            issues.append(FieldIssue((*loc, "depth"), message))
    return issues


def _located_features(estate: Estate) -> Iterable[tuple[Loc, Any]]:
    for index, feature in enumerate(estate.features):
        yield ("features", index), feature
    for site_index, site in enumerate(estate.sites):
        for variant_index, variant in enumerate(site.variants):
            for index, feature in enumerate(variant.features):
                yield ("sites", site_index, "variants", variant_index, "features", index), feature


def features_issues(
    features: Sequence[Any], loc: Loc, bounds: Rect, where: str
) -> list[FieldIssue]:
    """Each feature's own rules, and that it lies within ``bounds``."""
    issues = []
    for index, feature in enumerate(features):
        feature_loc = (*loc, index)
        for issue in feature.issues() if hasattr(feature, "issues") else []:
            issues.append(FieldIssue((*feature_loc, *issue.loc), issue.message))
        anchor = _anchor(feature)
        issues += _outside(feature.footprint(), bounds, (*feature_loc, anchor), where)
    return issues


def unique_ids(located_ids: Iterable[tuple[Loc, str | None]], kind: str) -> list[FieldIssue]:
    """Point at every repeat of an id already used above."""
    first_seen: dict[str, Loc] = {}
    issues = []
    for loc, identifier in located_ids:
        if identifier is None:
            continue
        if identifier in first_seen:
            message = _(
                "the %(kind)s id '%(id)s' is used twice; ids must be unique",
                kind=kind,
                id=identifier,
            )
            issues.append(FieldIssue(loc, message))
        else:
            first_seen[identifier] = loc
    return issues


def _site_issues(site: Any, loc: Loc, bounds: Rect, where: str) -> list[FieldIssue]:
    area = site.footprint()
    issues = _outside(area, bounds, (*loc, "at"), where)
    ids = site.variant_ids()
    if site.default not in ids:
        hint = did_you_mean(site.default, ids)
        message = _(
            "the default variant '%(variant)s' does not exist; %(hint)s",
            variant=site.default,
            hint=hint,
        )
        issues.append(FieldIssue((*loc, "default"), message))
    variant_ids = ((((*loc, "variants", i, "id")), v.id) for i, v in enumerate(site.variants))
    issues += unique_ids(variant_ids, _("variant"))
    for index, variant in enumerate(site.variants):
        features_loc = (*loc, "variants", index, "features")
        where_in_site = _("its site (%(area)s)", area=area.describe())
        issues += features_issues(variant.features, features_loc, area, where_in_site)
    return issues


def _overlapping_sites(estate: Estate) -> list[FieldIssue]:
    """Sites must not overlap, so that switching one never changes another."""
    issues = []
    for index, site in enumerate(estate.sites):
        for other in estate.sites[:index]:
            if site.footprint().overlaps(other.footprint()):
                message = _(
                    "the site overlaps site '%(other)s'; move or shrink one of them", other=other.id
                )
                issues.append(FieldIssue(("sites", index, "at"), message))
    return issues


def _outside(rect: Rect, bounds: Rect, loc: Loc, where: str) -> list[FieldIssue]:
    if bounds.contains(rect):
        return []
    message = _("reaches outside %(where)s: it covers %(area)s", where=where, area=rect.describe())
    return [FieldIssue(loc, message)]


def _feature_ids(estate: Estate) -> Iterable[tuple[Loc, str | None]]:
    for index, feature in enumerate(estate.features):
        yield ("features", index, "id"), feature.id
    for site_index, site in enumerate(estate.sites):
        for variant_index, variant in enumerate(site.variants):
            for index, feature in enumerate(variant.features):
                loc = ("sites", site_index, "variants", variant_index, "features", index, "id")
                yield loc, feature.id


def _anchor(feature: Any) -> str:
    """The field that places a feature, for pointing at it: at, outline, wings or points."""
    for field in ("at", "outline", "wings", "points"):
        if getattr(feature, field, None):
            return field
    return "type"
