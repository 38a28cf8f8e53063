"""Form validators and fields with messages in our catalogue (WTForms ships no Danish)."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import IntegerField
from wtforms.validators import DataRequired, Length, NumberRange


def required() -> DataRequired:
    return DataRequired(message=_l("Fill in this field."))


def at_most(characters: int) -> Length:
    return Length(max=characters, message=_l("Use at most %(max)d characters."))


def number_from(low: int, high: int) -> NumberRange:
    return NumberRange(min=low, max=high, message=_l("Use a number from %(min)s to %(max)s."))


class WholeNumberField(IntegerField):
    """An integer field whose 'not a number' message is translated too."""

    def process_formdata(self, valuelist: list[str]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(_("Write a whole number.")) from error
