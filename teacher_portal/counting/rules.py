"""The rules of a count: method, what the vote decides, seats, quorum, majority threshold
and the lot's seed. (The household weight rule lives in `weights.py`.)

Method and decision names come from `lessons.vote_methods`, shared with the lessons' vote
templates and the portal's forms.
"""

from dataclasses import dataclass
from fractions import Fraction

from lessons.vote_methods import (
    MAJORITY_METHODS,
    SEAT_METHODS,
    DecisionKind,
    VoteMethod,
    decision_problem,
    names,
)
from teacher_portal.counting.weights import VOTES_PER_HOUSEHOLD, household_weights

__all__ = ["VOTES_PER_HOUSEHOLD", "CountingRuleError", "Rules", "household_weights"]


class CountingRuleError(ValueError):
    """Rules that cannot be applied (an unknown method, 2 seats for Schulze, ...)."""


@dataclass(frozen=True)
class Rules:
    """How to count.

    - `seats`: options to elect; `deputies`: runners-up to list in order for bloc (None:
      all runners-up with votes).
    - `quorum`: ballots (blank included) that must be cast for the vote to decide;
      `eligible`: who may vote, for turnout.
    - `majority`: the share of the valid votes the winner must exceed (1/2 = more than
      half); None means the most votes wins.
    - `seed`: the lot's seed; None draws one, which the result records.
    - `decision`: what the vote decides (`DecisionKind`), which sets how a tie ends: a
      proposal falls on a tie, a choice is left undecided, an election and a ranking
      draw lots. Callers should say; None counts as an election (every deciding tie drawn,
      as before decisions were modelled), so a caller not yet passing it keeps working.
    """

    method: str
    seats: int = 1
    deputies: int | None = None
    quorum: int | None = None
    eligible: int | None = None
    majority: Fraction | None = None
    seed: int | None = None
    decision: str | None = None

    def __post_init__(self) -> None:
        if self.method not in set(VoteMethod):
            raise CountingRuleError(
                f"unknown method '{self.method}'; choose one of: {', '.join(VoteMethod)}"
            )
        if self.seats < 1 or (self.seats > 1 and self.method not in SEAT_METHODS):
            raise CountingRuleError(
                f"'{self.method}' elects exactly 1; several seats work with {names(SEAT_METHODS)}"
            )
        if self.majority is not None and not 0 <= self.majority < 1:
            raise CountingRuleError("the majority threshold is a share from 0 up to (not) 1")
        if self.majority is not None and self.method not in MAJORITY_METHODS:
            raise CountingRuleError(
                f"a majority threshold does not apply to '{self.method}'; it works with "
                f"{names(MAJORITY_METHODS)}"
            )
        decision = self.decision or DecisionKind.ELECTION
        if decision not in set(DecisionKind):
            raise CountingRuleError(
                f"unknown decision '{decision}'; choose one of: {', '.join(DecisionKind)}"
            )
        problem = decision_problem(decision, self.method, self.seats)
        if problem:
            raise CountingRuleError(problem)
        object.__setattr__(self, "decision", DecisionKind(decision))
        for name in ("deputies", "quorum", "eligible"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise CountingRuleError(f"{name} must be 0 or more")
