"""The department-meeting rules: blanks, invalid bloc ballots, deputies, quorum,
majority threshold, household weights and the recorded lot."""

import json
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons.vote_methods import VoteMethod
from teacher_portal.counting import (
    Ballot,
    BallotError,
    CountingRuleError,
    Rules,
    count,
    household_weights,
)
from tests.teacher_portal.counting.profiles import ranked_profiles

OPTIONS = ["Anna", "Bo", "Cem", "Dina", "Emil"]


def test_blank_ballots_count_for_turnout_not_as_votes() -> None:
    ballots = [Ballot(("Anna",), 3), Ballot((), 4), Ballot(("Bo",), 2)]
    result = count(OPTIONS, ballots, Rules("plurality", majority=Fraction(1, 2)))
    assert result.turnout.cast == 9
    assert result.turnout.blank == 4
    assert result.turnout.valid_votes == 5
    assert result.majority.share == Fraction(3, 5)
    assert result.winners == ("Anna",)


def test_bloc_elects_seats_and_lists_deputies_in_order_of_votes() -> None:
    ballots = [
        Ballot(("Anna", "Bo"), 5),
        Ballot(("Cem", "Bo"), 4),
        Ballot(("Dina",), 2),
        Ballot(("Emil", "Dina"), 1),
        Ballot(("Anna", "Bo", "Cem"), 7),  # marks 3 names for 2 seats: invalid
    ]
    result = count(OPTIONS, ballots, Rules("bloc", seats=2, seed=1))
    assert result.winners == ("Bo", "Anna")
    assert result.deputies == ("Cem", "Dina", "Emil")
    assert result.turnout.invalid == 7
    assert result.turnout.valid == 12
    assert count(OPTIONS, ballots, Rules("bloc", seats=2, deputies=1)).deputies == ("Cem",)


def test_tie_for_a_deputy_place_is_drawn_and_recorded() -> None:
    ballots = [Ballot(("Anna", "Bo"), 3), Ballot(("Cem",), 1), Ballot(("Dina",), 1)]
    result = count(OPTIONS, ballots, Rules("bloc", seats=2, seed=7))
    assert set(result.winners) == {"Anna", "Bo"}
    assert len(result.tie_breaks) == 1
    assert result.tie_breaks[0].tied == ("Cem", "Dina")
    assert result.deputies == result.tie_breaks[0].order


def test_the_lot_is_reproducible_from_the_seed_and_can_fall_either_way() -> None:
    ballots = [Ballot(("Anna",), 2), Ballot(("Bo",), 2)]
    outcomes = {seed: count(OPTIONS, ballots, Rules("plurality", seed=seed)) for seed in range(40)}
    for seed, result in outcomes.items():
        assert count(OPTIONS, ballots, Rules("plurality", seed=seed)).winners == result.winners
        assert result.seed == seed
        assert result.winners == result.tie_breaks[0].order[:1]
    assert {result.winners for result in outcomes.values()} == {("Anna",), ("Bo",)}


def test_a_drawn_seed_is_recorded_so_the_count_can_be_repeated() -> None:
    ballots = [Ballot(("Anna",), 1), Ballot(("Bo",), 1), Ballot(("Cem",), 1)]
    first = count(OPTIONS, ballots, Rules("ranked"))
    again = count(OPTIONS, ballots, Rules("ranked", seed=first.seed))
    assert again.to_dict() == first.to_dict()
    assert first.tie_breaks


def test_runoff_tie_for_last_place_eliminates_by_lot() -> None:
    ballots = [Ballot(("Anna",), 3), Ballot(("Bo", "Anna"), 2), Ballot(("Cem", "Bo"), 2)]
    result = count(OPTIONS, ballots, Rules("ranked", seed=5))
    draw = result.tie_breaks[0]
    assert draw.tied == ("Bo", "Cem")
    assert result.rounds[1].eliminated == (draw.order[-1],)


def test_without_quorum_nothing_is_decided_but_the_leader_is_shown() -> None:
    ballots = [Ballot(("Anna",), 3), Ballot((), 1)]
    result = count(OPTIONS, ballots, Rules("plurality", quorum=5, eligible=24))
    assert result.winners == ()
    assert result.leading == ("Anna",)
    assert result.undecided_reason == "quorum"
    assert count(OPTIONS, ballots, Rules("plurality", quorum=4)).winners == ("Anna",)


def test_majority_threshold_not_met_leaves_the_vote_undecided() -> None:
    ballots = [Ballot(("Anna",), 4), Ballot(("Bo",), 3), Ballot(("Cem",), 2)]
    result = count(OPTIONS, ballots, Rules("plurality", majority=Fraction(1, 2)))
    assert result.undecided_reason == "majority"
    assert result.majority.share == Fraction(4, 9)
    assert not result.majority.met
    ranked = count(OPTIONS, ballots, Rules("ranked", majority=Fraction(2, 3)))
    assert ranked.leading == ("Anna",) and ranked.undecided_reason == "majority"


def test_no_valid_votes_decides_nothing() -> None:
    result = count(OPTIONS, [Ballot((), 5)], Rules("condorcet"))
    assert result.undecided_reason == "no_valid_votes"
    assert result.winners == () and result.tie_breaks == ()


def test_household_rule_gives_each_household_two_votes() -> None:
    households = {"mia": "nr 3", "ole": "nr 3", "ida": "nr 3", "sam": "nr 5", "liv": "nr 7"}
    weights = household_weights(households, ["mia", "ole", "ida", "sam", "liv", "liv"])
    assert weights == {
        "mia": Fraction(2, 3),
        "ole": Fraction(2, 3),
        "ida": Fraction(2, 3),
        "sam": 2,
        "liv": 2,
    }
    assert household_weights({}, ["kim"]) == {"kim": 2}


def test_weighted_ballots_are_counted_by_weight() -> None:
    weights = household_weights({"a": "h1", "b": "h1", "c": "h2"}, ["a", "b", "c"])
    ballots = [
        Ballot(("Anna",), weight=weights["a"]),
        Ballot(("Anna",), weight=weights["b"]),
        Ballot(("Bo",), weight=weights["c"]),
    ]
    result = count(OPTIONS, ballots, Rules("plurality", seed=2))
    assert result.scores["Anna"] == result.scores["Bo"] == 2
    assert result.turnout.cast == 3


def test_results_are_json_ready() -> None:
    ballots = [Ballot(("Anna", "Bo"), 2, Fraction(1, 3)), Ballot(("Bo",), 1)]
    for method in ("plurality", "approval", "ranked", "borda", "condorcet", "bloc"):
        seats = 2 if method == "bloc" else 1
        data = json.loads(json.dumps(count(OPTIONS, ballots, Rules(method, seats)).to_dict()))
        assert data["method"] == method
        assert set(data) >= {"winners", "tie_breaks", "seed", "turnout"}


@pytest.mark.parametrize(
    "rules",
    [
        {"method": "instant"},
        {"method": "ranked", "seats": 2},
        {"method": "borda", "majority": Fraction(1, 2)},
        {"method": "plurality", "majority": Fraction(3, 2)},
        {"method": "plurality", "quorum": -1},
    ],
)
def test_impossible_rules_are_refused(rules: dict) -> None:
    with pytest.raises(CountingRuleError):
        Rules(**rules)


@pytest.mark.parametrize(
    ("ballot", "path"),
    [
        (Ballot(("Anna", "Zed")), "ballots[1].ranking[1]"),
        (Ballot(("Anna", "Anna")), "ballots[1].ranking"),
        (Ballot(("Anna",), count=-1), "ballots[1].count"),
        (Ballot(("Anna",), weight=-1), "ballots[1].weight"),
    ],
)
def test_bad_ballots_name_where_they_are(ballot: Ballot, path: str) -> None:
    with pytest.raises(BallotError) as raised:
        count(OPTIONS, [Ballot(("Bo",)), ballot], Rules("plurality"))
    assert raised.value.path == path


def test_more_seats_than_options_is_refused() -> None:
    with pytest.raises(CountingRuleError):
        count(OPTIONS[:2], [Ballot(("Anna",))], Rules("bloc", seats=3))


@settings(max_examples=100, deadline=None)
@given(ranked_profiles(), st.sampled_from([m for m in VoteMethod if m != "bloc"]))
def test_a_weight_of_k_counts_like_k_ballots(profile, method: str) -> None:
    options, ballots = profile
    doubled = [Ballot(b.ranking, b.count, 2) for b in ballots]
    copied = [Ballot(b.ranking, b.count) for b in ballots for _ in range(2)]
    weighted, repeated = (count(options, bs, Rules(method, seed=9)) for bs in (doubled, copied))
    assert weighted.to_dict() | {"turnout": None} == repeated.to_dict() | {"turnout": None}
    assert weighted.turnout.valid_votes == 2 * weighted.turnout.cast
