"""Load a YAML data file into a pydantic model, or explain precisely what is wrong.

Estate and lesson files are written by teachers, not programmers: every mistake
must come back as ``file:line:column: field: message`` with a hint on how to
fix it, never as a traceback. Used by ``worlds`` and ``lessons`` alike. Files are read
within fixed limits (``worlds.bounded_yaml``), and the messages speak the language of
``worlds.language``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar, runtime_checkable

import yaml
from pydantic import BaseModel, ValidationError

from worlds.bounded_yaml import MAX_FILE_BYTES, YamlLimitError, too_large_message
from worlds.error_messages import describe_error
from worlds.language import _
from worlds.text_safety import one_line
from worlds.yaml_positions import ParsedYaml, PositionIndex, parse_yaml

Model = TypeVar("Model", bound=BaseModel)
Loc = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a data file, with where it is and what to do."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        field = one_line(self.field) or _("(document)")  # a key may hold an escape sequence
        return f"{self.file}:{self.line}:{self.column}: {field}: {self.message}"


class DataFileError(Exception):
    """A data file could not be loaded; ``problems`` lists every reason found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass(frozen=True)
class FieldIssue:
    """A rule broken across fields, reported by a model after pydantic accepted it."""

    loc: Loc
    message: str


@runtime_checkable
class CrossChecked(Protocol):
    """Models that check rules spanning several fields (unique ids, bounds, ...).

    Kept out of pydantic validators so each issue can point at its own field.
    """

    def consistency_issues(self) -> list[FieldIssue]: ...


def load_data_file(path: str | Path, model: type[Model]) -> Model:
    """Read ``path`` and validate it as ``model``; raises ``DataFileError``."""
    path = Path(path)
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)  # a device or pipe never ends
    except OSError as error:
        reason = error.strerror or str(error)
        problem = Problem(str(path), 1, 1, "", _("cannot read the file: %(reason)s", reason=reason))
        raise DataFileError([problem]) from None
    if len(data) > MAX_FILE_BYTES:
        raise DataFileError([Problem(str(path), 1, 1, "", too_large_message())])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataFileError([_not_utf8_problem(data, error, str(path))]) from None
    return parse_data_text(text, model, file=str(path))


def _not_utf8_problem(data: bytes, error: UnicodeDecodeError, file: str) -> Problem:
    """Word and old editors save æøå in Windows-1252; point at the first such byte."""
    before = data[: error.start]
    line = before.count(b"\n") + 1
    column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
    message = _(
        "the file is not UTF-8 text (byte 0x%(byte)s here): save the file as UTF-8 "
        "(in most editors: Save as → Encoding: UTF-8)",
        byte=format(data[error.start], "02X"),
    )
    return Problem(file, line, column, "", message)


def parse_data_text(text: str, model: type[Model], *, file: str = "<text>") -> Model:
    """Validate YAML ``text`` as ``model``; ``file`` names it in problems."""
    try:
        parsed = parse_yaml(text)
    except YamlLimitError as error:
        raise DataFileError([_limit_problem(error, file)]) from None
    except yaml.YAMLError as error:
        raise DataFileError([_syntax_problem(error, file)]) from None
    problems = _duplicate_key_problems(parsed.positions, file)
    try:
        instance = model.model_validate(parsed.data)
    except ValidationError as error:
        problems += validation_problems(error, parsed, model, file)
        raise DataFileError(problems) from None
    if isinstance(instance, CrossChecked):
        problems += [
            _problem_at(issue.loc, issue.message, parsed, file, at_key=False)
            for issue in instance.consistency_issues()
        ]
    if problems:
        raise DataFileError(problems)
    return instance


def placed_problems(issues: list[FieldIssue], path: str | Path) -> list[Problem]:
    """Give each issue found after loading the line and column of its field; the file
    loaded cleanly before, so it parses again."""
    if not issues:
        return []
    parsed = parse_yaml(Path(path).read_text(encoding="utf-8"))
    problems = []
    for issue in issues:
        node_path, name = resolve_loc(issue.loc, parsed.data)
        position = parsed.positions.value(node_path)
        problems.append(Problem(str(path), position.line, position.column, name, issue.message))
    return sorted(problems)


def validation_problems(
    error: ValidationError, parsed: ParsedYaml, model: type[BaseModel], file: str
) -> list[Problem]:
    """Turn pydantic's errors into problems placed on the offending key or value."""
    problems = []
    for details in error.errors(include_url=False):
        loc, message, at_key = describe_error(details, model)
        problems.append(_problem_at(loc, message, parsed, file, at_key=at_key))
    return list(dict.fromkeys(problems))


def _problem_at(loc: Loc, message: str, parsed: ParsedYaml, file: str, *, at_key: bool) -> Problem:
    """Place a problem: the key itself for unknown keys, the value (or nearest parent) else."""
    path, field = resolve_loc(loc, parsed.data)
    index = parsed.positions
    position = index.key(path) if at_key else index.value(path)
    return Problem(file, position.line, position.column, field, message)


def resolve_loc(loc: Loc, data: Any) -> tuple[tuple[str | int, ...], str]:
    """Follow a pydantic location through the data.

    Returns the path of the deepest existing node and the dotted field name.
    Elements that match nothing (union tags) are dropped unless they are the
    last one, which then names a missing field.
    """
    path: list[str | int] = []
    names: list[str | int] = []
    current = data
    for position, element in enumerate(loc):
        if isinstance(current, dict) and str(element) in map(str, current):
            key = next(k for k in current if str(k) == str(element))
            path.append(str(element))
            names.append(str(element))
            current = current[key]
        elif isinstance(current, list) and isinstance(element, int) and element < len(current):
            path.append(element)
            names.append(element)
            current = current[element]
        elif position == len(loc) - 1:
            names.append(element)
    return tuple(path), dotted(names)


def dotted(names: Iterable[str | int]) -> str:
    """``("features", 3, "floors")`` → ``features[3].floors``."""
    text = ""
    for name in names:
        text += f"[{name}]" if isinstance(name, int) else (f".{name}" if text else str(name))
    return text


def _syntax_problem(error: yaml.YAMLError, file: str) -> Problem:
    line, column = _mark_position(error)
    reason = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    reason += f" ({context})" if context else ""
    message = _(
        "YAML syntax error: %(reason)s – check indentation, colons after keys and matching quotes",
        reason=reason,
    )
    return Problem(file, line, column, "", message)


def _limit_problem(error: YamlLimitError, file: str) -> Problem:
    line, column = _mark_position(error)
    return Problem(file, line, column, "", error.problem or "")


def _mark_position(error: yaml.YAMLError) -> tuple[int, int]:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _duplicate_key_problems(positions: PositionIndex, file: str) -> list[Problem]:
    return [
        Problem(
            file,
            position.line,
            position.column,
            dotted(path),
            _(
                "duplicate key '%(key)s': it is already given above; keep only one",
                key=str(path[-1]),
            ),
        )
        for path, position in positions.duplicate_keys
    ]
