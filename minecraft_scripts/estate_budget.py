"""How much one estate may ask of the toolkit, checked before anything is generated.

An estate file is small, but what it asks for need not be: 1000 × 1000 cells with 16
storeys is 600 million voxels, and 250,000 trees take minutes to plan. Both limits are
checked from the file alone, in milliseconds, and each issue points at the field to change.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from minecraft_scripts.generate import model_size
from minecraft_scripts.voxels import ModelTooLarge, check_model_size
from worlds.datafile import FieldIssue
from worlds.language import _, number
from worlds.schema import Estate

MAX_POINTS = 5_000
"""Trees, benches, lamps and path corners in one estate (the shipped ones hold under 100);
planning takes about 1 ms per tree, so an estate at the limit plans in a few seconds."""

Loc = tuple[str | int, ...]


def budget_issues(estate: Estate) -> list[FieldIssue]:
    """What makes `estate` too large to generate; empty when it fits."""
    issues = []
    try:
        check_model_size(model_size(estate))
    except ModelTooLarge as error:
        issues.append(FieldIssue(("size",), str(error)))
    located = list(_point_lists(estate))
    total = sum(len(points) for _loc, points in located)
    if total > MAX_POINTS:
        largest_loc, _largest = max(located, key=lambda item: len(item[1]))
        message = _(
            "the estate places %(count)s trees, benches, lamps and path points; at most "
            "%(limit)s fit in one estate: use fewer, or spread them over several estates",
            count=number(total),
            limit=number(MAX_POINTS),
        )
        issues.append(FieldIssue(largest_loc, message))
    return issues


def _point_lists(estate: Estate) -> Iterator[tuple[Loc, list[Any]]]:
    """Each feature's `points`, with where it stands in the file."""
    for index, feature in enumerate(estate.features):
        if hasattr(feature, "points"):
            yield ("features", index, "points"), feature.points
    for site_index, site in enumerate(estate.sites):
        for variant_index, variant in enumerate(site.variants):
            for index, feature in enumerate(variant.features):
                if hasattr(feature, "points"):
                    loc = ("sites", site_index, "variants", variant_index, "features", index)
                    yield (*loc, "points"), feature.points
