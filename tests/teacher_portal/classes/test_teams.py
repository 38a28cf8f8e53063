"""Groups and households: natural order, and the class split in one click each."""

from collections import Counter

from flask import Flask
from hypothesis import given
from hypothesis import strategies as st

from teacher_portal.classes.teams import household_sizes, natural, suggested_group_count
from teacher_portal.core.extensions import db
from teacher_portal.models import Group, SchoolClass
from tests.teacher_portal.conftest import AuthActions
from tests.teacher_portal.factories import (
    create_class,
    create_group,
    create_household,
    create_pupils,
    default_teacher,
)

NICKNAMES = [f"Elev {n}" for n in range(1, 25)]


def test_teams_sort_as_people_count() -> None:
    names = ["Nr. 10", "nr. 2", "Nr. 1", "Gruppe 11", "Gruppe 9"]
    assert [team.name for team in natural(Group(name=name) for name in names)] == [
        "Gruppe 9",
        "Gruppe 11",
        "Nr. 1",
        "nr. 2",
        "Nr. 10",
    ]


@given(st.integers(min_value=2, max_value=200))
def test_households_have_two_or_three_pupils(pupils: int) -> None:
    sizes = household_sizes(pupils)
    assert sum(sizes) == pupils
    assert all(size in (2, 3) for size in sizes)
    assert len(sizes) == -(-pupils // 3)  # as few households as that allows


def test_the_class_page_lists_teams_in_natural_order(app: Flask, client, auth) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        for name in ("Nr. 10", "Nr. 2", "Nr. 1"):
            create_household(school_class, name)
        create_pupils(school_class, "Ali")
    auth.login()
    page = client.get(f"/classes/{school_class.id}").text
    households = page[page.index('id="households"') :]
    assert households.index("Nr. 1 ") < households.index("Nr. 2 ") < households.index("Nr. 10 ")


def test_split_into_groups_in_one_click(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        create_pupils(school_class, *NICKNAMES)
        create_group(school_class, "Gruppe 2")  # reused, not doubled
    auth.login()
    page = client.get(f"/classes/{school_class.id}").text
    assert f'value="{suggested_group_count(24)}"' in page  # groups of four, ready to click
    response = client.post(f"/classes/{school_class.id}/groups/split", data={"count": "6"})
    assert "Klassen er delt i 6 grupper." in client.get(response.location).text
    with app.app_context():
        saved = db.session.get(SchoolClass, school_class.id)
        sizes = Counter(pupil.group.name for pupil in saved.pupils)
        assert sorted(sizes) == [f"Gruppe {n}" for n in range(1, 7)]
        assert set(sizes.values()) == {4}
        assert len(saved.groups) == 6
    refused = client.post(f"/classes/{school_class.id}/groups/split", data={"count": "25"})
    assert "Vælg mellem 1 og 24 grupper." in client.get(refused.location).text


def test_households_of_two_or_three_in_one_click(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        create_pupils(school_class, *NICKNAMES[:7])
    auth.login()
    response = client.post(f"/classes/{school_class.id}/households/make")
    assert "3 husstande med 2–3 elever er lavet." in client.get(response.location).text
    with app.app_context():
        saved = db.session.get(SchoolClass, school_class.id)
        sizes = Counter(pupil.household.name for pupil in saved.pupils)
        assert sorted(sizes.values()) == [2, 2, 3]
        assert set(sizes) == {"Nr. 1", "Nr. 2", "Nr. 3"}
    page = client.get(f"/classes/{school_class.id}").text
    households = page[page.index('id="households"') :]
    assert 'onsubmit="return confirm(' in households  # asks before making them again
