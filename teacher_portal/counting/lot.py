"""Ties settled by lot, reproducibly: the seed and every draw go into the result.

The department-meeting rule settles ties by lot. A lot drawn by a computer must be
checkable afterwards, so the lot is a seeded generator and each draw is recorded with
what was tied and the order drawn; the same ballots and seed always give the same result.
"""

import random
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class TieBreak:
    """One draw: at `stage`, the `tied` options (in ballot order) were drawn into `order`,
    best first; in a run-off elimination the last one drawn is eliminated."""

    stage: str
    tied: tuple[str, ...]
    order: tuple[str, ...]


class Lot:
    """A seeded lot; draws in option order, so only the seed decides the outcome."""

    def __init__(self, options: Sequence[str], seed: int | None = None) -> None:
        self.seed = secrets.randbits(32) if seed is None else seed
        self._random = random.Random(self.seed)
        self._position = {option: i for i, option in enumerate(options)}
        self.draws: list[TieBreak] = []

    def order(self, tied: Sequence[str], stage: str) -> tuple[str, ...]:
        """Shuffle the tied options by lot and record the draw."""
        ballot_order = sorted(tied, key=self._position.__getitem__)
        drawn = tuple(self._random.sample(ballot_order, len(ballot_order)))
        self.draws.append(TieBreak(stage, tuple(ballot_order), drawn))
        return drawn


def order_by_score(
    scores: dict[str, Fraction], lot: Lot, *, seats: int, deputies: int, stage: str
) -> list[str]:
    """Options from most to fewest votes, ties drawn by lot where the order decides.

    A tied group is drawn when it straddles the last seat or reaches into the deputies
    (whose order matters); a tie wholly among the elected or below the last deputy
    decides nothing and keeps the ballot order.
    """
    ordered: list[str] = []
    for score in sorted(set(scores.values()), reverse=True):
        group = [option for option, value in scores.items() if value == score]
        start, end = len(ordered), len(ordered) + len(group)
        if len(group) > 1 and end > seats and start < seats + deputies:
            group = list(lot.order(group, f"{stage}: places {start + 1}-{end}"))
        ordered.extend(group)
    return ordered
