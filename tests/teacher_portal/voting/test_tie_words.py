"""Ties settled by lot, read as plain sentences in either language."""

import pytest
from flask import Flask

from teacher_portal.voting.tie_words import tie_break_sentence

CASES = [
    (
        "lot: places 1-2",
        ["Bænke", "Legeplads"],
        ["Legeplads", "Bænke"],
        "Bænke og Legeplads fik lige mange stemmer. Lodtrækningen valgte Legeplads.",
        "Bænke and Legeplads got the same number of votes. The lot chose Legeplads.",
    ),
    (
        "lot: places 3-5",
        ["Cem", "Dina", "Eva"],
        ["Eva", "Cem", "Dina"],
        "Cem, Dina og Eva fik lige mange stemmer om plads 3–5. "
        "Lodtrækningen gav denne rækkefølge: Eva, Cem, Dina.",
        "Cem, Dina and Eva got the same number of votes for places 3–5. "
        "The lot put them in this order: Eva, Cem, Dina.",
    ),
    (
        "elimination in round 2",
        ["Bænke", "Køkkenhave"],
        ["Køkkenhave", "Bænke"],
        "I runde 2 havde Bænke og Køkkenhave lige få stemmer. Lodtrækningen sendte Bænke ud.",
        "In round 2, Bænke and Køkkenhave had equally few votes. The lot sent Bænke out.",
    ),
    (
        "lot: Schulze winners",
        ["A", "B"],
        ["B", "A"],
        "A og B stod lige stærkt. Lodtrækningen valgte B.",
        "A and B were equally strong. The lot chose B.",
    ),
]


@pytest.mark.parametrize(("stage", "tied", "order", "danish", "english"), CASES)
def test_a_draw_in_plain_words(
    app: Flask, stage: str, tied: list[str], order: list[str], danish: str, english: str
) -> None:
    with app.test_request_context():
        assert tie_break_sentence(stage, tied, order) == danish
    with app.test_request_context():
        from flask import session

        session["lang"] = "en"
        assert tie_break_sentence(stage, tied, order) == english
