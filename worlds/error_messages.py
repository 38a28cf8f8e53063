"""Rephrase pydantic's validation errors for people who write YAML by hand.

pydantic says "Extra inputs are not permitted"; an author needs "unknown field
'flors'; did you mean 'floors'?". This module knows the model's field names so
it can suggest the right spelling. Messages speak the language of ``worlds.language``;
for Danish, pydantic's own English is replaced by the catalogue's words for the kinds
of mistake authors make (a word where a number belongs, a number out of range).
"""

from __future__ import annotations

import difflib
import types
from collections.abc import Sequence
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from worlds.language import N_, _

Loc = tuple[str | int, ...]


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """A ``did you mean 'x'?`` hint (empty when nothing is close) plus the valid choices."""
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    listed = ", ".join(choices)
    if close:
        return _(
            "did you mean '%(close)s'? choose one of: %(choices)s", close=close[0], choices=listed
        )
    return _("choose one of: %(choices)s", choices=listed)


def describe_error(details: dict[str, Any], model: type[BaseModel]) -> tuple[Loc, str, bool]:
    """Return (location, friendly message, whether to point at the key) for one error."""
    kind = details["type"]
    loc = tuple(details["loc"])
    if kind == "missing":
        return (
            loc,
            _("required field '%(field)s' is missing; add it here", field=str(loc[-1])),
            False,
        )
    if kind == "extra_forbidden":
        allowed = fields_at(model, loc[:-1])
        hint = f"; {did_you_mean(str(loc[-1]), allowed)}" if allowed else ""
        if " " in str(loc[-1]):
            hint += "; " + _("text holding a comma inside { } must be put in quotes")
        return loc, _("unknown field '%(field)s'", field=str(loc[-1])) + hint, True
    if kind == "union_tag_invalid":
        context = details["ctx"]
        field = context["discriminator"].strip("'")
        expected = [tag.strip().strip("'") for tag in context["expected_tags"].split(",")]
        message = _(
            "unknown %(field)s '%(tag)s'; %(hint)s",
            field=field,
            tag=str(context["tag"]),
            hint=did_you_mean(context["tag"], expected),
        )
        return (*loc, field), message, False
    if kind == "union_tag_not_found":
        field = details["ctx"]["discriminator"].strip("'")
        message = _("required field '%(field)s' is missing; it says what this is", field=field)
        return (*loc, field), message, False
    if kind in SHAPE_MESSAGES:
        return loc, _(SHAPE_MESSAGES[kind]) + _got(details.get("input")), False
    return loc, _plain_message(details), False


MAPPING_HERE = N_("expected a mapping ('key: value' lines) here")
LIST_HERE = N_("expected a list ('- item' lines) here")
SHAPE_MESSAGES = {
    "model_type": MAPPING_HERE,
    "model_attributes_type": MAPPING_HERE,
    "dict_type": MAPPING_HERE,
    "list_type": LIST_HERE,
    "tuple_type": LIST_HERE,
}


PYDANTIC_MESSAGES = {
    "int_type": N_("Input should be a valid integer"),
    "int_parsing": N_("Input should be a valid integer, unable to parse string as an integer"),
    "float_type": N_("Input should be a valid number"),
    "float_parsing": N_("Input should be a valid number, unable to parse string as a number"),
    "bool_type": N_("Input should be a valid boolean"),
    "bool_parsing": N_("Input should be a valid boolean, unable to interpret input"),
    "string_type": N_("Input should be a valid string"),
    "greater_than_equal": N_("Input should be greater than or equal to %(ge)s"),
    "less_than_equal": N_("Input should be less than or equal to %(le)s"),
    "greater_than": N_("Input should be greater than %(gt)s"),
    "less_than": N_("Input should be less than %(lt)s"),
    "string_too_short": N_(
        "String should have at least %(min_length)s character%(expected_plural)s"
    ),
    "string_too_long": N_("String should have at most %(max_length)s character%(expected_plural)s"),
    "too_short": N_(
        "%(field_type)s should have at least %(min_length)s item%(expected_plural)s "
        "after validation, not %(actual_length)s"
    ),
    "too_long": N_(
        "%(field_type)s should have at most %(max_length)s item%(expected_plural)s "
        "after validation, not %(actual_length)s"
    ),
    "literal_error": N_("Input should be %(expected)s"),
    "enum": N_("Input should be %(expected)s"),
}
"""pydantic's own wording of the mistakes authors make, as msgids: in English the message
reads exactly as pydantic's, in Danish as the catalogue has it (a test holds the two)."""


def _got(value: Any) -> str:
    if value is None:
        return " " + _("(it is empty)")
    if isinstance(value, list):
        return " " + _("(got a list)")
    if isinstance(value, dict):
        return " " + _("(got a mapping)")
    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
    return " " + _("(got %(value)s)", value=shown)


def _plain_message(details: dict[str, Any]) -> str:
    message = pydantic_message(details)
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    if details["type"] in {"value_error", "assertion_error"}:
        return message
    return message + _got(details.get("input"))


def pydantic_message(details: dict[str, Any]) -> str:
    """pydantic's message for one error, in the current language where the catalogue
    knows its kind; otherwise pydantic's English."""
    template = PYDANTIC_MESSAGES.get(details["type"])
    if template is None:
        return details["msg"]
    context = {key: str(value) for key, value in (details.get("ctx") or {}).items()}
    try:
        return _(template, **context) if context else _(template)
    except (KeyError, ValueError, TypeError):  # a pydantic release changed its context
        return details["msg"]


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
