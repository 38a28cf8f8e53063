"""`count`: ballots + rules → `Result`. The one entry point the portal and the CLI use.

The department-meeting rules applied here: blank ballots are counted for turnout but not
as votes; a bloc ballot marking more options than there are seats is invalid; without the
quorum, or when the leader does not pass the majority threshold, nothing is decided (the
result still shows who leads). How a tie ends depends on what the vote decides
(`Rules.decision`): a proposal falls (no lot), a choice is left undecided for a new vote
between the tied options, and only an election (a seat, a deputy place) or a ranking (a
place in the order, a run-off elimination) draws a seeded lot.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction

import numpy as np

from lessons.vote_methods import PROPOSAL_OPTIONS, DecisionKind, VoteMethod
from teacher_portal.counting.ballots import Ballot, Profile, build_profile
from teacher_portal.counting.lot import Lot, order_by_score
from teacher_portal.counting.result import MajorityCheck, ProposalOutcome, Result, Turnout
from teacher_portal.counting.rules import CountingRuleError, Rules
from teacher_portal.counting.runoff import instant_runoff
from teacher_portal.counting.schulze import condorcet_winner, schulze
from teacher_portal.counting.scoring import borda_units, first_choice_units, mark_units


@dataclass
class Outcome:
    """What one method found, before quorum and majority are applied."""

    leading: list[str]
    share: Fraction | None = None
    details: dict = field(default_factory=dict)
    tied: bool = False  # a choice's winners tied: nothing decided, vote again


def _by_score(profile: Profile, units: np.ndarray, rules: Rules, lot: Lot) -> Outcome:
    """Plurality, approval, bloc and Borda: order by totals, elect the first `seats`.

    The share measured against the majority threshold is the lowest elected option's
    votes over the valid votes (for approval and bloc: over the valid ballots' weight).
    An election draws ties for a seat or deputy place, a ranking every tie for a place; a
    choice draws nothing, and a tie for the win leaves it undecided.
    """
    scores = {option: profile.votes(units[i]) for i, option in enumerate(profile.options)}
    valid_votes = profile.votes(profile.units.sum())
    share_of = None if rules.method == VoteMethod.BORDA else valid_votes
    if rules.decision == DecisionKind.CHOICE:
        top = max(scores.values())
        leading = [option for option, score in scores.items() if score == top]
        share = top / share_of if share_of else None
        return Outcome(leading, share, {"scores": scores}, tied=len(leading) > 1)
    if rules.decision == DecisionKind.RANKING:
        ordered = order_by_score(scores, lot, seats=0, deputies=len(scores), stage="lot")
        share = scores[ordered[0]] / share_of if share_of else None
        return Outcome(ordered[:1], share, {"scores": scores, "ranking": tuple(ordered)})
    deputies = _deputies_wanted(rules, len(scores) - rules.seats)
    ordered = order_by_score(scores, lot, seats=rules.seats, deputies=deputies, stage="lot")
    elected = ordered[: rules.seats]
    listed = [o for o in ordered[rules.seats : rules.seats + deputies] if scores[o] > 0]
    share = min(scores[option] for option in elected) / share_of if share_of else None
    return Outcome(elected, share, {"scores": scores, "deputies": tuple(listed)})


def _proposal(profile: Profile, rules: Rules, lot: Lot) -> Outcome:
    """For (the first option) against (the second): adopted only with more votes for than
    against, and over the majority threshold when one is set. A tie: the proposal falls."""
    units = first_choice_units(profile)
    for_votes, against_votes = profile.votes(units[0]), profile.votes(units[1])
    share = for_votes / (for_votes + against_votes)
    adopted = share > max(Fraction(1, 2), rules.majority or 0)
    outcome = ProposalOutcome(for_votes, against_votes, adopted, for_votes == against_votes)
    scores = {profile.options[0]: for_votes, profile.options[1]: against_votes}
    winner = profile.options[0 if adopted else 1]
    return Outcome([winner], None, {"scores": scores, "proposal": outcome})


def _deputies_wanted(rules: Rules, runners_up: int) -> int:
    if rules.method != VoteMethod.BLOC:
        return 0
    return runners_up if rules.deputies is None else min(rules.deputies, runners_up)


def _plurality(profile: Profile, rules: Rules, lot: Lot) -> Outcome:
    return _by_score(profile, first_choice_units(profile), rules, lot)


def _marks(profile: Profile, rules: Rules, lot: Lot) -> Outcome:
    return _by_score(profile, mark_units(profile), rules, lot)


def _borda(profile: Profile, rules: Rules, lot: Lot) -> Outcome:
    return _by_score(profile, borda_units(profile), rules, lot)


def _ranked(profile: Profile, rules: Rules, lot: Lot) -> Outcome:
    final_by_lot = rules.decision != DecisionKind.CHOICE
    winners, rounds, tied = instant_runoff(profile, lot, final_by_lot)
    final = rounds[-1]
    share = final.votes[winners[0]] / sum(final.votes.values()) if winners else None
    return Outcome(winners, share, {"rounds": tuple(rounds)}, tied=tied)


def _condorcet(profile: Profile, rules: Rules, lot: Lot) -> Outcome:
    """Schulze winners; several only on an exact tie, which only an election draws."""
    winners, table, paths = schulze(profile)
    tied = len(winners) > 1 and rules.decision == DecisionKind.CHOICE
    if len(winners) > 1 and not tied:
        winners = [lot.order(winners, "lot: Schulze winners")[0]]
    pairs = {(a, b): votes for a, row in table.items() for b, votes in row.items()}
    details = {
        "pairwise": table,
        "strongest_paths": paths,
        "condorcet_winner": condorcet_winner(pairs, profile.options),
    }
    return Outcome(winners, None, details, tied=tied)


COUNTERS: dict[str, Callable[[Profile, Rules, Lot], Outcome]] = {
    VoteMethod.PLURALITY: _plurality,
    VoteMethod.APPROVAL: _marks,
    VoteMethod.BLOC: _marks,
    VoteMethod.BORDA: _borda,
    VoteMethod.RANKED: _ranked,
    VoteMethod.CONDORCET: _condorcet,
}


def count(options: Sequence[str], ballots: Iterable[Ballot], rules: Rules) -> Result:
    """Count ballots under the rules; raises `BallotError` for ballots that cannot be read
    and `CountingRuleError` for more seats than options, or a proposal without exactly
    two options (for, against)."""
    if rules.seats > len(options):
        raise CountingRuleError(f"{rules.seats} seats but only {len(options)} options")
    if rules.decision == DecisionKind.PROPOSAL and len(options) != PROPOSAL_OPTIONS:
        raise CountingRuleError(
            f"a proposal has 2 options, for and against (in that order), not {len(options)}"
        )
    profile = build_profile(options, ballots)
    valid, invalid = _without_invalid(profile, rules)
    turnout = Turnout(
        cast=profile.ballots_cast,
        blank=profile.ballots_blank,
        invalid=invalid,
        valid=profile.ballots_cast - profile.ballots_blank - invalid,
        valid_votes=valid.votes(valid.units.sum()),
        eligible=rules.eligible,
        quorum=rules.quorum,
    )
    lot = Lot(options, rules.seed)
    counter = _proposal if rules.decision == DecisionKind.PROPOSAL else COUNTERS[rules.method]
    outcome = counter(valid, rules, lot) if turnout.valid_votes else Outcome([])
    majority = None
    if rules.majority is not None and outcome.share is not None:
        majority = MajorityCheck(rules.majority, outcome.share, outcome.share > rules.majority)
    return Result(
        method=rules.method,
        options=tuple(options),
        seats=rules.seats,
        seed=lot.seed,
        turnout=turnout,
        leading=tuple(outcome.leading),
        tie_breaks=tuple(lot.draws),
        majority=majority,
        undecided_reason=_undecided_reason(turnout, majority, outcome.tied),
        decision=rules.decision,
        **outcome.details,
    )


def _without_invalid(profile: Profile, rules: Rules) -> tuple[Profile, int]:
    """The profile of valid ballots and how many were invalid: a bloc ballot may mark
    at most as many options as there are seats."""
    if rules.method != VoteMethod.BLOC:
        return profile, 0
    keep = profile.lengths <= rules.seats
    invalid = int(profile.counts[~keep].sum())
    kept = {name: getattr(profile, name)[keep] for name in ("rankings", "lengths", "units")}
    return replace(profile, counts=profile.counts[keep], **kept), invalid


def _undecided_reason(turnout: Turnout, majority: MajorityCheck | None, tied: bool) -> str | None:
    if not turnout.quorum_met:
        return "quorum"
    if turnout.valid_votes == 0:
        return "no_valid_votes"
    if tied:
        return "tie"
    if majority is not None and not majority.met:
        return "majority"
    return None
