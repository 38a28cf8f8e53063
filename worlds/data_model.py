"""What every data-file model shares, for estates and lessons alike: unknown keys are
refused, and what people read comes in both course languages."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)

Language = Literal["da", "en"]
LANGUAGES: tuple[Language, ...] = ("da", "en")
DEFAULT_LANGUAGE: Language = "da"


def _friendly_identifier(value: Any, handler: ValidatorFunctionWrapHandler) -> str:
    """pydantic would print the regular expression; authors need to know what to type."""
    try:
        return handler(value)
    except ValidationError:
        raise ValueError(
            f"{value!r} is not a valid id: use at most 40 lowercase letters a-z, digits and _, "
            "starting with a letter (no spaces, capitals or æøå), e.g. 'gruppe_1'"
        ) from None


Identifier = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40),
    WrapValidator(_friendly_identifier),
]
"""Ids of estates, sites, plots, lessons, roles: lowercase letters, digits and underscores."""


NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Base for every data-file model: an unknown key is a typo, not an extra, and a loaded
    file is never changed behind its author's back."""

    model_config = ConfigDict(extra="forbid", frozen=True)


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
                "text must be given in both languages, as two lines 'da: ...' and 'en: ...'"
            )
        return value

    def get(self, lang: str) -> str:
        """The text in `lang`; Danish for any language the course does not have."""
        return self.en if lang == "en" else self.da
