"""`count`: ballots + rules → `Result`. The one entry point the portal and the CLI use.

The department-meeting rules applied here: blank ballots are counted for turnout but not
as votes; a bloc ballot marking more options than there are seats is invalid; ties are
settled by a seeded lot; without the quorum, or when the leader does not pass the
majority threshold, nothing is decided (the result still shows who leads).
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction

import numpy as np

from lessons.vote_methods import VoteMethod
from teacher_portal.counting.ballots import Ballot, Profile, build_profile
from teacher_portal.counting.lot import Lot, order_by_score
from teacher_portal.counting.result import MajorityCheck, Result, Turnout
from teacher_portal.counting.rules import CountingRuleError, Rules
from teacher_portal.counting.runoff import instant_runoff
from teacher_portal.counting.schulze import schulze
from teacher_portal.counting.scoring import borda_units, first_choice_units, mark_units


@dataclass
class Outcome:
    """What one method found, before quorum and majority are applied."""

    leading: list[str]
    share: Fraction | None = None
    details: dict = field(default_factory=dict)


def _by_score(profile: Profile, units: np.ndarray, rules: Rules, lot: Lot) -> Outcome:
    """Plurality, approval, bloc and Borda: order by totals, elect the first `seats`.

    The share measured against the majority threshold is the lowest elected option's
    votes over the valid votes (for approval and bloc: over the valid ballots' weight).
    """
    scores = {option: profile.votes(units[i]) for i, option in enumerate(profile.options)}
    deputies = _deputies_wanted(rules, len(scores) - rules.seats)
    ordered = order_by_score(scores, lot, seats=rules.seats, deputies=deputies, stage="lot")
    elected = ordered[: rules.seats]
    listed = [o for o in ordered[rules.seats : rules.seats + deputies] if scores[o] > 0]
    valid_votes = profile.votes(profile.units.sum())
    share = min(scores[option] for option in elected) / valid_votes
    details = {"scores": scores, "deputies": tuple(listed)}
    return Outcome(elected, None if rules.method == VoteMethod.BORDA else share, details)


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
    winners, rounds = instant_runoff(profile, lot)
    final = rounds[-1]
    share = final.votes[winners[0]] / sum(final.votes.values()) if winners else None
    return Outcome(winners, share, {"rounds": tuple(rounds)})


def _condorcet(profile: Profile, rules: Rules, lot: Lot) -> Outcome:
    winners, table, paths = schulze(profile)
    if len(winners) > 1:
        winners = [lot.order(winners, "lot: Schulze winners")[0]]
    return Outcome(winners, None, {"pairwise": table, "strongest_paths": paths})


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
    and `CountingRuleError` for more seats than options."""
    if rules.seats > len(options):
        raise CountingRuleError(f"{rules.seats} seats but only {len(options)} options")
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
    outcome = COUNTERS[rules.method](valid, rules, lot) if turnout.valid_votes else Outcome([])
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
        undecided_reason=_undecided_reason(turnout, majority),
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


def _undecided_reason(turnout: Turnout, majority: MajorityCheck | None) -> str | None:
    if not turnout.quorum_met:
        return "quorum"
    if turnout.valid_votes == 0:
        return "no_valid_votes"
    if majority is not None and not majority.met:
        return "majority"
    return None
