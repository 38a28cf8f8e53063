"""Condorcet by the Schulze method: the pairwise table, strongest paths and winners.

The pairwise table is counted here with numpy (a ranked option beats every option ranked
below it and every unranked one; unranked options tie). The strongest paths come from
votelib's `Schulze.widest_paths` (winning votes: a pairwise defeat counts with the
number of voters who prefer the winner of the pair). The winners are the options whose
strongest path to every other option is at least as strong as the path back.

A Condorcet winner beats every other option head to head. There may be none (a cycle such
as A beats B, B beats C, C beats A, or a tie between two); Schulze's winner is then not a
Condorcet winner, and the result says so by leaving `condorcet_winner` empty.
"""

from fractions import Fraction

import numpy as np
from votelib.evaluate.condorcet import Schulze

from teacher_portal.counting.ballots import Profile


def rank_positions(profile: Profile) -> np.ndarray:
    """positions[i, o] = place of option o on ranking i, or n (below all) if unranked."""
    n_rankings, width = profile.rankings.shape
    n_options = len(profile.options)
    positions = np.full((n_rankings, n_options + 1), n_options, dtype=np.int16)
    rows = np.repeat(np.arange(n_rankings), width)
    places = np.tile(np.arange(width, dtype=np.int16), n_rankings)
    positions[rows, profile.rankings.reshape(-1)] = places  # padding lands in column n
    return positions[:, :n_options]


def pairwise_units(profile: Profile) -> np.ndarray:
    """table[a, b] = weight units of the ballots that rank a above b."""
    positions = rank_positions(profile)
    n_options = len(profile.options)
    table = np.zeros((n_options, n_options), dtype=np.int64)
    for a in range(n_options):
        above = positions[:, [a]] < positions
        table[a] = profile.units @ above.astype(np.int64)
    return table


def strongest_paths(table: dict[tuple[str, str], Fraction]) -> dict[tuple[str, str], Fraction]:
    """Strongest path strength for every ordered pair (0 when there is no path)."""
    return dict(Schulze.widest_paths(table))


def condorcet_winner(table: dict[tuple[str, str], Fraction], options) -> str | None:
    """The option that beats each other option head to head, or None."""
    for a in options:
        if all(table[(a, b)] > table[(b, a)] for b in options if b != a):
            return a
    return None


def schulze(profile: Profile) -> tuple[list[str], dict, dict]:
    """Winners (several only on an exact tie), the pairwise table and the strongest paths."""
    options = profile.options
    units = pairwise_units(profile)
    table = {
        (a, b): profile.votes(units[i, j])
        for i, a in enumerate(options)
        for j, b in enumerate(options)
        if i != j
    }
    paths = strongest_paths(table)
    winners = [
        a for a in options if all(paths.get((a, b), 0) >= paths.get((b, a), 0) for b in options)
    ]
    return winners, _nested(options, table), _nested(options, paths)


def _nested(options: tuple[str, ...], pairs: dict) -> dict[str, dict[str, Fraction]]:
    return {a: {b: Fraction(pairs.get((a, b), 0)) for b in options if b != a} for a in options}
