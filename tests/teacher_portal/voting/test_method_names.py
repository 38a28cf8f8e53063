"""The vote methods are one vocabulary: every method has a name on the teacher's form, and
counting accepts exactly the methods lessons may name."""

import pytest

from lessons.vote_methods import VoteMethod
from teacher_portal.counting.count import COUNTERS
from teacher_portal.counting.rules import CountingRuleError, Rules
from teacher_portal.voting.forms import METHOD_LABELS


def test_every_method_has_a_label_on_the_form() -> None:
    assert set(METHOD_LABELS) == set(VoteMethod)


def test_counting_knows_every_method_and_no_other() -> None:
    assert set(COUNTERS) == set(VoteMethod)
    for method in VoteMethod:
        assert Rules(method=method).method == method
    with pytest.raises(CountingRuleError, match="unknown method"):
        Rules(method="dictatorship")
