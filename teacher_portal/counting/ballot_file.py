"""Read a JSON file of ballots (typed-in paper ballots, or an export) for `jagten tally`.

    {"options": ["A", "B"], "ballots": [{"ranking": ["B", "A"], "count": 3, "weight": 1}]}

`count` (default 1) and `weight` (default 1; a number or a fraction like "2/3") are
optional; an empty ranking is a blank ballot. Every mistake is reported with the file,
the JSON path (`$.ballots[3].ranking[1]`), what is wrong and what to do, in Danish or
English.
"""

import difflib
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

from teacher_portal.counting.ballots import Ballot

MESSAGES: dict[str, tuple[str, str]] = {
    "unreadable": (
        "kan ikke læses ({error}); tjek stien",
        "cannot be read ({error}); check the path",
    ),
    "bad_json": (
        "linje {line}, kolonne {column}: ikke gyldig JSON ({error}); ret tegnsætningen der",
        "line {line}, column {column}: not valid JSON ({error}); fix the punctuation there",
    ),
    "not_object": (
        'skal være et objekt med "options" og "ballots"',
        'must be an object with "options" and "ballots"',
    ),
    "missing": ('mangler feltet "{field}"; tilføj det', 'the field "{field}" is missing; add it'),
    "unknown_field": (
        'ukendt felt "{field}"; {hint}tilladte felter: {allowed}',
        'unknown field "{field}"; {hint}allowed fields: {allowed}',
    ),
    "not_list": ("skal være en liste [...]", "must be a list [...]"),
    "not_text": ("skal være en tekst i anførselstegn", "must be a text in quotes"),
    "few_options": (
        "skal have mindst 2 muligheder at vælge imellem",
        "needs at least 2 options to choose between",
    ),
    "duplicate_option": (
        '"{option}" står to gange; hver mulighed må kun stå én gang',
        '"{option}" is listed twice; list each option once',
    ),
    "not_ballot": (
        'skal være en stemmeseddel {{"ranking": [...]}}',
        'must be a ballot {{"ranking": [...]}}',
    ),
    "unknown_option": (
        '"{option}" er ikke en af mulighederne; {hint}brug en af: {allowed}',
        '"{option}" is not one of the options; {hint}use one of: {allowed}',
    ),
    "repeated_option": (
        '"{option}" står mere end én gang på samme seddel; fjern gentagelsen',
        '"{option}" is listed more than once on one ballot; remove the repeat',
    ),
    "bad_count": (
        "skal være et helt tal, 0 eller mere (antal ens sedler)",
        "must be a whole number, 0 or more (how many identical ballots)",
    ),
    "bad_weight": (
        'skal være et tal eller en brøk som "2/3", 0 eller mere',
        'must be a number or a fraction like "2/3", 0 or more',
    ),
}

HINT = ('mente du "{close}"? ', 'did you mean "{close}"? ')
BALLOT_FIELDS = ("ranking", "count", "weight")


class BallotFileError(ValueError):
    """A ballot file that cannot be counted: where, what is wrong and what to do."""

    def __init__(self, file: str, path: str, kind: str, language: str = "da", **values):
        self.file, self.path, self.kind = file, path, kind
        template = MESSAGES[kind][0 if language == "da" else 1]
        if "hint" in template:
            values["hint"] = _hint(values.pop("near", ""), values["choices"], language)
            values["allowed"] = ", ".join(values.pop("choices"))
        super().__init__(f"{file}: {path}: {template.format(**values)}")


def _hint(word: str, choices: list[str], language: str) -> str:
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    return HINT[0 if language == "da" else 1].format(close=close[0]) if close else ""


def load_ballot_file(path: str | Path, language: str = "da") -> tuple[list[str], list[Ballot]]:
    """Options and ballots from a file; raises `BallotFileError` on any mistake."""
    file = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BallotFileError(file, "$", "unreadable", language, error=error) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        where = {"line": error.lineno, "column": error.colno, "error": error.msg}
        raise BallotFileError(file, "$", "bad_json", language, **where) from None
    return _Reader(file, language).read(data)


class _Reader:
    """Walks the parsed JSON, keeping the file and language for the error messages."""

    def __init__(self, file: str, language: str) -> None:
        self.file, self.language = file, language

    def fail(self, path: str, kind: str, **values: Any) -> BallotFileError:
        return BallotFileError(self.file, path, kind, self.language, **values)

    def read(self, data: Any) -> tuple[list[str], list[Ballot]]:
        if not isinstance(data, dict):
            raise self.fail("$", "not_object")
        self.check_fields("$", data, ("options", "ballots"), required=("options", "ballots"))
        options = self.read_options(data["options"])
        if not isinstance(data["ballots"], list):
            raise self.fail("$.ballots", "not_list")
        ballots = [
            self.read_ballot(f"$.ballots[{i}]", entry, options)
            for i, entry in enumerate(data["ballots"])
        ]
        return options, ballots

    def check_fields(
        self, path: str, data: dict, allowed: tuple[str, ...], required: tuple[str, ...]
    ) -> None:
        for name in data:
            if name not in allowed:
                raise self.fail(
                    f"{path}.{name}", "unknown_field", field=name, near=name, choices=list(allowed)
                )
        for name in required:
            if name not in data:
                raise self.fail(path, "missing", field=name)

    def read_options(self, options: Any) -> list[str]:
        if not isinstance(options, list):
            raise self.fail("$.options", "not_list")
        for i, option in enumerate(options):
            if not isinstance(option, str) or not option.strip():
                raise self.fail(f"$.options[{i}]", "not_text")
            if option in options[:i]:
                raise self.fail(f"$.options[{i}]", "duplicate_option", option=option)
        if len(options) < 2:
            raise self.fail("$.options", "few_options")
        return options

    def read_ballot(self, path: str, entry: Any, options: list[str]) -> Ballot:
        if not isinstance(entry, dict):
            raise self.fail(path, "not_ballot")
        self.check_fields(path, entry, BALLOT_FIELDS, required=("ranking",))
        ranking = self.read_ranking(f"{path}.ranking", entry["ranking"], options)
        count = entry.get("count", 1)
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise self.fail(f"{path}.count", "bad_count")
        return Ballot(ranking, count, self.read_weight(f"{path}.weight", entry.get("weight", 1)))

    def read_ranking(self, path: str, ranking: Any, options: list[str]) -> tuple[str, ...]:
        if not isinstance(ranking, list):
            raise self.fail(path, "not_list")
        for i, option in enumerate(ranking):
            if not isinstance(option, str):
                raise self.fail(f"{path}[{i}]", "not_text")
            if option not in options:
                raise self.fail(
                    f"{path}[{i}]", "unknown_option", option=option, near=option, choices=options
                )
            if option in ranking[:i]:
                raise self.fail(f"{path}[{i}]", "repeated_option", option=option)
        return tuple(ranking)

    def read_weight(self, path: str, weight: Any) -> int | Fraction:
        if isinstance(weight, bool) or not isinstance(weight, int | float | str):
            raise self.fail(path, "bad_weight")
        try:
            value = Fraction(str(weight).strip())
        except (ValueError, ZeroDivisionError):
            raise self.fail(path, "bad_weight") from None
        if value < 0:
            raise self.fail(path, "bad_weight")
        return value.numerator if value.denominator == 1 else value
