"""Ties settled by lot, told in plain words in the reader's language.

The count records each draw with a stage in English for the record (`lot: places 1-4`,
`elimination in round 2`, `lot: Schulze winners`); pupils and teachers read a sentence.
Results stored before a stage got its own sentence still read sensibly.
"""

import re
from typing import Any

from flask_babel import gettext as _

PLACES = re.compile(r"places (\d+)-(\d+)$")
ELIMINATION = re.compile(r"elimination in round (\d+)$")


def tie_break_sentence(stage: str, tied: list[str], order: list[str]) -> str:
    """`tied` in ballot order, `order` as drawn (best first; in a run-off the last is out)."""
    names = _listed(tied or order)
    if match := PLACES.search(stage):
        first, last = int(match[1]), int(match[2])
        if first == 1 and last == len(order) and len(order) == 2:
            return _(
                "%(names)s got the same number of votes. The lot chose %(winner)s.",
                names=names,
                winner=order[0],
            )
        return _(
            "%(names)s got the same number of votes for places %(first)d–%(last)d. "
            "The lot put them in this order: %(order)s.",
            names=names,
            first=first,
            last=last,
            order=", ".join(order),
        )
    if match := ELIMINATION.search(stage):
        return _(
            "In round %(round)d, %(names)s had equally few votes. The lot sent %(out)s out.",
            round=int(match[1]),
            names=names,
            out=order[-1],
        )
    return _(
        "%(names)s were equally strong. The lot chose %(winner)s.", names=names, winner=order[0]
    )


def tie_break_sentences(result: dict[str, Any], label_of: Any) -> list[str]:
    return [
        tie_break_sentence(
            draw["stage"],
            [label_of(key) for key in draw.get("tied", [])],
            [label_of(key) for key in draw["order"]],
        )
        for draw in result.get("tie_breaks", [])
    ]


def _listed(names: list[str]) -> str:
    """„A, B and C“ in the reader's language."""
    if len(names) < 2:
        return "".join(names)
    return _("%(first)s and %(last)s", first=", ".join(names[:-1]), last=names[-1])
