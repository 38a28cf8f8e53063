"""The teacher's form for a voting task, with the rule combinations that make no sense refused
in words a teacher understands."""

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional

from lessons.vote_methods import MAJORITY_METHODS, SEAT_METHODS, VoteMethod
from teacher_portal.core.form_fields import WholeNumberField, at_most, number_from, required
from teacher_portal.voting.options import MAX_OPTIONS, site_choices

METHOD_LABELS = {
    VoteMethod.PLURALITY: _l("One cross each (plurality)"),
    VoteMethod.APPROVAL: _l("Tick every option you accept (approval)"),
    VoteMethod.RANKED: _l("Rank the options (instant run-off)"),
    VoteMethod.BORDA: _l("Rank the options (Borda count)"),
    VoteMethod.CONDORCET: _l("Rank the options (Condorcet, Schulze method)"),
    VoteMethod.BLOC: _l("Board election: several seats (bloc vote)"),
}
"""Every method's name on the teacher's form (a test keeps it complete)."""


def _values(choices: list[SelectChoice]) -> set[str]:
    return {choice.value for choice in choices}


class TaskForm(FlaskForm):
    question = StringField(_l("Question"), validators=[required(), at_most(200)])
    description = TextAreaField(_l("Description (optional)"), validators=[at_most(2000)])
    option_kind = RadioField(
        _l("The options are"),
        choices=[
            SelectChoice("texts", _l("Written options")),
            SelectChoice("site", _l("Variants of an estate site")),
        ],
        default="texts",
    )
    texts = TextAreaField(_l("Options, one per line"))
    site = SelectField(_l("Estate site"), validate_choice=False)
    method = SelectField(
        _l("Voting method"), choices=[SelectChoice(*item) for item in METHOD_LABELS.items()]
    )
    seats = WholeNumberField(_l("Seats"), default=1, validators=[number_from(1, 10)])
    weights = RadioField(
        _l("Votes per voter"),
        choices=[
            SelectChoice("per_pupil", _l("One vote per pupil")),
            SelectChoice("per_household", _l("Two votes per household (department meeting)")),
        ],
        default="per_pupil",
    )
    quorum_percent = WholeNumberField(
        _l("Quorum: share of the class that must vote (%)"),
        default=0,
        validators=[number_from(0, 100)],
    )
    majority_percent = WholeNumberField(
        _l("The winner needs more than this share of the votes (%, empty: most votes wins)"),
        validators=[Optional(), number_from(0, 99)],
    )
    secret = BooleanField(_l("Secret ballot"), default=True)
    allow_change = BooleanField(_l("Pupils may change their vote until the vote closes"))

    def __init__(self, *args: Any, lang: str = "da", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.site.choices = [
            SelectChoice(choice.value, choice.label) for choice in site_choices(lang)
        ]

    def option_labels(self) -> list[str]:
        return [line.strip() for line in (self.texts.data or "").splitlines() if line.strip()]

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        return self._rules_fit() and valid

    def _rules_fit(self) -> bool:
        """Cross-field rules; each problem is attached to the field to change."""
        problems: list[tuple[Any, Any]] = []
        labels = self.option_labels()
        if self.option_kind.data == "texts" and not 2 <= len(labels) <= MAX_OPTIONS:
            problems.append((self.texts, _l("Write 2 to 12 options, one per line.")))
        if self.option_kind.data == "texts" and len(set(labels)) != len(labels):
            problems.append((self.texts, _l("Each option must be different.")))
        if self.option_kind.data == "site" and self.site.data not in _values(self.site.choices):
            problems.append((self.site, _l("Choose a site from the list.")))
        if (self.seats.data or 1) > 1 and self.method.data not in SEAT_METHODS:
            problems.append((self.seats, _l("This method elects one; use bloc for several seats.")))
        if self.majority_percent.data is not None and self.method.data not in MAJORITY_METHODS:
            problems.append(
                (self.majority_percent, _l("A majority threshold does not fit this method."))
            )
        if self.secret.data and self.allow_change.data:
            problems.append(
                (
                    self.allow_change,
                    _l(
                        "A secret ballot cannot be changed: nobody, not even the portal, knows "
                        "which ballot is whose. Choose an open ballot, or do not allow changes."
                    ),
                )
            )
        for field, message in problems:
            field.errors = [*field.errors, message]
        return not problems
