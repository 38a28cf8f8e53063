"""Rules that span several fields of one lesson, checked after the schema accepted it.

Each rule reports a `FieldIssue` on the field an author must change, so the
checker can point at its line. Rules that need an estate live in `references.py`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lessons.curriculum import curriculum_issues
from lessons.glossary import glossary
from lessons.schema import Lesson, PhaseKind, VoteOptions, VoteTemplate
from lessons.vote_methods import (
    COUNTABLE_FROM_RANKINGS,
    PROPOSAL_OPTIONS,
    RANKED_BALLOT_METHODS,
    DecisionKind,
    VoteMethod,
    decision_problem,
    names,
)
from worlds.datafile import FieldIssue
from worlds.error_messages import did_you_mean
from worlds.language import _

Loc = tuple[str | int, ...]
SESSION_MINUTES = 45


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
    issues += session_issues(lesson)
    issues += glossary_issues(lesson)
    issues += curriculum_issues(lesson)
    return issues


def session_issues(lesson: Lesson) -> Iterator[FieldIssue]:
    """Phases split into 45-minute lessons in order: 1, 1, 2, 2, … and none too long."""
    expected, minutes = 1, 0
    for index, phase in enumerate(lesson.phases):
        if phase.session == expected + 1 and index > 0:
            expected, minutes = expected + 1, 0
        if phase.session != expected:
            yield FieldIssue(
                ("phases", index, "session"),
                _(
                    "session %(session)s follows session %(expected)s: number the 45-minute "
                    "lessons in order, %(expected)s or %(next)s here",
                    session=phase.session,
                    expected=expected,
                    next=expected + 1,
                ),
            )
            return
        minutes += phase.minutes
        if minutes > SESSION_MINUTES:
            yield FieldIssue(
                ("phases", index, "session"),
                _(
                    "session %(session)s takes %(minutes)s minutes, more than a "
                    "%(most)s-minute lesson; move this phase to the next session or shorten it",
                    session=expected,
                    minutes=minutes,
                    most=SESSION_MINUTES,
                ),
            )
            return


def glossary_issues(lesson: Lesson) -> Iterator[FieldIssue]:
    known = list(glossary().terms)
    yield from _duplicate_ids(("glossary",), lesson.glossary)
    for index, term in enumerate(lesson.glossary):
        if term not in known:
            yield FieldIssue(
                ("glossary", index),
                _(
                    "'%(term)s' is not in lessons/data/glossary.yaml; add it there or %(hint)s",
                    term=term,
                    hint=did_you_mean(term, known),
                ),
            )


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
    yield from _decision_issues(vote, loc)
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


def _decision_issues(vote: VoteTemplate, loc: Loc) -> Iterator[FieldIssue]:
    """A proposal is one yes/no question; a ranking orders by totals; one outcome is not
    an election."""
    if vote.decision is None:
        return
    problem = decision_problem(vote.decision, vote.method, vote.seats or 1)
    if problem:
        message = _("%(problem)s; change 'decision' or 'method'", problem=problem)
        yield FieldIssue((*loc, "decision"), message)
    if vote.decision is DecisionKind.PROPOSAL and (
        vote.options.texts is None or len(vote.options.texts) != PROPOSAL_OPTIONS
    ):
        yield FieldIssue(
            (*loc, "options"),
            _(
                "a proposal has two written options, for and against in that order: "
                "texts: [{da: Ja, en: 'Yes'}, {da: Nej, en: 'No'}]"
            ),
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
    if options.into is not None and options.plots is None:
        yield FieldIssue(
            (*loc, "into"), _("'into' names the site a winning plot is built into: add 'plots'")
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
