"""Figures that frame the class's work for a politician (`lessons/data/facts.yaml`).

One list, each fact with its source and the date it was last checked, so the report to the
municipality and the teacher notes say the same and a reader can check where it comes from.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from worlds.data_model import Identifier, Strict, Text
from worlds.datafile import load_data_file

FACTS_PATH = Path(__file__).resolve().parent / "data" / "facts.yaml"


class Fact(Strict):
    text: Text
    source: Text
    checked: dt.date


class Facts(Strict):
    facts: dict[Identifier, Fact]


@cache
def framing_facts() -> Facts:
    """The shipped facts; raises `DataFileError` if their file is broken."""
    return load_data_file(FACTS_PATH, Facts)
