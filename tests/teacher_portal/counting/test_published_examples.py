"""Published examples with known outcomes for each method."""

from fractions import Fraction

import pytest

from teacher_portal.counting import Ballot, Rules, count

TENNESSEE = ["Memphis", "Nashville", "Chattanooga", "Knoxville"]
TENNESSEE_BALLOTS = [
    Ballot(("Memphis", "Nashville", "Chattanooga", "Knoxville"), 42),
    Ballot(("Nashville", "Chattanooga", "Knoxville", "Memphis"), 26),
    Ballot(("Chattanooga", "Knoxville", "Nashville", "Memphis"), 15),
    Ballot(("Knoxville", "Chattanooga", "Nashville", "Memphis"), 17),
]


@pytest.mark.parametrize(
    ("method", "winner"),
    [
        ("plurality", "Memphis"),
        ("ranked", "Knoxville"),
        ("condorcet", "Nashville"),
        ("borda", "Nashville"),
    ],
)
def test_tennessee_capital_example(method: str, winner: str) -> None:
    """Wikipedia's Tennessee capital election: the method decides the capital."""
    result = count(TENNESSEE, TENNESSEE_BALLOTS, Rules(method, seed=1))
    assert result.winners == (winner,)
    assert result.tie_breaks == ()


def test_tennessee_runoff_rounds() -> None:
    """Chattanooga goes first, then Nashville; Knoxville wins 58 to 42."""
    result = count(TENNESSEE, TENNESSEE_BALLOTS, Rules("ranked"))
    assert [r.eliminated for r in result.rounds] == [("Chattanooga",), ("Nashville",), ()]
    assert result.rounds[-1].votes == {"Memphis": 42, "Knoxville": 58}


def test_tennessee_borda_points() -> None:
    """Borda points with 3 for first place down to 0 for last, as Wikipedia tabulates."""
    result = count(TENNESSEE, TENNESSEE_BALLOTS, Rules("borda"))
    assert result.scores == {"Memphis": 126, "Nashville": 194, "Chattanooga": 173, "Knoxville": 107}


SCHULZE_BALLOTS = [
    Ballot(tuple("ACBED"), 5),
    Ballot(tuple("ADECB"), 5),
    Ballot(tuple("BEDAC"), 8),
    Ballot(tuple("CABED"), 3),
    Ballot(tuple("CAEBD"), 7),
    Ballot(tuple("CBADE"), 2),
    Ballot(tuple("DCEBA"), 7),
    Ballot(tuple("EBADC"), 8),
]

# Wikipedia, "Schulze method", example with 45 voters: d[X, Y] and p[X, Y].
SCHULZE_PAIRWISE = {
    "A": {"B": 20, "C": 26, "D": 30, "E": 22},
    "B": {"A": 25, "C": 16, "D": 33, "E": 18},
    "C": {"A": 19, "B": 29, "D": 17, "E": 24},
    "D": {"A": 15, "B": 12, "C": 28, "E": 14},
    "E": {"A": 23, "B": 27, "C": 21, "D": 31},
}
SCHULZE_PATHS = {
    "A": {"B": 28, "C": 28, "D": 30, "E": 24},
    "B": {"A": 25, "C": 28, "D": 33, "E": 24},
    "C": {"A": 25, "B": 29, "D": 29, "E": 24},
    "D": {"A": 25, "B": 28, "C": 28, "E": 24},
    "E": {"A": 25, "B": 28, "C": 28, "D": 31},
}


def test_schulze_45_voter_example() -> None:
    result = count(list("ABCDE"), SCHULZE_BALLOTS, Rules("condorcet"))
    assert result.winners == ("E",)
    assert result.pairwise == SCHULZE_PAIRWISE
    assert result.strongest_paths == SCHULZE_PATHS
    assert result.to_dict()["pairwise"]["B"]["D"] == 33


def test_household_weights_keep_fractions_exact() -> None:
    """Three voters of one household carry 2/3 each: together exactly 2 votes."""
    ballots = [Ballot(("Memphis",), 3, Fraction(2, 3)), Ballot(("Nashville",), 1, 2)]
    result = count(TENNESSEE, ballots, Rules("plurality", seed=3))
    assert result.scores["Memphis"] == result.scores["Nashville"] == 2
    assert len(result.tie_breaks) == 1
    assert set(result.tie_breaks[0].tied) == {"Memphis", "Nashville"}
    assert result.winners == result.tie_breaks[0].order[:1]
