"""Check that a lesson's estates, sites, variants and plots exist in `worlds/`.

A lesson that names a playground variant the estate lacks would fail in the middle
of a class; the checker finds it while the author is still at the desk.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lessons.consistency import option_count_issues
from lessons.schema import Lesson, VoteTemplate
from worlds.catalog import estate_ids, load_estate
from worlds.datafile import DataFileError, FieldIssue
from worlds.error_messages import did_you_mean
from worlds.language import _
from worlds.schema import Estate, Site

Loc = tuple[str | int, ...]


@dataclass
class EstateShelf:
    """Loads each estate once per check run and remembers why one could not be loaded."""

    estates: dict[str, Estate | str] = field(default_factory=dict)

    def get(self, estate_id: str) -> Estate | str:
        """The estate, or a message saying why it is unavailable."""
        if estate_id not in self.estates:
            self.estates[estate_id] = self._load(estate_id)
        return self.estates[estate_id]

    @staticmethod
    def _load(estate_id: str) -> Estate | str:
        known = estate_ids()
        if estate_id not in known:
            return _(
                "unknown estate '%(estate)s'; %(hint)s",
                estate=estate_id,
                hint=did_you_mean(estate_id, known),
            )
        try:
            return load_estate(estate_id)
        except DataFileError as error:
            first = str(error.problems[0]) if error.problems else _("unknown problem")
            return _(
                "estate '%(estate)s' cannot be loaded; fix its file first: %(problem)s",
                estate=estate_id,
                problem=first,
            )


def reference_issues(lesson: Lesson, shelf: EstateShelf | None = None) -> list[FieldIssue]:
    """Every reference of ``lesson`` that does not resolve, placed on its field."""
    shelf = shelf or EstateShelf()
    estate = shelf.get(lesson.estate)
    if isinstance(estate, str):
        return [FieldIssue(("estate",), estate)]
    issues: list[FieldIssue] = []
    for index, phase in enumerate(lesson.phases):
        loc: Loc = ("phases", index)
        if phase.build is not None:
            build_estate = estate
            if phase.build.estate is not None:
                build_estate = shelf.get(phase.build.estate)
                if isinstance(build_estate, str):
                    issues.append(FieldIssue((*loc, "build", "estate"), build_estate))
                    continue
            issues += _build_issues(phase.build.variants, phase.build.plots, build_estate, loc)
        if phase.vote is not None:
            issues += _vote_issues(phase.vote, estate, (*loc, "vote"))
    return issues


def _build_issues(
    variants: dict[str, str], plots: list[str], estate: Estate, loc: Loc
) -> Iterator[FieldIssue]:
    for site_id, variant_id in variants.items():
        where = (*loc, "build", "variants", site_id)
        site = _find_site(estate, site_id)
        if site is None:
            yield _unknown_site(estate, site_id, where)
        elif variant_id not in _variant_ids(site):
            yield _unknown_variant(estate, site, variant_id, where)
    yield from _plot_issues(estate, plots, (*loc, "build", "plots"))


def _vote_issues(vote: VoteTemplate, estate: Estate, loc: Loc) -> Iterator[FieldIssue]:
    options = vote.options
    if options.plots is not None:
        yield from _plot_issues(estate, options.plots, (*loc, "options", "plots"))
    if options.into is not None and _find_site(estate, options.into) is None:
        yield _unknown_site(estate, options.into, (*loc, "options", "into"))
    if options.site is None:
        return
    site = _find_site(estate, options.site)
    if site is None:
        yield _unknown_site(estate, options.site, (*loc, "options", "site"))
    elif options.variants is None:
        yield from option_count_issues(vote, len(site.variants), (*loc, "options"))
    else:
        for position, variant_id in enumerate(options.variants):
            if variant_id not in _variant_ids(site):
                where = (*loc, "options", "variants", position)
                yield _unknown_variant(estate, site, variant_id, where)


def _plot_issues(estate: Estate, plots: list[str], loc: Loc) -> Iterator[FieldIssue]:
    known = [plot.id for plot in estate.plots]
    for position, plot_id in enumerate(plots):
        if plot_id not in known:
            hint = did_you_mean(plot_id, known) if known else _("it has no plots at all")
            message = _(
                "estate '%(estate)s' has no plot '%(plot)s'; %(hint)s",
                estate=estate.id,
                plot=plot_id,
                hint=hint,
            )
            yield FieldIssue((*loc, position), message)


def _find_site(estate: Estate, site_id: str) -> Site | None:
    return next((site for site in estate.sites if site.id == site_id), None)


def _variant_ids(site: Site) -> list[str]:
    return [variant.id for variant in site.variants]


def _unknown_variant(estate: Estate, site: Site, variant_id: str, loc: Loc) -> FieldIssue:
    return FieldIssue(
        loc,
        _(
            "site '%(site)s' of estate '%(estate)s' has no variant '%(variant)s'; %(hint)s",
            site=site.id,
            estate=estate.id,
            variant=variant_id,
            hint=did_you_mean(variant_id, _variant_ids(site)),
        ),
    )


def _unknown_site(estate: Estate, site_id: str, loc: Loc) -> FieldIssue:
    known = [site.id for site in estate.sites]
    hint = did_you_mean(site_id, known) if known else _("it has no sites with variants")
    message = _(
        "estate '%(estate)s' has no site '%(site)s'; %(hint)s",
        estate=estate.id,
        site=site_id,
        hint=hint,
    )
    return FieldIssue(loc, message)
