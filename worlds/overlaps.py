"""What may not share ground: buildings, plots and sites.

Errors, because the result would be broken in the game:
- two buildings' walls overlap (their blocks would cut through each other);
- a building's balconies, gardens, eaves or stair towers reach into another building;
- a building (with what stands out of it) stands partly in a site (a vote would cut it);
- a plot overlaps a site, a building, or another plot (its border and sign would be buried
  or shared).

Warnings, because real estates do look like this and the author may mean it:
- the balconies, gardens or eaves of two buildings meet (a shared hedge between gardens);
- a plot holds trees, benches, lamps or a sign (pupils build around them);
- trees, benches, lamps or a sign of the estate stand in a site (they stay in every variant).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from worlds.datafile import FieldIssue
from worlds.geometry import Rect
from worlds.language import N_, _
from worlds.shapes import CellMask

if TYPE_CHECKING:
    from worlds.schema import Estate

Loc = tuple[str | int, ...]
DETAIL_TYPES = frozenset({"trees", "benches", "lamps", "sign"})
KIND_NAMES = {
    "flats": N_("flats"), "common_house": N_("common house"), "row_houses": N_("row houses"),
    "reuse_station": N_("reuse station"), "lawn": N_("lawn"), "path": N_("path"),
    "road": N_("road"), "trees": N_("trees"), "playground": N_("playground"),
    "allotments": N_("allotments"), "parking": N_("parking"), "benches": N_("benches"),
    "lamps": N_("lamps"), "sign": N_("sign"), "bike_shed": N_("bike shed"),
    "carport": N_("carport"), "bin_enclosure": N_("bin enclosure"),
    "ball_court": N_("ball court"), "pond": N_("pond"),
}  # fmt: skip
"""Each feature type as messages name it (in Danish with its definite ending: "cykelskuret")."""


@dataclass(frozen=True)
class Placed:
    """A feature with where it stands in the file."""

    loc: Loc
    feature: Any

    @property
    def name(self) -> str:
        kind = self.feature.type
        kind = _(KIND_NAMES[kind]) if kind in KIND_NAMES else kind.replace("_", " ")
        if self.feature.id:
            return _("%(kind)s '%(id)s'", kind=kind, id=self.feature.id)
        return _("the %(kind)s at %(where)s", kind=kind, where=_dotted(self.loc))

    @property
    def anchor(self) -> Loc:
        for field in ("at", "outline", "wings", "points"):
            if getattr(self.feature, field, None):
                return (*self.loc, field)
        return self.loc


def overlap_issues(estate: Estate) -> list[FieldIssue]:
    """Every overlap that would break the estate in the game."""
    issues: list[FieldIssue] = []
    for scope in _scopes(estate):
        issues += _building_clashes(scope)
    for site in estate.sites:
        for placed in _buildings(_estate_features(estate)):
            shared = placed.feature.reach().common(CellMask.full(site.footprint()))
            if shared is not None:
                message = _(
                    "%(name)s stands partly in site '%(site)s' (%(area)s): a vote on the site "
                    "would cut it; move it out, or make it part of the site's variants",
                    name=placed.name, site=site.id, area=shared.describe(),
                )  # fmt: skip
                issues.append(FieldIssue(placed.anchor, message))
    issues += _plot_clashes(estate)
    return issues


def overlap_warnings(estate: Estate) -> list[FieldIssue]:
    """Overlaps that real estates have, worth a second look."""
    warnings: list[FieldIssue] = []
    for scope in _scopes(estate):
        buildings = _buildings(scope)
        for index, placed in enumerate(buildings):
            for other in buildings[:index]:
                shared = _attachments(placed).common(_attachments(other))
                walls = placed.feature.body().common(other.feature.body())
                if shared is not None and walls is None:
                    message = _(
                        "its balconies, gardens or eaves meet those of %(other)s (%(area)s); "
                        "fine if meant (a shared hedge), else move one",
                        other=other.name, area=shared.describe(),
                    )  # fmt: skip
                    warnings.append(FieldIssue(placed.anchor, message))
    details = [p for p in _estate_features(estate) if p.feature.type in DETAIL_TYPES]
    for index, plot in enumerate(estate.plots):
        for placed in details:
            if any(plot.footprint().overlaps(cell) for cell in _detail_cells(placed.feature)):
                message = _("the plot holds %(name)s; the pupils will build around it",
                            name=placed.name)  # fmt: skip
                warnings.append(FieldIssue(("plots", index, "at"), message))
    for site in estate.sites:
        for placed in details:
            if any(site.footprint().overlaps(cell) for cell in _detail_cells(placed.feature)):
                message = _("site '%(site)s' holds %(name)s: it stays in every variant",
                            site=site.id, name=placed.name)  # fmt: skip
                warnings.append(FieldIssue(placed.anchor, message))
    return warnings


def _building_clashes(scope: list[Placed]) -> list[FieldIssue]:
    issues = []
    buildings = _buildings(scope)
    for index, placed in enumerate(buildings):
        for other in buildings[:index]:
            walls = placed.feature.body().common(other.feature.body())
            if walls is not None:
                message = _(
                    "the building overlaps %(other)s (%(area)s): their walls would cut "
                    "through each other; move one, or make them wings of one building "
                    "(wings: ...)",
                    other=other.name, area=walls.describe(),
                )  # fmt: skip
                issues.append(FieldIssue(placed.anchor, message))
                continue
            for first, second in ((placed, other), (other, placed)):
                reach = first.feature.reach().common(second.feature.body())
                if reach is not None:
                    message = _(
                        "the balconies, gardens, eaves or stair towers of %(first)s reach into "
                        "%(second)s (%(area)s); move one of them",
                        first=first.name, second=second.name, area=reach.describe(),
                    )  # fmt: skip
                    issues.append(FieldIssue(placed.anchor, message))
                    break
    return issues


def _plot_clashes(estate: Estate) -> list[FieldIssue]:
    issues = []
    every_building = [p for scope in _scopes(estate) for p in _buildings(scope)]
    for index, plot in enumerate(estate.plots):
        loc = ("plots", index, "at")
        area = plot.footprint()
        for site in estate.sites:
            if area.overlaps(site.footprint()):
                message = _(
                    "the plot overlaps site '%(site)s' (%(area)s): a vote on the site would "
                    "replace what the pupils build; move the plot",
                    site=site.id, area=site.footprint().describe(),
                )  # fmt: skip
                issues.append(FieldIssue(loc, message))
        for placed in every_building:
            shared = placed.feature.reach().common(CellMask.full(area))
            if shared is not None:
                message = _(
                    "the plot lies in %(name)s (%(area)s): its border and sign would be "
                    "buried; move the plot onto open ground",
                    name=placed.name, area=shared.describe(),
                )  # fmt: skip
                issues.append(FieldIssue(loc, message))
        for other_index, other in enumerate(estate.plots[:index]):
            if area.overlaps(other.footprint()):
                message = _("the plot overlaps plot '%(other)s' (plots[%(index)s]); move one",
                            other=other.id, index=other_index)  # fmt: skip
                issues.append(FieldIssue(loc, message))
    return issues


def _scopes(estate: Estate) -> Iterator[list[Placed]]:
    """The sets of features that stand together: the estate's own, and each variant with
    them (a variant's buildings may not cut the estate's either)."""
    own = _estate_features(estate)
    yield own
    for site_index, site in enumerate(estate.sites):
        for variant_index, variant in enumerate(site.variants):
            loc = ("sites", site_index, "variants", variant_index, "features")
            placed = [Placed((*loc, i), f) for i, f in enumerate(variant.features)]
            yield placed


def _estate_features(estate: Estate) -> list[Placed]:
    return [Placed(("features", i), f) for i, f in enumerate(estate.features)]


def _buildings(scope: list[Placed]) -> list[Placed]:
    return [placed for placed in scope if hasattr(placed.feature, "body")]


def _attachments(placed: Placed) -> CellMask:
    """What stands out of a building's walls: its reach without its body."""
    reach, body = placed.feature.reach(), placed.feature.body()
    cells = reach.cells & ~body.part(reach.rect)
    return CellMask(reach.rect, cells)


def _detail_cells(feature: Any) -> list[Rect]:
    """Where each tree (with its crown), bench, lamp or sign stands."""
    if feature.type == "sign":
        return [Rect.around([feature.at])]
    if feature.type == "trees":
        return [Rect.around([point], margin=2) for point in feature.points]
    if feature.type == "benches":
        return [feature.model_copy(update={"points": [p]}).footprint() for p in feature.points]
    return [Rect.around([point]) for point in feature.points]


def _dotted(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
