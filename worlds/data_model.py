"""What every data-file model shares, for estates and lessons alike: unknown keys are
refused, numbers are numbers (`floors: true` is not 1), and what people read comes in both
course languages."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    StringConstraints,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)
from pydantic_core import CoreSchema

from worlds.language import DEFAULT_LANGUAGE, LANGUAGES, Language, _

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "Identifier", "Language", "NonEmpty", "Strict", "Text"]


def _friendly_identifier(value: Any, handler: ValidatorFunctionWrapHandler) -> str:
    """pydantic would print the regular expression; authors need to know what to type."""
    try:
        return handler(value)
    except ValidationError:
        raise ValueError(
            _(
                "%(value)s is not a valid id: use at most 40 lowercase letters a-z, digits "
                "and _, starting with a letter (no spaces, capitals or æøå), e.g. 'gruppe_1'",
                value=repr(value),
            )
        ) from None


Identifier = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40),
    WrapValidator(_friendly_identifier),
]
"""Ids of estates, sites, plots, lessons, roles: lowercase letters, digits and underscores."""


NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _strict_numbers(schema: Any) -> None:
    """Mark every int and float validator in a core schema strict (no bool, no 2.0 → 2)."""
    if isinstance(schema, dict):
        if schema.get("type") in ("int", "float"):
            schema["strict"] = True
        for value in schema.values():
            _strict_numbers(value)
    elif isinstance(schema, list):
        for value in schema:
            _strict_numbers(value)


class Strict(BaseModel):
    """Base for every data-file model: an unknown key is a typo, not an extra, and a loaded
    file is never changed behind its author's back."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[BaseModel], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        """pydantic reads `true` as 1 and `2.0` as 2 for a whole number; in a hand-written
        file that is a slip, so every number field of a data-file model is strict."""
        schema = handler(source)
        _strict_numbers(schema)
        return schema


class Text(Strict):
    """Words users read, in Danish (shown by default) and English.

    Longer lesson texts may use Markdown (paragraphs, `- ` lists, **bold**).
    """

    da: NonEmpty = Field(description="Dansk tekst / Danish text")
    en: NonEmpty = Field(description="English text / engelsk tekst")

    @model_validator(mode="before")
    @classmethod
    def _both_languages(cls, value: Any) -> Any:
        if isinstance(value, str):
            raise ValueError(
                _("text must be given in both languages, as two lines 'da: ...' and 'en: ...'")
            )
        return value

    def get(self, lang: str) -> str:
        """The text in `lang`; Danish for any language the course does not have."""
        return self.en if lang == "en" else self.da
