"""The household weight rule as the portal will show it before a vote opens: pupils with
roles but no household each count as a household of one, and the plan warns about it."""

from fractions import Fraction

from teacher_portal.counting import plan_household_weights


def _class_with_candidates() -> tuple[dict[str, str], list[str]]:
    """Afdelingsbestyrelsen as first shipped: 10 candidates and a chair in no household,
    14 pupils in 7 households of 2."""
    roles = [f"kandidat_{n}" for n in range(10)] + ["dirigent"]
    residents = [f"beboer_{n}" for n in range(14)]
    household_of = {pupil: f"nr {n // 2}" for n, pupil in enumerate(residents)}
    return household_of, roles + residents


def test_pupils_with_roles_and_no_household_are_warned_about() -> None:
    household_of, pupils = _class_with_candidates()
    plan = plan_household_weights(household_of, pupils)
    assert len(plan.households) == 7
    assert len(plan.without_household) == 11
    assert plan.total_votes == 36
    assert plan.weights["kandidat_0"] == 2 and plan.weights["beboer_0"] == 1
    codes = [warning.code for warning in plan.warnings]
    assert codes == ["no_household", "outweighs_households"]
    assert "11 elever" in plan.warnings[0].text("da")
    assert "22 af 36" in plan.warnings[0].text("da")
    assert "more votes (22) than all the households together (14)" in plan.warnings[1].text("en")


def test_roles_inside_households_give_no_warning_and_exact_weights() -> None:
    household_of = {"kim": "nr 1", "ali": "nr 1", "ida": "nr 1", "bo": "nr 2"}
    plan = plan_household_weights(household_of, ["kim", "ali", "ida", "bo"])
    assert plan.warnings == ()
    assert plan.weights == {
        "kim": Fraction(2, 3),
        "ali": Fraction(2, 3),
        "ida": Fraction(2, 3),
        "bo": 2,
    }
    assert sum(plan.weights.values()) == plan.total_votes == 4
