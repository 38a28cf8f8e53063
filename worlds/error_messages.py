"""Rephrase pydantic's validation errors for people who write YAML by hand.

pydantic says "Extra inputs are not permitted"; an author needs "unknown field
'flors'; did you mean 'floors'?". This module knows the model's field names so
it can suggest the right spelling.
"""

from __future__ import annotations

import difflib
import types
from collections.abc import Sequence
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

Loc = tuple[str | int, ...]


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """A ``did you mean 'x'?`` hint (empty when nothing is close) plus the valid choices."""
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"{hint}choose one of: {', '.join(choices)}"


def describe_error(details: dict[str, Any], model: type[BaseModel]) -> tuple[Loc, str, bool]:
    """Return (location, friendly message, whether to point at the key) for one error."""
    kind = details["type"]
    loc = tuple(details["loc"])
    if kind == "missing":
        return loc, f"required field '{loc[-1]}' is missing; add it here", False
    if kind == "extra_forbidden":
        allowed = fields_at(model, loc[:-1])
        hint = f"; {did_you_mean(str(loc[-1]), allowed)}" if allowed else ""
        if " " in str(loc[-1]):
            hint += "; text holding a comma inside { } must be put in quotes"
        return loc, f"unknown field '{loc[-1]}'{hint}", True
    if kind == "union_tag_invalid":
        context = details["ctx"]
        field = context["discriminator"].strip("'")
        expected = [tag.strip().strip("'") for tag in context["expected_tags"].split(",")]
        message = f"unknown {field} '{context['tag']}'; {did_you_mean(context['tag'], expected)}"
        return (*loc, field), message, False
    if kind == "union_tag_not_found":
        field = details["ctx"]["discriminator"].strip("'")
        return (*loc, field), f"required field '{field}' is missing; it says what this is", False
    if kind in SHAPE_MESSAGES:
        return loc, SHAPE_MESSAGES[kind] + _got(details.get("input")), False
    return loc, _plain_message(details), False


SHAPE_MESSAGES = {
    "model_type": "expected a mapping ('key: value' lines) here",
    "model_attributes_type": "expected a mapping ('key: value' lines) here",
    "dict_type": "expected a mapping ('key: value' lines) here",
    "list_type": "expected a list ('- item' lines) here",
    "tuple_type": "expected a list ('- item' lines) here",
}


def _got(value: Any) -> str:
    if value is None:
        return " (it is empty)"
    if isinstance(value, list):
        return " (got a list)"
    if isinstance(value, dict):
        return " (got a mapping)"
    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
    return f" (got {shown})"


def _plain_message(details: dict[str, Any]) -> str:
    message = details["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    if details["type"] in {"value_error", "assertion_error"}:
        return message
    return message + _got(details.get("input"))


def fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names of the model found by following ``loc`` from ``model`` (may be empty)."""
    current: Any = model
    for element in loc:
        current = _step(current, element)
        if current is None:
            return []
    current = _strip_annotated(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _step(annotation: Any, element: str | int) -> Any:
    annotation = _strip_annotated(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(str(element))
        return field.annotation if field else None
    origin = get_origin(annotation)
    arguments = get_args(annotation)
    if origin in (list, tuple, set, frozenset, Sequence) and arguments:
        return arguments[0]
    if origin is dict and arguments:
        return arguments[1]
    if origin in (Union, types.UnionType):
        tagged = [member for member in arguments if _has_tag(member, element)]
        if tagged:
            return tagged[0]
        for member in arguments:
            found = _step(member, element)
            if found is not None:
                return found
    return None


def _has_tag(member: Any, tag: str | int) -> bool:
    """Whether a union member is selected by ``tag`` (a Literal value of one of its fields)."""
    member = _strip_annotated(member)
    if not (isinstance(member, type) and issubclass(member, BaseModel)):
        return False
    for field in member.model_fields.values():
        if get_origin(field.annotation) is Literal and tag in get_args(field.annotation):
            return True
    return False


def _strip_annotated(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation
