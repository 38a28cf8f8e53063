"""Vote counting for the portal, the `jagten tally` command and paper ballots.

Pure Python + numpy + votelib; no Flask here, so the same rules count a class's phone
ballots, a chat vote and a pile of paper ballots typed into a JSON file.
"""

from teacher_portal.counting.ballots import Ballot, BallotError
from teacher_portal.counting.count import count
from teacher_portal.counting.lot import TieBreak
from teacher_portal.counting.result import MajorityCheck, ProposalOutcome, Result, Round, Turnout
from teacher_portal.counting.rules import CountingRuleError, Rules
from teacher_portal.counting.weights import (
    WeightPlan,
    WeightWarning,
    household_weights,
    plan_household_weights,
)

__all__ = [
    "Ballot",
    "BallotError",
    "CountingRuleError",
    "MajorityCheck",
    "ProposalOutcome",
    "Result",
    "Round",
    "Rules",
    "TieBreak",
    "Turnout",
    "WeightPlan",
    "WeightWarning",
    "count",
    "household_weights",
    "plan_household_weights",
]
