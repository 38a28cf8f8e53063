"""Instant run-off, round by round, so the projector can show each elimination.

votelib's transferable-vote evaluators do not expose the rounds, so this is written out
here and checked in the tests against pyrankvote and votelib. Each round every ballot
counts for its highest-ranked option still in the race. An option with more than half of
the continuing votes wins; otherwise the option with the fewest votes is eliminated (a tie
for fewest is drawn by lot: a place in the ranking). Options with no votes at all are
eliminated together, since dropping them cannot change any transfer. When the last two tie,
the elimination would be the decision itself: an election draws it, a choice
(`final_by_lot=False`) stops there with both tied and nothing decided.
"""

from fractions import Fraction

import numpy as np

from teacher_portal.counting.ballots import Profile
from teacher_portal.counting.lot import Lot
from teacher_portal.counting.result import Round
from teacher_portal.counting.scoring import sum_by_option


def current_choices(profile: Profile, in_race: np.ndarray) -> np.ndarray:
    """Index of each ranking's highest option still in the race, or -1 when exhausted."""
    still_in = np.append(in_race, False)[profile.rankings]  # -1 padding maps to False
    first = still_in.argmax(axis=1)
    choices = profile.rankings[np.arange(len(first)), first].astype(np.int64)
    choices[~still_in.any(axis=1)] = -1
    return choices


def instant_runoff(
    profile: Profile, lot: Lot, final_by_lot: bool = True
) -> tuple[list[str], list[Round], bool]:
    """The winner (none when no ballot is valid), every round, and whether the last two
    were left tied (only when `final_by_lot` is False; then both are returned)."""
    options = profile.options
    in_race = np.ones(len(options), dtype=bool)
    rounds: list[Round] = []
    total = int(profile.units.sum())
    while True:
        choices = current_choices(profile, in_race)
        counted = choices >= 0
        tallies = sum_by_option(choices[counted], profile.units[counted], len(options))
        continuing = int(tallies[in_race].sum())
        votes = {options[i]: profile.votes(tallies[i]) for i in np.flatnonzero(in_race)}
        exhausted = profile.votes(total - continuing)
        number = len(rounds) + 1
        if continuing == 0:
            rounds.append(Round(number, votes, exhausted))
            return [], rounds, False
        leader = int(np.flatnonzero(in_race)[tallies[in_race].argmax()])
        if 2 * tallies[leader] > continuing or in_race.sum() == 1:
            rounds.append(Round(number, votes, exhausted, elected=(options[leader],)))
            return [options[leader]], rounds, False
        if in_race.sum() == 2 and not final_by_lot:
            rounds.append(Round(number, votes, exhausted))
            return list(votes), rounds, True
        eliminated = _to_eliminate(votes, lot, number)
        rounds.append(Round(number, votes, exhausted, eliminated=eliminated))
        in_race[[options.index(option) for option in eliminated]] = False


def _to_eliminate(votes: dict[str, Fraction], lot: Lot, number: int) -> tuple[str, ...]:
    """All options without votes, or else the one with the fewest (ties drawn by lot)."""
    without_votes = tuple(option for option, count in votes.items() if count == 0)
    if without_votes:
        return without_votes
    fewest = min(votes.values())
    last = [option for option, count in votes.items() if count == fewest]
    if len(last) == 1:
        return (last[0],)
    return (lot.order(last, f"elimination in round {number}")[-1],)
