"""Ballots and the aggregated profile every counting method reads.

A class casts a few dozen ballots, a paper count or a benchmark maybe 100,000. Identical
rankings with the same weight are merged first, and the rest becomes numpy arrays, so each
method is a handful of vectorised passes instead of a loop over ballots. Weights are kept
exact: every weight is a fraction, scaled by the least common multiple of the denominators
to integer "weight units", so two household votes split three ways still add up to 2.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

Weight = int | Fraction


class BallotError(ValueError):
    """A ballot that cannot be counted as given; `path` says where (`ballots[3].ranking[1]`)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True)
class Ballot:
    """One or more identical ballots: options in order of preference (empty = blank).

    For plurality only the first option counts; for approval and bloc every listed option
    is a mark. `count` identical ballots each carry `weight` votes.
    """

    ranking: tuple[str, ...]
    count: int = 1
    weight: Weight = 1


@dataclass(frozen=True)
class Profile:
    """Distinct non-blank rankings as arrays, with their total weight in integer units.

    `rankings[i, j]` is the index of the option ranked j-th on ranking i, or -1 past its
    end; `lengths[i]` is how many options ranking i lists; `units[i]` is its total weight
    in weight units, one vote being `scale` units.
    """

    options: tuple[str, ...]
    rankings: np.ndarray
    lengths: np.ndarray
    units: np.ndarray
    scale: int
    ballots_cast: int
    ballots_blank: int
    counts: np.ndarray

    def votes(self, units: int | np.integer) -> Fraction:
        """Weight units back to (possibly fractional) votes."""
        return Fraction(int(units), self.scale)


def _checked_ranking(
    index: int, ranking: Sequence[str], option_index: dict[str, int]
) -> tuple[int, ...]:
    """Option indices of one ranking; unknown or repeated options are a `BallotError`."""
    try:
        positions = tuple([option_index[option] for option in ranking])
    except (KeyError, TypeError):
        place, option = next(
            (p, o) for p, o in enumerate(ranking) if not isinstance(o, str) or o not in option_index
        )
        known = ", ".join(option_index)
        raise BallotError(
            f"ballots[{index}].ranking[{place}]", f"'{option}' is not an option ({known})"
        ) from None
    if len(set(positions)) != len(positions):
        raise BallotError(f"ballots[{index}].ranking", "lists an option more than once")
    return positions


def _checked_weight(index: int, weight: Weight) -> Weight:
    """The weight as an int or Fraction (ints stay ints: exact and fast)."""
    if isinstance(weight, bool) or not isinstance(weight, int | Fraction):
        raise BallotError(f"ballots[{index}].weight", "must be a whole number or a fraction")
    if weight < 0:
        raise BallotError(f"ballots[{index}].weight", "must not be negative")
    return weight


def build_profile(options: Sequence[str], ballots: Iterable[Ballot]) -> Profile:
    """Validate and merge ballots into a `Profile` (blank ballots are only counted)."""
    option_index = {option: i for i, option in enumerate(options)}
    if len(option_index) != len(options):
        raise BallotError("options", "an option is listed twice")
    merged: dict[tuple[tuple[str, ...], Weight], list[int]] = {}
    for index, ballot in enumerate(ballots):
        if type(ballot.count) is not int or ballot.count < 0:
            raise BallotError(f"ballots[{index}].count", "must be a whole number, 0 or more")
        key = (tuple(ballot.ranking), ballot.weight)
        entry = merged.get(key)
        if entry is None:
            merged[key] = [index, ballot.count]
        else:
            entry[1] += ballot.count
    by_ranking: dict[tuple[int, ...], list] = {}
    cast = blank = 0
    for (ranking, given_weight), (first_index, count) in merged.items():
        weight = _checked_weight(first_index, given_weight)
        positions = _checked_ranking(first_index, ranking, option_index)
        cast += count
        if not positions:
            blank += count
            continue
        entry = by_ranking.setdefault(positions, [0, 0])
        entry[0] += weight * count
        entry[1] += count
    return _as_arrays(tuple(options), by_ranking, cast, blank)


def _as_arrays(
    options: tuple[str, ...], by_ranking: dict[tuple[int, ...], list], cast: int, blank: int
) -> Profile:
    weights = [weight for weight, _ in by_ranking.values()]
    scale = math.lcm(*(weight.denominator for weight in weights)) if weights else 1
    rankings = np.full((len(by_ranking), max(len(options), 1)), -1, dtype=np.int16)
    for row, positions in enumerate(by_ranking):
        rankings[row, : len(positions)] = positions
    return Profile(
        options=options,
        rankings=rankings,
        lengths=np.array([len(r) for r in by_ranking], dtype=np.int16),
        units=np.array([int(w * scale) for w in weights], dtype=np.int64),
        scale=scale,
        ballots_cast=cast,
        ballots_blank=blank,
        counts=np.array([count for _, count in by_ranking.values()], dtype=np.int64),
    )
