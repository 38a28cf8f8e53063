"""Vote methods, kinds of decision and weight rules: one vocabulary for lessons, counting
and the portal.

It lives here, below the portal, because a lesson's vote template names a method and the
lesson checker must know what each method can do (`compare` needs ranked ballots); the
portal's counting, forms and ballots import the same enum, so a lesson can never ask for a
method the counting code lacks.
"""

from enum import StrEnum

from worlds.language import _


class VoteMethod(StrEnum):
    """How ballots are counted."""

    PLURALITY = "plurality"
    APPROVAL = "approval"
    RANKED = "ranked"  # instant run-off
    BORDA = "borda"
    CONDORCET = "condorcet"  # Schulze
    BLOC = "bloc"  # k seats, runners-up become deputies in order of votes


class DecisionKind(StrEnum):
    """What a vote decides, which sets how a tie ends.

    The department meeting's rules treat these differently: a proposal is adopted only
    with more votes for than against, so a tie means it falls; lots are drawn only in
    elections (a seat, a deputy place) and for places in a ranking.
    """

    PROPOSAL = "proposal"  # yes or no to one proposal; a tie: the proposal falls
    CHOICE = "choice"  # one of several options; a tie for the win decides nothing
    ELECTION = "election"  # people for seats; ties for a seat or deputy place by lot
    RANKING = "ranking"  # an order of all options; ties for a place by lot


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


PROPOSAL_METHODS = frozenset({VoteMethod.PLURALITY})
"""A proposal is one ballot question, for or against: one cross."""

RANKING_METHODS = frozenset({VoteMethod.PLURALITY, VoteMethod.APPROVAL, VoteMethod.BORDA})
"""Methods whose totals put every option in order."""

PROPOSAL_OPTIONS = 2
"""A proposal's options: for (first) and against (second)."""


def default_decision(method: VoteMethod | str, seats: int = 1) -> DecisionKind:
    """What a vote decides when nobody said: several seats or a bloc vote elect people;
    anything else chooses one option."""
    if method == VoteMethod.BLOC or seats > 1:
        return DecisionKind.ELECTION
    return DecisionKind.CHOICE


def decision_problem(
    decision: DecisionKind | str, method: VoteMethod | str, seats: int = 1
) -> str | None:
    """Why ``method`` cannot make this kind of decision, or None when it can."""
    if decision == DecisionKind.PROPOSAL and method not in PROPOSAL_METHODS:
        return _(
            "a proposal is decided by %(methods)s (one cross: for or against), not '%(method)s'",
            methods=names(PROPOSAL_METHODS),
            method=str(method),
        )
    if decision == DecisionKind.RANKING and method not in RANKING_METHODS:
        return _(
            "a ranking orders the options by totals: use %(methods)s, not '%(method)s'",
            methods=names(RANKING_METHODS),
            method=str(method),
        )
    if decision in (DecisionKind.PROPOSAL, DecisionKind.CHOICE) and (
        seats > 1 or method == VoteMethod.BLOC
    ):
        if decision == DecisionKind.PROPOSAL:
            return _("a proposal has one outcome; several seats or a bloc vote are an election")
        return _("a choice has one outcome; several seats or a bloc vote are an election")
    return None


def names(methods: frozenset[VoteMethod]) -> str:
    """Methods as a sentence lists them, in the enum's order: 'plurality, approval, bloc'."""
    return ", ".join(method.value for method in VoteMethod if method in methods)
