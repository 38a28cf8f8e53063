"""The department meeting's weight rule, and a preview of it before a vote opens.

Each household has 2 votes whatever its size; a voter without a household counts as a
household of one. That rule hides a trap in class: pupils given roles (candidates, the
chair) but no household each carry 2 votes, so ten candidates outweigh fourteen households.
`plan_household_weights` shows the weights a vote will use and warns about that, so the
portal can tell the teacher before the vote opens.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

VOTES_PER_HOUSEHOLD = 2


def household_weights(
    household_of: Mapping[str, str],
    voters: Iterable[str],
    votes_per_household: int = VOTES_PER_HOUSEHOLD,
) -> dict[str, Fraction]:
    """Each voter's weight: their household's votes split over its members who voted.

    Almenboligloven and the standard statutes give each household 2 votes at the
    department meeting, and an adult household member present may cast them. So the 2
    votes are split evenly over the members who cast a ballot: one voter carries 2 votes,
    two carry 1 each, three 2/3 each. A member who votes blank has used their share
    (blank votes do not count and are not passed on). `household_of` maps a voter to
    their household; a voter without one is a household of their own.
    """
    voted = list(dict.fromkeys(voters))
    households = [household_of.get(voter, ("own household", voter)) for voter in voted]
    turned_up = Counter(households)
    return {
        voter: Fraction(votes_per_household, turned_up[household])
        for voter, household in zip(voted, households, strict=True)
    }


WARNING_TEXTS = {
    "no_household": (
        "{count} elever er ikke i en husstand: hver tæller som en husstand for sig selv med "
        "{each} stemmer, i alt {votes} af {total} stemmer. Sæt elever med roller "
        "(kandidater, dirigent) i en husstand, før afstemningen åbner.",
        "{count} pupils are in no household: each counts as a household of their own with "
        "{each} votes, {votes} of {total} votes in all. Put pupils with roles (candidates, "
        "the chair) in a household before the vote opens.",
    ),
    "outweighs_households": (
        "De {count} elever uden husstand har flere stemmer ({votes}) end alle husstandene "
        "tilsammen ({household_votes}).",
        "The {count} pupils without a household hold more votes ({votes}) than all the "
        "households together ({household_votes}).",
    ),
}


@dataclass(frozen=True)
class WeightWarning:
    """Something a teacher should fix before opening a household vote."""

    code: str
    pupils: tuple[str, ...]
    values: Mapping[str, int]

    def text(self, lang: str = "da") -> str:
        template = WARNING_TEXTS[self.code][0 if lang == "da" else 1]
        return template.format(count=len(self.pupils), **self.values)


@dataclass(frozen=True)
class WeightPlan:
    """The weights a household vote will use, and what looks wrong about them.

    `weights` are each pupil's weight if everyone votes; a pupil whose housemates stay
    away carries more (up to the household's 2 votes), which is the rule, not a bug.
    """

    households: Mapping[str, tuple[str, ...]]
    without_household: tuple[str, ...]
    weights: Mapping[str, Fraction]
    votes_per_household: int
    warnings: tuple[WeightWarning, ...]

    @property
    def total_votes(self) -> int:
        return self.votes_per_household * (len(self.households) + len(self.without_household))


def plan_household_weights(
    household_of: Mapping[str, str | None],
    pupils: Iterable[str],
    votes_per_household: int = VOTES_PER_HOUSEHOLD,
) -> WeightPlan:
    """The weights a vote by households will use for ``pupils``, with warnings.

    `household_of` maps a pupil to a household (None or missing: no household). The
    portal calls this before opening a vote and shows the weights and warnings.
    """
    everyone = list(dict.fromkeys(pupils))
    assigned = {pupil: household_of[pupil] for pupil in everyone if household_of.get(pupil)}
    alone = tuple(pupil for pupil in everyone if pupil not in assigned)
    households: dict[str, tuple[str, ...]] = {}
    for pupil, household in assigned.items():
        households[household] = (*households.get(household, ()), pupil)
    plan = WeightPlan(
        households=households,
        without_household=alone,
        weights=household_weights(assigned, everyone, votes_per_household),
        votes_per_household=votes_per_household,
        warnings=(),
    )
    return WeightPlan(**{**plan.__dict__, "warnings": _warnings(plan)})


def _warnings(plan: WeightPlan) -> tuple[WeightWarning, ...]:
    if not plan.without_household:
        return ()
    alone_votes = plan.votes_per_household * len(plan.without_household)
    household_votes = plan.votes_per_household * len(plan.households)
    values = {
        "each": plan.votes_per_household,
        "votes": alone_votes,
        "total": plan.total_votes,
        "household_votes": household_votes,
    }
    warnings = [WeightWarning("no_household", plan.without_household, values)]
    if alone_votes > household_votes:
        warnings.append(WeightWarning("outweighs_households", plan.without_household, values))
    return tuple(warnings)
