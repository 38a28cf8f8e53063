"""The vote methods and weight rules: one vocabulary for lessons, counting and the portal.

It lives here, below the portal, because a lesson's vote template names a method and the
lesson checker must know what each method can do (`compare` needs ranked ballots); the
portal's counting, forms and ballots import the same enum, so a lesson can never ask for a
method the counting code lacks.
"""

from enum import StrEnum


class VoteMethod(StrEnum):
    """How ballots are counted."""

    PLURALITY = "plurality"
    APPROVAL = "approval"
    RANKED = "ranked"  # instant run-off
    BORDA = "borda"
    CONDORCET = "condorcet"  # Schulze
    BLOC = "bloc"  # k seats, runners-up become deputies in order of votes


class VoteWeights(StrEnum):
    """Who holds the votes: each pupil, or each household with two votes (department meeting)."""

    PER_PUPIL = "per_pupil"
    PER_HOUSEHOLD = "per_household"


RANKED_BALLOT_METHODS = frozenset({VoteMethod.RANKED, VoteMethod.BORDA, VoteMethod.CONDORCET})
"""Methods whose ballot is a ranking of the options."""

COUNTABLE_FROM_RANKINGS = RANKED_BALLOT_METHODS | {VoteMethod.PLURALITY}
"""Methods that can all count one set of ranked ballots (plurality reads first choices),
so a ranked vote can `compare` its winner with theirs."""

SEAT_METHODS = frozenset(
    {VoteMethod.PLURALITY, VoteMethod.APPROVAL, VoteMethod.BORDA, VoteMethod.BLOC}
)
"""Methods that can fill several seats by ordering options by their totals."""

MAJORITY_METHODS = frozenset(
    {VoteMethod.PLURALITY, VoteMethod.APPROVAL, VoteMethod.RANKED, VoteMethod.BLOC}
)
"""Methods where "the winner's share of the votes" means something."""


def names(methods: frozenset[VoteMethod]) -> str:
    """Methods as a sentence lists them, in the enum's order: 'plurality, approval, bloc'."""
    return ", ".join(method.value for method in VoteMethod if method in methods)
