"""Rules that span several fields of one lesson, checked after the schema accepted it.

Each rule reports a `FieldIssue` on the field an author must change, so the
checker can point at its line. Rules that need an estate live in `references.py`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lessons.schema import Lesson, PhaseKind, VoteOptions, VoteTemplate
from lessons.vote_methods import COUNTABLE_FROM_RANKINGS, RANKED_BALLOT_METHODS, VoteMethod, names
from worlds.datafile import FieldIssue
from worlds.language import _

Loc = tuple[str | int, ...]


def lesson_issues(lesson: Lesson) -> list[FieldIssue]:
    """Every cross-field problem of ``lesson``, in file order."""
    issues = list(_duplicate_ids(("roles",), [role.id for role in lesson.roles], ("id",)))
    plots_built: set[str] = set()
    for index, phase in enumerate(lesson.phases):
        loc: Loc = ("phases", index)
        if phase.kind is PhaseKind.VOTE and phase.vote is None:
            issues.append(
                FieldIssue((*loc, "vote"), _("a vote phase needs a 'vote' template; add it"))
            )
        if phase.vote is not None and phase.kind is not PhaseKind.VOTE:
            issues.append(
                FieldIssue(
                    (*loc, "kind"), _("only a phase of kind 'vote' may hold a vote template")
                )
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
            _("method 'bloc' elects several people: add 'seats' (how many to elect)"),
        )
    if vote.method is not VoteMethod.BLOC and vote.seats is not None:
        yield FieldIssue(
            (*loc, "seats"),
            _(
                "'seats' only applies to method 'bloc', not '%(method)s'; remove it or use bloc",
                method=str(vote.method),
            ),
        )
    yield from compare_issues(vote, loc)


def compare_issues(vote: VoteTemplate, loc: Loc) -> Iterator[FieldIssue]:
    """Another method can recount the ballots only when each ballot ranks the options: a
    plurality ballot holds one choice, so it says nothing a Condorcet count could use."""
    for position, method in enumerate(vote.compare):
        if vote.method not in RANKED_BALLOT_METHODS or method not in COUNTABLE_FROM_RANKINGS:
            yield FieldIssue(
                (*loc, "compare", position),
                _(
                    "cannot count '%(method)s' ballots as '%(other)s': comparing needs "
                    "ranked ballots; use method %(ranked)s and compare with %(countable)s",
                    method=str(vote.method),
                    other=str(method),
                    ranked=names(RANKED_BALLOT_METHODS),
                    countable=names(COUNTABLE_FROM_RANKINGS),
                ),
            )
        elif method is vote.method:
            yield FieldIssue(
                (*loc, "compare", position),
                _("'%(method)s' is already the method", method=str(method)),
            )


def option_count_issues(vote: VoteTemplate, count: int, options_loc: Loc) -> Iterator[FieldIssue]:
    """A vote needs a choice: two options at least, and more options than seats."""
    if count < 2:
        yield FieldIssue(
            options_loc,
            _(
                "method '%(method)s' needs at least 2 options to choose between, found %(count)s",
                method=str(vote.method),
                count=count,
            ),
        )
    elif vote.seats is not None and vote.seats >= count:
        yield FieldIssue(
            (*options_loc[:-1], "seats"),
            _(
                "%(seats)s seats but only %(count)s options: there must be more candidates "
                "than seats, or nobody is chosen by the vote",
                seats=vote.seats,
                count=count,
            ),
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
        found = _("found %(sources)s", sources=", ".join(sources)) if sources else _("found none")
        message = _("give exactly one of 'texts', 'site' or 'plots' (%(found)s)", found=found)
        yield FieldIssue(loc, message)
    if options.variants is not None and options.site is None:
        yield FieldIssue(
            (*loc, "variants"), _("'variants' chooses among a site's variants: add 'site'")
        )
    for name in ("plots", "variants"):
        yield from _duplicate_ids((*loc, name), getattr(options, name) or [])
    for position, plot in enumerate(options.plots or []):
        if plot not in plots_built:
            yield FieldIssue(
                (*loc, "plots", position),
                _(
                    "plot '%(plot)s' is not built by pupils before this vote: add it to "
                    "'build: plots' of an earlier build phase",
                    plot=plot,
                ),
            )


def _duplicate_ids(loc: Loc, ids: Sequence[str], suffix: Loc = ()) -> Iterator[FieldIssue]:
    """Report the second and later occurrence of each id (at ``loc[i] + suffix``)."""
    seen: set[str] = set()
    for position, value in enumerate(ids):
        if value in seen:
            message = _("'%(value)s' is listed twice; keep only one", value=value)
            yield FieldIssue((*loc, position, *suffix), message)
        seen.add(value)
