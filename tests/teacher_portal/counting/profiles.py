"""Hypothesis strategies for random ballot profiles, shared by the counting tests."""

from hypothesis import strategies as st

from teacher_portal.counting import Ballot

LETTERS = "ABCDEFG"


@st.composite
def ranked_profiles(draw, min_options: int = 2, max_options: int = 6, complete: bool = False):
    """(options, ballots): each ballot a ranking (a prefix of a permutation) with a count."""
    n_options = draw(st.integers(min_options, max_options))
    options = list(LETTERS[:n_options])
    min_length = n_options if complete else 1
    ranking = st.permutations(options).flatmap(
        lambda order: st.integers(min_length, n_options).map(lambda k: tuple(order[:k]))
    )
    entries = draw(st.lists(st.tuples(ranking, st.integers(1, 6)), min_size=1, max_size=12))
    return options, [Ballot(order, count) for order, count in entries]
