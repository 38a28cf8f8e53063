"""Vectorised vote totals for the score-based methods: plurality, approval, bloc, Borda.

Totals are in integer weight units (see `ballots.Profile`), summed with numpy over the
distinct rankings. `np.bincount` sums in float64, which is exact for integers below 2**53;
larger totals fall back to an integer `np.add.at`.
"""

import numpy as np

from teacher_portal.counting.ballots import Profile

EXACT_FLOAT_LIMIT = 2**53


def sum_by_option(indices: np.ndarray, units: np.ndarray, n_options: int) -> np.ndarray:
    """Total units per option index, exactly."""
    if int(units.sum()) < EXACT_FLOAT_LIMIT:
        totals = np.bincount(indices, weights=units, minlength=n_options)
        return np.rint(totals).astype(np.int64)
    exact = np.zeros(n_options, dtype=np.int64)
    np.add.at(exact, indices, units)
    return exact


def first_choice_units(profile: Profile) -> np.ndarray:
    """Plurality: each ballot's first choice gets the ballot's weight."""
    return sum_by_option(profile.rankings[:, 0], profile.units, len(profile.options))


def mark_units(profile: Profile) -> np.ndarray:
    """Approval and bloc: every option marked on a ballot gets the ballot's weight."""
    rankings = profile.rankings
    marked = rankings >= 0
    units = np.broadcast_to(profile.units[:, None], rankings.shape)
    return sum_by_option(rankings[marked], units[marked], len(profile.options))


def borda_units(profile: Profile) -> np.ndarray:
    """Borda: with n options, first place scores n-1 points, second n-2, ... last 0.

    Unranked options score 0 (a truncated ballot gives no points below its last choice),
    so ranking fewer options never helps an option the voter left out.
    """
    n_options = len(profile.options)
    rankings = profile.rankings
    points = (n_options - 1 - np.arange(rankings.shape[1]))[None, :]
    marked = rankings >= 0
    units = profile.units[:, None] * points
    return sum_by_option(rankings[marked], units[marked], n_options)
