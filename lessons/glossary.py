"""The pupils' glossary: one list of words for every lesson (`lessons/data/glossary.yaml`).

Each lesson names the words it uses; the checker makes sure they exist and the
printables print them, so a word is explained the same way in every lesson.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from worlds.data_model import Identifier, Strict, Text
from worlds.datafile import load_data_file

GLOSSARY_PATH = Path(__file__).resolve().parent / "data" / "glossary.yaml"


class Term(Strict):
    term: Text
    meaning: Text


class Glossary(Strict):
    terms: dict[Identifier, Term]


@cache
def glossary() -> Glossary:
    """The shipped glossary; raises `DataFileError` if its file is broken."""
    return load_data_file(GLOSSARY_PATH, Glossary)


def terms_for(ids: list[str]) -> list[Term]:
    """The lesson's words, in alphabetical order of the Danish term."""
    known = glossary().terms
    return sorted((known[i] for i in ids if i in known), key=lambda term: term.term.da.lower())
