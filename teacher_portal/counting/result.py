"""What a count produces, in a form the portal can show and the CLI can print as JSON.

Numbers stay exact `Fraction`s inside (household weights split votes into thirds);
`to_dict` turns whole numbers into ints and the rest into floats for JSON.
"""

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from lessons.vote_methods import VoteMethod
from teacher_portal.counting.lot import TieBreak


@dataclass(frozen=True)
class Round:
    """One instant run-off round: votes of the options still in the race."""

    number: int
    votes: dict[str, Fraction]
    exhausted: Fraction
    eliminated: tuple[str, ...] = ()
    elected: tuple[str, ...] = ()


@dataclass(frozen=True)
class Turnout:
    """Ballots (people), not votes: `cast` = `blank` + `invalid` + `valid`."""

    cast: int
    blank: int
    invalid: int
    valid: int
    valid_votes: Fraction
    eligible: int | None = None
    quorum: int | None = None

    @property
    def quorum_met(self) -> bool:
        return self.quorum is None or self.cast >= self.quorum


@dataclass(frozen=True)
class MajorityCheck:
    """The leading option's share of the votes it is measured against, and the threshold."""

    threshold: Fraction
    share: Fraction
    met: bool


@dataclass(frozen=True)
class ProposalOutcome:
    """A yes/no proposal: adopted only with more votes for than against (and over the
    majority threshold, when one is set); on a tie it falls."""

    for_votes: Fraction
    against_votes: Fraction
    adopted: bool
    tied: bool


@dataclass(frozen=True)
class Result:
    """A count's outcome: winners only when `decided` (quorum and majority met, no tie
    left open). A proposal's winner is its for-option when adopted and its against-option
    when it falls; a ranking lists every option in `ranking`."""

    method: str
    options: tuple[str, ...]
    seats: int
    seed: int
    turnout: Turnout
    leading: tuple[str, ...]
    deputies: tuple[str, ...] = ()
    scores: dict[str, Fraction] | None = None
    rounds: tuple[Round, ...] | None = None
    pairwise: dict[str, dict[str, Fraction]] | None = None
    strongest_paths: dict[str, dict[str, Fraction]] | None = None
    condorcet_winner: str | None = None
    tie_breaks: tuple[TieBreak, ...] = ()
    majority: MajorityCheck | None = None
    undecided_reason: str | None = field(default=None)
    decision: str = "choice"
    proposal: ProposalOutcome | None = None
    ranking: tuple[str, ...] | None = None

    @property
    def decided(self) -> bool:
        return self.undecided_reason is None

    @property
    def winners(self) -> tuple[str, ...]:
        return self.leading if self.decided else ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; method-specific fields only when the method has them."""
        data: dict[str, Any] = {
            "method": self.method,
            "decision": str(self.decision),
            "options": list(self.options),
            "seats": self.seats,
            "winners": list(self.winners),
            "decided": self.decided,
            "undecided_reason": self.undecided_reason,
            "leading": list(self.leading),
        }
        if self.method == VoteMethod.BLOC:
            data["deputies"] = list(self.deputies)
        if self.scores is not None:
            data["scores"] = _numbers(self.scores)
        if self.proposal is not None:
            data["proposal"] = {
                "for": _number(self.proposal.for_votes),
                "against": _number(self.proposal.against_votes),
                "adopted": self.proposal.adopted,
                "tied": self.proposal.tied,
            }
        if self.ranking is not None:
            data["ranking"] = list(self.ranking)
        if self.rounds is not None:
            data["rounds"] = [_round_dict(r) for r in self.rounds]
        if self.pairwise is not None:
            data["pairwise"] = {a: _numbers(row) for a, row in self.pairwise.items()}
        if self.strongest_paths is not None:
            data["strongest_paths"] = {a: _numbers(r) for a, r in self.strongest_paths.items()}
            data["condorcet_winner"] = self.condorcet_winner
        data["tie_breaks"] = [
            {"stage": t.stage, "tied": list(t.tied), "order": list(t.order)}
            for t in self.tie_breaks
        ]
        data["seed"] = self.seed
        data["turnout"] = _turnout_dict(self.turnout)
        if self.majority is not None:
            data["majority"] = {
                "threshold": _number(self.majority.threshold),
                "share": _number(self.majority.share),
                "met": self.majority.met,
            }
        return data


def _number(value: Fraction | int) -> int | float:
    value = Fraction(value)
    return value.numerator if value.denominator == 1 else round(float(value), 6)


def _numbers(values: dict[str, Fraction]) -> dict[str, int | float]:
    return {key: _number(value) for key, value in values.items()}


def _round_dict(round_: Round) -> dict[str, Any]:
    return {
        "round": round_.number,
        "votes": _numbers(round_.votes),
        "exhausted": _number(round_.exhausted),
        "eliminated": list(round_.eliminated),
        "elected": list(round_.elected),
    }


def _turnout_dict(turnout: Turnout) -> dict[str, Any]:
    return {
        "cast": turnout.cast,
        "blank": turnout.blank,
        "invalid": turnout.invalid,
        "valid": turnout.valid,
        "valid_votes": _number(turnout.valid_votes),
        "eligible": turnout.eligible,
        "quorum": turnout.quorum,
        "quorum_met": turnout.quorum_met,
    }
