"""Rules that span several fields of one lesson, checked after the schema accepted it.

Each rule reports a `FieldIssue` on the field an author must change, so the
checker can point at its line. Rules that need an estate live in `references.py`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lessons.schema import Lesson, PhaseKind, VoteOptions, VoteTemplate
from lessons.vote_methods import COUNTABLE_FROM_RANKINGS, VoteMethod
from worlds.datafile import FieldIssue

Loc = tuple[str | int, ...]


def lesson_issues(lesson: Lesson) -> list[FieldIssue]:
    """Every cross-field problem of ``lesson``, in file order."""
    issues = list(_duplicate_ids(("roles",), [role.id for role in lesson.roles], ("id",)))
    plots_built: set[str] = set()
    for index, phase in enumerate(lesson.phases):
        loc: Loc = ("phases", index)
        if phase.kind is PhaseKind.VOTE and phase.vote is None:
            issues.append(
                FieldIssue((*loc, "vote"), "a vote phase needs a 'vote' template; add it")
            )
        if phase.vote is not None and phase.kind is not PhaseKind.VOTE:
            issues.append(
                FieldIssue((*loc, "kind"), "only a phase of kind 'vote' may hold a vote template")
            )
        if phase.build is not None:
            issues += _duplicate_ids((*loc, "build", "plots"), phase.build.plots)
            plots_built.update(phase.build.plots)
        if phase.vote is not None:
            issues += vote_issues(phase.vote, (*loc, "vote"), plots_built)
    return issues


def vote_issues(vote: VoteTemplate, loc: Loc, plots_built: set[str]) -> Iterator[FieldIssue]:
    """Whether the method, seats and comparisons fit the options of one vote template."""
    options_loc = (*loc, "options")
    yield from _option_source_issues(vote.options, options_loc, plots_built)
    count = known_option_count(vote.options)
    if count is not None:
        yield from option_count_issues(vote, count, options_loc)
    if vote.method is VoteMethod.BLOC and vote.seats is None:
        yield FieldIssue(
            (*loc, "seats"),
            "method 'bloc' elects several people: add 'seats' (how many to elect)",
        )
    if vote.method is not VoteMethod.BLOC and vote.seats is not None:
        yield FieldIssue(
            (*loc, "seats"),
            f"'seats' only applies to method 'bloc', not '{vote.method}'; remove it or use bloc",
        )
    for position, method in enumerate(vote.compare):
        if vote.method not in COUNTABLE_FROM_RANKINGS or method not in COUNTABLE_FROM_RANKINGS:
            yield FieldIssue(
                (*loc, "compare", position),
                f"cannot count '{vote.method}' ballots as '{method}': comparing needs ranked "
                "ballots; use method ranked, borda or condorcet and compare with plurality, "
                "ranked, borda or condorcet",
            )
        elif method is vote.method:
            yield FieldIssue((*loc, "compare", position), f"'{method}' is already the method")


def option_count_issues(vote: VoteTemplate, count: int, options_loc: Loc) -> Iterator[FieldIssue]:
    """A vote needs a choice: two options at least, and more options than seats."""
    if count < 2:
        yield FieldIssue(
            options_loc,
            f"method '{vote.method}' needs at least 2 options to choose between, found {count}",
        )
    elif vote.seats is not None and vote.seats >= count:
        yield FieldIssue(
            (*options_loc[:-1], "seats"),
            f"{vote.seats} seats but only {count} options: there must be more candidates "
            "than seats, or nobody is chosen by the vote",
        )


def known_option_count(options: VoteOptions) -> int | None:
    """How many options there are, when the lesson alone tells (not for a site's variants)."""
    if options.texts is not None:
        return len(options.texts)
    if options.plots is not None:
        return len(options.plots)
    if options.variants is not None:
        return len(options.variants)
    return None


def _option_source_issues(
    options: VoteOptions, loc: Loc, plots_built: set[str]
) -> Iterator[FieldIssue]:
    sources = [name for name in ("texts", "site", "plots") if getattr(options, name) is not None]
    if len(sources) != 1:
        found = f"found {', '.join(sources)}" if sources else "found none"
        yield FieldIssue(loc, f"give exactly one of 'texts', 'site' or 'plots' ({found})")
    if options.variants is not None and options.site is None:
        yield FieldIssue(
            (*loc, "variants"), "'variants' chooses among a site's variants: add 'site'"
        )
    if options.into is not None and options.plots is None:
        yield FieldIssue(
            (*loc, "into"), "'into' names the site a winning plot is built into: add 'plots'"
        )
    for name in ("plots", "variants"):
        yield from _duplicate_ids((*loc, name), getattr(options, name) or [])
    for position, plot in enumerate(options.plots or []):
        if plot not in plots_built:
            yield FieldIssue(
                (*loc, "plots", position),
                f"plot '{plot}' is not built by pupils before this vote: add it to "
                "'build: plots' of an earlier build phase",
            )


def _duplicate_ids(loc: Loc, ids: Sequence[str], suffix: Loc = ()) -> Iterator[FieldIssue]:
    """Report the second and later occurrence of each id (at ``loc[i] + suffix``)."""
    seen: set[str] = set()
    for position, value in enumerate(ids):
        if value in seen:
            yield FieldIssue((*loc, position, *suffix), f"'{value}' is listed twice; keep only one")
        seen.add(value)
