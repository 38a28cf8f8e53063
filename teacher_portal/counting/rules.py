"""The rules of a count: method, seats, quorum, majority threshold, the lot's seed, and
the department meeting's weight rule (two votes per household).

Method names come from `lessons.vote_methods`, shared with the lessons' vote templates and
the portal's forms.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from lessons.vote_methods import MAJORITY_METHODS, SEAT_METHODS, VoteMethod, names


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
    """

    method: str
    seats: int = 1
    deputies: int | None = None
    quorum: int | None = None
    eligible: int | None = None
    majority: Fraction | None = None
    seed: int | None = None

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
        for name in ("deputies", "quorum", "eligible"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise CountingRuleError(f"{name} must be 0 or more")


VOTES_PER_HOUSEHOLD = 2


def household_weights(
    household_of: Mapping[str, str],
    voters: Iterable[str],
    votes_per_household: int = VOTES_PER_HOUSEHOLD,
) -> dict[str, Fraction]:
    """Each voter's weight: their household's votes split over its members who voted.

    Almenboligloven and the standard statutes give each household 2 votes at the
    department meeting, and an adult household member present may cast them. So the 2
    votes are split evenly over the members who cast a ballot: one voter carries 2 votes,
    two carry 1 each, three 2/3 each. A member who votes blank has used their share
    (blank votes do not count and are not passed on). `household_of` maps a voter to
    their household; a voter without one is a household of their own.
    """
    voted = list(dict.fromkeys(voters))
    households = [household_of.get(voter, ("own household", voter)) for voter in voted]
    turned_up = Counter(households)
    return {
        voter: Fraction(votes_per_household, turned_up[household])
        for voter, household in zip(voted, households, strict=True)
    }
