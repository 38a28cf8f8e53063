"""The framing facts: every one loads with Danish and English text, a source and a date."""

import datetime as dt

from lessons.facts import framing_facts


def test_every_fact_says_where_it_comes_from_in_both_languages() -> None:
    facts = framing_facts().facts
    assert {"residents", "volunteers", "value", "conversation"} <= set(facts)
    for fact in facts.values():
        assert fact.text.da and fact.text.en
        assert "BL" in fact.source.da and "BL" in fact.source.en
        assert fact.checked <= dt.date.today()


def test_the_volunteer_figure_names_the_newer_survey_too() -> None:
    """37 % is BL's 2020 figure; BL's 2023 survey found 36 %, and the source says so."""
    volunteers = framing_facts().facts["volunteers"]
    assert "37 %" in volunteers.text.da and "2020" in volunteers.source.da
    assert "36 %" in volunteers.source.da and "2023" in volunteers.source.en
