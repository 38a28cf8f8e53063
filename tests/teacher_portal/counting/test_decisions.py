"""What a vote decides sets how a tie ends: a proposal falls, a choice stays open, an
election or a ranking draws lots (almenboligloven, the standard statutes and ordinary
association practice: a proposal needs more votes for than against)."""

import json
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner

from teacher_portal.cli import main
from teacher_portal.counting import Ballot, CountingRuleError, Rules, count, household_weights

YES_NO = ["Ja", "Nej"]
PLAYGROUNDS = ["Klassisk", "Natur", "Aktiv"]


def test_a_tied_proposal_falls_and_no_lot_is_drawn() -> None:
    ballots = [Ballot(("Ja",), 3), Ballot(("Nej",), 3), Ballot((), 2)]
    result = count(YES_NO, ballots, Rules("plurality", decision="proposal", seed=1))
    assert result.decided
    assert result.winners == ("Nej",)
    assert result.proposal.tied and not result.proposal.adopted
    assert result.tie_breaks == ()
    for seed in range(20):  # no seed can adopt it
        again = count(YES_NO, ballots, Rules("plurality", decision="proposal", seed=seed))
        assert again.winners == ("Nej",)


def test_a_proposal_is_adopted_with_more_votes_for_than_against() -> None:
    ballots = [Ballot(("Ja",), 4), Ballot(("Nej",), 3), Ballot((), 5)]
    result = count(YES_NO, ballots, Rules("plurality", decision="proposal"))
    assert result.winners == ("Ja",)
    assert result.proposal.adopted and not result.proposal.tied
    assert result.to_dict()["proposal"] == {"for": 4, "against": 3, "adopted": True, "tied": False}


def test_household_weights_can_tie_a_proposal_exactly() -> None:
    """Three members of one household (2/3 each) against one member of another: 2 - 2."""
    weights = household_weights({"a": "h1", "b": "h1", "c": "h1", "d": "h2"}, "abcd")
    ballots = [Ballot(("Ja",), weight=weights[v]) for v in "abc"]
    ballots.append(Ballot(("Nej",), weight=weights["d"]))
    result = count(YES_NO, ballots, Rules("plurality", decision="proposal"))
    assert result.proposal.for_votes == result.proposal.against_votes == 2
    assert result.winners == ("Nej",)


def test_a_qualified_majority_must_be_passed_for_a_proposal() -> None:
    ballots = [Ballot(("Ja",), 6), Ballot(("Nej",), 4)]
    two_thirds = Rules("plurality", decision="proposal", majority=Fraction(2, 3))
    assert count(YES_NO, ballots, two_thirds).winners == ("Nej",)
    assert count(YES_NO, [Ballot(("Ja",), 7), Ballot(("Nej",), 3)], two_thirds).winners == ("Ja",)


@pytest.mark.parametrize(
    "rules",
    [
        {"method": "ranked", "decision": "proposal"},
        {"method": "bloc", "seats": 2, "decision": "choice"},
        {"method": "condorcet", "decision": "ranking"},
        {"method": "plurality", "decision": "referendum"},
    ],
)
def test_decisions_a_method_cannot_make_are_refused(rules: dict) -> None:
    with pytest.raises(CountingRuleError):
        Rules(**rules)


def test_a_proposal_needs_exactly_for_and_against() -> None:
    with pytest.raises(CountingRuleError, match="for and against"):
        count(PLAYGROUNDS, [Ballot(("Natur",))], Rules("plurality", decision="proposal"))


def test_a_tied_choice_decides_nothing_and_draws_no_lot() -> None:
    ballots = [Ballot(("Natur",), 4), Ballot(("Aktiv",), 4), Ballot(("Klassisk",), 1)]
    result = count(PLAYGROUNDS, ballots, Rules("plurality", decision="choice"))
    assert result.decision == "choice"
    assert result.undecided_reason == "tie"
    assert result.winners == ()
    assert result.leading == ("Natur", "Aktiv")
    assert result.tie_breaks == ()


def test_a_choice_by_approval_ties_the_same_way() -> None:
    ballots = [Ballot(("Natur", "Aktiv"), 3), Ballot(("Klassisk",), 2)]
    result = count(PLAYGROUNDS, ballots, Rules("approval", decision="choice"))
    assert result.undecided_reason == "tie" and set(result.leading) == {"Natur", "Aktiv"}


def test_a_choice_by_run_off_draws_eliminations_but_not_the_final_pair() -> None:
    # Round 1: Klassisk 3, Natur 2, Aktiv 2 -> the tie for last place is drawn (a place
    # in the ranking); round 2 then ends 3 against 4 or, if the last two tie, undecided.
    ballots = [Ballot(("Klassisk",), 3), Ballot(("Natur", "Klassisk"), 2), Ballot(("Aktiv",), 2)]
    result = count(PLAYGROUNDS, ballots, Rules("ranked", seed=5, decision="choice"))
    assert result.tie_breaks[0].tied == ("Natur", "Aktiv")
    final_pair = [Ballot(("Natur",), 3), Ballot(("Aktiv",), 3)]
    tied = count(PLAYGROUNDS, final_pair, Rules("ranked", seed=5, decision="choice"))
    assert tied.undecided_reason == "tie" and set(tied.leading) == {"Natur", "Aktiv"}
    assert tied.tie_breaks == ()
    election = count(PLAYGROUNDS, final_pair, Rules("ranked", seed=5, decision="election"))
    assert election.decided and len(election.tie_breaks) == 1


def test_a_condorcet_cycle_has_no_condorcet_winner() -> None:
    """A > B > C > A, each pair 2 to 1: the pairwise table shows the cycle."""
    cycle = [Ballot(("A", "B", "C")), Ballot(("B", "C", "A")), Ballot(("C", "A", "B"))]
    result = count(["A", "B", "C"], cycle, Rules("condorcet", decision="choice"))
    assert result.pairwise["A"]["B"] == result.pairwise["B"]["C"] == result.pairwise["C"]["A"] == 2
    assert result.condorcet_winner is None
    assert result.undecided_reason == "tie"  # Schulze ties all three; a choice stays open
    clear = count(
        ["A", "B", "C"], [*cycle, Ballot(("A",), 2)], Rules("condorcet", decision="choice")
    )
    assert clear.condorcet_winner == "A" and clear.winners == ("A",)
    assert json.loads(json.dumps(clear.to_dict()))["condorcet_winner"] == "A"


def test_a_ranking_draws_every_tie_for_a_place() -> None:
    options = ["Skolevej", "Ungdomsklub", "Storskrald", "Træer"]
    ballots = [
        Ballot(("Skolevej", "Ungdomsklub", "Storskrald", "Træer")),
        Ballot(("Ungdomsklub", "Skolevej", "Træer", "Storskrald")),
    ]
    result = count(options, ballots, Rules("borda", decision="ranking", seed=3))
    assert set(result.ranking[:2]) == {"Skolevej", "Ungdomsklub"}
    assert set(result.ranking[2:]) == {"Storskrald", "Træer"}
    assert [set(draw.tied) for draw in result.tie_breaks] == [
        {"Skolevej", "Ungdomsklub"},
        {"Storskrald", "Træer"},
    ]
    assert result.winners == result.ranking[:1]


def test_without_a_decision_ties_are_drawn_as_in_an_election() -> None:
    """Callers not yet saying what they decide keep the lot they had."""
    assert Rules("bloc", seats=3).decision == "election"
    assert Rules("plurality").decision == "election"
    ballots = [Ballot(("Natur",), 2), Ballot(("Aktiv",), 2)]
    assert len(count(PLAYGROUNDS, ballots, Rules("plurality", seed=1)).tie_breaks) == 1


def test_tally_counts_a_paper_proposal(tmp_path: Path) -> None:
    file = tmp_path / "urafstemning.json"
    ballots = [{"ranking": ["Ja"], "count": 9}, {"ranking": ["Nej"], "count": 9}]
    file.write_text(json.dumps({"options": YES_NO, "ballots": ballots}), encoding="utf-8")
    run = CliRunner().invoke(
        main, ["tally", "--method", "plurality", "--decision", "proposal", str(file)]
    )
    assert run.exit_code == 0, run.output
    result = json.loads(run.output)
    assert result["winners"] == ["Nej"] and result["proposal"]["tied"]
    assert result["tie_breaks"] == []
