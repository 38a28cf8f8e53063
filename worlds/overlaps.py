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
from worlds.shapes import CellMask

if TYPE_CHECKING:
    from worlds.schema import Estate

Loc = tuple[str | int, ...]
DETAIL_TYPES = frozenset({"trees", "benches", "lamps", "sign"})


@dataclass(frozen=True)
class Placed:
    """A feature with where it stands in the file."""

    loc: Loc
    feature: Any

    @property
    def name(self) -> str:
        kind = self.feature.type.replace("_", " ")
        if self.feature.id:
            return f"{kind} '{self.feature.id}'"
        return f"the {kind} at {_dotted(self.loc)}"

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
                message = (
                    f"{placed.name} stands partly in site '{site.id}' ({shared.describe()}): "
                    "a vote on the site would cut it; move it out, or make it part of the "
                    "site's variants"
                )
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
                    message = (
                        f"its balconies, gardens or eaves meet those of {other.name} "
                        f"({shared.describe()}); fine if meant (a shared hedge), else move one"
                    )
                    warnings.append(FieldIssue(placed.anchor, message))
    details = [p for p in _estate_features(estate) if p.feature.type in DETAIL_TYPES]
    for index, plot in enumerate(estate.plots):
        for placed in details:
            if any(plot.footprint().overlaps(cell) for cell in _detail_cells(placed.feature)):
                message = f"the plot holds {placed.name}; the pupils will build around it"
                warnings.append(FieldIssue(("plots", index, "at"), message))
    for site in estate.sites:
        for placed in details:
            if any(site.footprint().overlaps(cell) for cell in _detail_cells(placed.feature)):
                message = f"site '{site.id}' holds {placed.name}: it stays in every variant"
                warnings.append(FieldIssue(placed.anchor, message))
    return warnings


def _building_clashes(scope: list[Placed]) -> list[FieldIssue]:
    issues = []
    buildings = _buildings(scope)
    for index, placed in enumerate(buildings):
        for other in buildings[:index]:
            walls = placed.feature.body().common(other.feature.body())
            if walls is not None:
                message = (
                    f"the building overlaps {other.name} ({walls.describe()}): their walls "
                    "would cut through each other; move one, or make them wings of one "
                    "building (wings: ...)"
                )
                issues.append(FieldIssue(placed.anchor, message))
                continue
            for first, second in ((placed, other), (other, placed)):
                reach = first.feature.reach().common(second.feature.body())
                if reach is not None:
                    message = (
                        f"the balconies, gardens, eaves or stair towers of {first.name} reach "
                        f"into {second.name} ({reach.describe()}); move one of them"
                    )
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
                message = (
                    f"the plot overlaps site '{site.id}' ({site.footprint().describe()}): a "
                    "vote on the site would replace what the pupils build; move the plot"
                )
                issues.append(FieldIssue(loc, message))
        for placed in every_building:
            shared = placed.feature.reach().common(CellMask.full(area))
            if shared is not None:
                message = (
                    f"the plot lies in {placed.name} ({shared.describe()}): its border and "
                    "sign would be buried; move the plot onto open ground"
                )
                issues.append(FieldIssue(loc, message))
        for other_index, other in enumerate(estate.plots[:index]):
            if area.overlaps(other.footprint()):
                message = f"the plot overlaps plot '{other.id}' (plots[{other_index}]); move one"
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
