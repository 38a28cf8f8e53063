"""Our counting compared with independent implementations on random ballot profiles.

pyrankvote (instant run-off; first-round tallies for plurality and bloc), votelib (instant
run-off, Borda) and schulze-condorcet (Schulze). Where a tie had to be drawn by lot the
libraries break it their own way, so those profiles compare winner sets or are skipped.
"""

import pyrankvote
import schulze_condorcet
from hypothesis import assume, given, settings
from pyrankvote.helpers import ElectionManager
from votelib.component.rankscore import Borda
from votelib.convert import RankedToPositionalVotes
from votelib.evaluate.core import Tie, VotingSystemError
from votelib.evaluate.sequential import TransferableVoteSelector

from teacher_portal.counting import Rules, count
from tests.teacher_portal.counting.profiles import ranked_profiles


def _pyrankvote_ballots(options, ballots, first: int | None = None):
    candidates = {option: pyrankvote.Candidate(option) for option in options}
    expanded = []
    for ballot in ballots:
        ranking = ballot.ranking[:first] if first else ballot.ranking
        expanded += [pyrankvote.Ballot([candidates[o] for o in ranking])] * ballot.count
    return list(candidates.values()), expanded


@settings(max_examples=200, deadline=None)
@given(ranked_profiles())
def test_instant_runoff_matches_pyrankvote(profile) -> None:
    options, ballots = profile
    ours = count(options, ballots, Rules("ranked", seed=0))
    assume(not ours.tie_breaks)
    candidates, theirs = _pyrankvote_ballots(options, ballots)
    winners = pyrankvote.instant_runoff_voting(candidates, theirs).get_winners()
    assert [c.name for c in winners] == list(ours.winners)


@settings(max_examples=200, deadline=None)
@given(ranked_profiles())
def test_instant_runoff_matches_votelib(profile) -> None:
    options, ballots = profile
    ours = count(options, ballots, Rules("ranked", seed=0))
    assume(not ours.tie_breaks)
    votes = {}
    for ballot in ballots:
        votes[ballot.ranking] = votes.get(ballot.ranking, 0) + ballot.count
    try:
        theirs = TransferableVoteSelector(quota_function="droop").evaluate(votes, 1)
    except (VotingSystemError, NotImplementedError):  # votelib stops at elimination ties
        assume(False)
    assume(not Tie.any(theirs))
    assert theirs == list(ours.winners)


@settings(max_examples=200, deadline=None)
@given(ranked_profiles())
def test_plurality_and_bloc_totals_match_pyrankvote(profile) -> None:
    options, ballots = profile
    for seats in range(1, len(options)):
        kept = [b for b in ballots if len(b.ranking) <= seats] if seats > 1 else ballots
        method = "plurality" if seats == 1 else "bloc"
        ours = count(options, kept or ballots[:0], Rules(method, seats=seats, seed=0))
        candidates, theirs = _pyrankvote_ballots(options, kept, first=seats)
        manager = ElectionManager(candidates, theirs, number_of_votes_pr_voter=seats)
        expected = {c.name: manager.get_number_of_votes(c) for c in candidates}
        if kept:
            assert ours.scores == expected
        assert ours.turnout.valid == len(theirs)


@settings(max_examples=200, deadline=None)
@given(ranked_profiles())
def test_borda_scores_match_votelib(profile) -> None:
    options, ballots = profile
    votes = {}
    for ballot in ballots:
        votes[ballot.ranking] = votes.get(ballot.ranking, 0) + ballot.count
    assume({o for ranking in votes for o in ranking} == set(options))
    theirs = RankedToPositionalVotes(Borda(base=0)).convert(votes)
    assert count(options, ballots, Rules("borda", seed=0)).scores == theirs


def _winning_votes(*, support: int, opposition: int, totalvotes: int) -> int:
    """Plain winning votes, as Wikipedia and votelib define it (schulze-condorcet's own
    `winning_votes` adds a finer tie-break by fewer opposing votes)."""
    return support if support > opposition else 0


@settings(max_examples=200, deadline=None)
@given(ranked_profiles())
def test_schulze_winners_match_schulze_condorcet(profile) -> None:
    """schulze-condorcet ranks all options; its first level is the set of Schulze winners
    (several only on an exact tie, which we draw by lot). Unranked options share the last
    place of a ballot, as in our pairwise table."""
    options, ballots = profile
    vote_strings = []
    for ballot in ballots:
        unranked = [o for o in options if o not in ballot.ranking]
        levels = [*ballot.ranking, "=".join(unranked)] if unranked else list(ballot.ranking)
        vote_strings += [">".join(levels)] * ballot.count
    overall = schulze_condorcet.schulze_evaluate(vote_strings, options, _winning_votes)
    expected = set(overall.split(">")[0].split("="))
    ours = count(options, ballots, Rules("condorcet", seed=0))
    assert set(ours.leading) <= expected
    if len(expected) == 1:
        assert ours.tie_breaks == ()
    else:
        assert set(ours.tie_breaks[0].tied) == expected
